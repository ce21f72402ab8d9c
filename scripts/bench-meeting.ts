// `npm run bench:meeting [-- --cases 500]`: a decision meeting of 500 proposed cases (docs/domain.md
// §7), measured: reading the decision basis, and deciding every case at once (one transaction: a
// decision, a letter, a payment plan, a notification and mails per case, and the protocol). Prints
// the seconds; the target of issue 18 is under 10 s for the meeting. Not a test: nothing fails on
// time. Runs on its own embedded PostgreSQL (SAMVERKA_BENCH_MEETING_PG_PORT, default 54379), made
// fresh each run; the services are called in this process, as the server action calls them.
import "./lib/server-only";
import path from "node:path";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { ensureDatabase, startEmbeddedPostgres } from "./lib/postgres";
import { prisma } from "./lib/run";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const N = arg("cases", 500);
const PORT = Number(process.env.SAMVERKA_BENCH_MEETING_PG_PORT ?? 54379);
const AMOUNT = 200_000;

// N proposed cases, each from its own organisation with one member, reviewed (scores spread) and
// proposed by one officer; a frame for 60 % of them.
const SQL = `
BEGIN;
INSERT INTO "User"(id, email, name, roles, "emailVerifiedAt", "updatedAt") VALUES
  ('m-officer', 'm-handlaggare@samverka.example', 'Erik Föredragande', ARRAY['REVIEWER']::"Role"[], now(), now()),
  ('m-decider', 'm-beslut@samverka.example', 'Maria Beslutsfattare', ARRAY['DECIDER']::"Role"[], now(), now());
INSERT INTO "GrantRound"(id, title, year, "opensAt", "closesAt", "budgetSek", "acceptedTracks", status, "updatedAt")
VALUES ('m-round', 'Statsbidrag mot segregation (beslutsmöte)', 2030, now() - interval '60 days', now() - interval '1 day',
        ${Math.round(N * 0.6) * AMOUNT}, ARRAY['KNOWLEDGE','COLLABORATION','INTERVENTION']::"Track"[], 'CLOSED', now());
INSERT INTO "User"(id, email, name, roles, "emailVerifiedAt", "updatedAt")
SELECT 'm-u' || g, 'm-sokande' || g || '@samverka.example', 'Sökande ' || g, ARRAY['APPLICANT']::"Role"[], now(), now()
FROM generate_series(1, ${N}) g;
INSERT INTO "Organisation"(id, name, "orgNumber", "legalForm", "municipalityCode", "streetAddress", "postalCode", city, "updatedAt")
SELECT 'm-o' || g, (ARRAY['Föreningen','Stiftelsen','Kulturföreningen Şahin','Idrottsföreningen'])[1 + g % 4] || ' Gemenskap ' || g,
       '8' || lpad(g::text, 5, '0') || '-' || lpad((g % 10000)::text, 4, '0'), 'NONPROFIT_ASSOCIATION', '0180',
       'Storgatan ' || g, '123 45', 'Stockholm', now()
FROM generate_series(1, ${N}) g;
INSERT INTO "Membership"("userId", "organisationId") SELECT 'm-u' || g, 'm-o' || g FROM generate_series(1, ${N}) g;
INSERT INTO "Application"(id, "roundId", "organisationId", "createdById", status, "referenceNumber", track, variant, title,
  "requestedSek", "submittedAt", "updatedAt", "periodStart", "periodEnd", "assessmentStep", "countyCode",
  "formalCheckPassed", "declIndependent", "declNonProfit", "declRespectsDemocracy", "declNoDebts", "declNotInLiquidation")
SELECT 'm-a' || g, 'm-round', 'm-o' || g, 'm-u' || g, 'PROPOSED', '2030/' || lpad(g::text, 4, '0'),
  (ARRAY['KNOWLEDGE','COLLABORATION','INTERVENTION'])[1 + g % 3]::"Track", 'NEW', 'Läxhjälp och språkcafé i område ' || g,
  ${AMOUNT * 2}, now() - interval '30 days', now(), date '2031-01-01', date '2032-12-31', 'MATERIAL',
  (ARRAY['01','12','14','03'])[1 + g % 4], true, true, true, true, true, true
FROM generate_series(1, ${N}) g;
INSERT INTO "ConflictDeclaration"(id, "applicationId", "userId", status)
SELECT 'm-c' || g, 'm-a' || g, 'm-officer', 'NO_CONFLICT' FROM generate_series(1, ${N}) g;
INSERT INTO "Review"(id, "applicationId", "reviewerId", recommendation, "completedAt", "updatedAt")
SELECT 'm-r' || g, 'm-a' || g, 'm-officer', 'APPROVE', now(), now() FROM generate_series(1, ${N}) g;
INSERT INTO "ReviewScore"(id, "reviewId", criterion, score)
SELECT 'm-s' || g || c, 'm-r' || g, c::"ReviewCriterion", 1 + (g * 7 + length(c)) % 5
FROM generate_series(1, ${N}) g,
  unnest(ARRAY['NEED','LOCAL_ANCHORING','COLLABORATION','LONG_TERM','FEASIBILITY','FOLLOW_UP','GENDER_EQUALITY']) c;
INSERT INTO "DecisionProposal"(id, "applicationId", "proposedById", outcome, "amountSek", reasons)
SELECT 'm-p' || g, 'm-a' || g, 'm-officer', 'APPROVED', ${AMOUNT}, 'Väl förankrad ansökan.' FROM generate_series(1, ${N}) g;
COMMIT;
`;

async function main() {
  console.log(`[bench:meeting] ett beslutsmöte med ${N} ärenden`);
  const server = await startEmbeddedPostgres({
    dataDir: path.resolve(".data", "postgres-bench-meeting"),
    port: PORT,
    fresh: true,
  });
  try {
    await ensureDatabase(server.adminUrl, "samverka_meeting");
    const url = server.urlFor("samverka_meeting");
    await prisma(["migrate", "deploy"], url);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(SQL);
    await client.end();

    // The services read DATABASE_URL on first use; no job queue (mails stay in the outbox).
    process.env.DATABASE_URL = url;
    process.env.SAMVERKA_JOBS = "off";
    const { decisionBasis, holdMeeting } = await import("@/lib/server/meeting");
    const { STANDARD_REASONS } = await import("@/lib/domain/meeting");
    const { db } = await import("@/lib/server/db");
    const decider = {
      id: "m-decider",
      email: "m-beslut@samverka.example",
      name: "Maria Beslutsfattare",
      roles: ["DECIDER" as const],
      locale: "sv",
    };

    let started = performance.now();
    const basis = await decisionBasis(decider, "m-round");
    const basisSeconds = (performance.now() - started) / 1000;
    let left = basis.frameLeftSek;
    const cases = basis.rows.map((r) => {
      const fits = left >= AMOUNT;
      if (fits) left -= AMOUNT;
      return fits
        ? {
            applicationId: r.id,
            version: r.version,
            action: "APPROVE" as const,
            amountSek: AMOUNT,
            reasons: STANDARD_REASONS.APPROVE,
          }
        : {
            applicationId: r.id,
            version: r.version,
            action: "REJECT" as const,
            reasons: STANDARD_REASONS.REJECT,
          };
    });

    started = performance.now();
    const { meetingId } = await holdMeeting(decider, {
      roundId: "m-round",
      key: randomUUID(),
      conflictsChecked: true,
      cases,
    });
    const meetingSeconds = (performance.now() - started) / 1000;
    const [decisions, mails, meetingCases] = await Promise.all([
      db.decision.count({ where: { roundId: "m-round" } }),
      db.mailMessage.count({ where: { subject: { startsWith: "Beslut om ansökan 2030/" } } }),
      db.decisionMeetingCase.count({ where: { meetingId } }),
    ]);
    await db.$disconnect();
    console.log(`
| mätning                                   | sekunder |
| ----------------------------------------- | -------: |
| beslutsunderlaget (${N} ärenden, rangordnat) | ${basisSeconds.toFixed(2).padStart(8)} |
| beslutsmötet (${N} beslut i en transaktion) | ${meetingSeconds.toFixed(2).padStart(8)} |

beslut: ${decisions}, ärenden i protokollet: ${meetingCases}, mejl i utkorgen: ${mails}
mål (issue 18): mötet under 10 s – ${meetingSeconds < 10 ? "uppnått" : "INTE uppnått"}`);
    if (decisions !== N || meetingCases !== N) throw new Error("mötet beslutade inte alla ärenden");
  } finally {
    await server.stop().catch(() => {});
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
