import { createHash } from "node:crypto";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import { DEMO, DEMO_PASSWORD, signIn } from "./support";
import { query } from "./db";

// One table: every route handler (and the pages that guard records) against every kind of caller,
// with the expected HTTP status. Outsiders get 404 (or are sent to sign in), never the data.
// A route handler added without a row here makes the last test fail.
// reviewerWithConflict has declared a conflict of interest in `conflictApp` (in review) and in the
// approved grant `app` (in follow-up): docs/domain.md §5, the conflict covers the whole case.

const CALLERS = [
  "anonymous",
  "otherApplicant",
  "owner",
  "reviewer",
  "reviewerWithConflict",
  "decider",
  "admin",
  "deactivated",
] as const;
type Caller = (typeof CALLERS)[number];
type Expect = Partial<Record<Caller, number>> & { rest: number };
type Row = {
  route: string;
  method?: "GET" | "POST";
  path: (ids: Ids) => string;
  expect: Expect;
  multipart?: boolean;
};
type Ids = {
  app: string;
  partner: string;
  report: string;
  org: string;
  decision: string;
  conflictApp: string;
  /** A PDF attached to `report`. */
  file: string;
  paymentFile: string;
  /** The demo case's round, and a decision meeting held in it (with its protocol). */
  round: string;
  meeting: string;
};

const SIGN_IN = 307;
const page = (owner: number | undefined, staff: number, admin = staff): Expect => ({
  anonymous: SIGN_IN,
  deactivated: SIGN_IN,
  owner,
  reviewer: staff,
  reviewerWithConflict: staff,
  decider: staff,
  admin,
  rest: 404,
});
const staffOnly = (decider = 200): Expect => ({
  anonymous: SIGN_IN,
  deactivated: SIGN_IN,
  reviewer: 200,
  reviewerWithConflict: 200,
  decider,
  admin: 200,
  rest: 404,
});
const adminOnly: Expect = { anonymous: SIGN_IN, deactivated: SIGN_IN, admin: 200, rest: 404 };
const everyone = (status: number): Expect => ({ rest: status });

const ROWS: Row[] = [
  // Pages that guard records
  { route: "/ansokningar/[id]", path: (i) => `/ansokningar/${i.app}`, expect: page(200, 404) },
  {
    route: "/ansokningar/[id]/rapport/[reportId]",
    path: (i) => `/ansokningar/${i.app}/rapport/${i.report}`,
    expect: page(200, 404),
  },
  {
    route: "/organisationer/[id]",
    path: (i) => `/organisationer/${i.org}`,
    expect: page(200, 404),
  },
  // Any applicant may ask to join an organisation; staff do not.
  {
    route: "/organisationer/ga-med",
    path: () => "/organisationer/ga-med",
    expect: {
      anonymous: SIGN_IN,
      deactivated: SIGN_IN,
      owner: 200,
      otherApplicant: 200,
      rest: 404,
    },
  },
  { route: "/handlaggning", path: () => "/handlaggning", expect: staffOnly() },
  { route: "/handlaggning/[id]", path: (i) => `/handlaggning/${i.app}`, expect: staffOnly() },
  {
    route: "/handlaggning/[id] (declared conflict)",
    path: (i) => `/handlaggning/${i.conflictApp}`,
    expect: staffOnly(),
  },
  {
    route: "/beslut",
    path: () => "/beslut",
    expect: { anonymous: SIGN_IN, deactivated: SIGN_IN, decider: 200, rest: 404 },
  },
  { route: "/beslut/mote", path: () => "/beslut/mote", expect: staffOnly() },
  {
    route: "/beslut/mote (round)",
    path: (i) => `/beslut/mote?round=${i.round}`,
    expect: staffOnly(),
  },
  { route: "/uppfoljning", path: () => "/uppfoljning", expect: staffOnly() },
  {
    route: "/uppfoljning/[id]",
    path: (i) => `/uppfoljning/${i.app}`,
    expect: { ...staffOnly(), reviewerWithConflict: 404 },
  },
  { route: "/statistik", path: () => "/statistik", expect: staffOnly() },
  { route: "/admin", path: () => "/admin", expect: adminOnly },
  { route: "/admin/anvandare", path: () => "/admin/anvandare", expect: adminOnly },
  { route: "/admin/logg", path: () => "/admin/logg", expect: adminOnly },
  { route: "/admin/jav", path: () => "/admin/jav", expect: adminOnly },
  { route: "/admin/utkorg", path: () => "/admin/utkorg", expect: adminOnly },
  { route: "/admin/betalningar", path: () => "/admin/betalningar", expect: adminOnly },
  // Route handlers
  // A payment file holding the grant in which reviewerWithConflict declared a conflict.
  {
    route: "/api/admin/betalfiler/[id]",
    path: (i) => `/api/admin/betalfiler/${i.paymentFile}?format=xml`,
    expect: { admin: 200, rest: 404 },
  },
  {
    route: "/api/admin/betalfiler/[id] (CSV)",
    path: (i) => `/api/admin/betalfiler/${i.paymentFile}?format=csv`,
    expect: { admin: 200, rest: 404 },
  },
  {
    route: "/api/admin/betalfiler/[id] (no such file)",
    path: () => `/api/admin/betalfiler/finns-inte`,
    expect: everyone(404),
  },
  {
    route: "/api/admin/export",
    path: () => "/api/admin/export?format=csv",
    expect: { admin: 200, rest: 404 },
  },
  { route: "/api/admin/logg", path: () => "/api/admin/logg", expect: { admin: 200, rest: 404 } },
  {
    route: "/api/uppfoljning/resultat",
    path: () => "/api/uppfoljning/resultat",
    expect: { reviewer: 200, reviewerWithConflict: 200, decider: 200, admin: 200, rest: 404 },
  },
  // The decision meeting: its basis and protocol, for staff.
  {
    route: "/api/beslut/mote/underlag",
    path: (i) => `/api/beslut/mote/underlag?round=${i.round}&format=csv`,
    expect: { reviewer: 200, reviewerWithConflict: 200, decider: 200, admin: 200, rest: 404 },
  },
  {
    route: "/api/beslut/mote/underlag (PDF)",
    path: (i) => `/api/beslut/mote/underlag?round=${i.round}&format=pdf`,
    expect: { reviewer: 200, reviewerWithConflict: 200, decider: 200, admin: 200, rest: 404 },
  },
  {
    route: "/api/beslut/mote/underlag (no round)",
    path: () => `/api/beslut/mote/underlag?format=csv`,
    expect: { reviewer: 400, reviewerWithConflict: 400, decider: 400, admin: 400, rest: 404 },
  },
  {
    route: "/api/beslut/mote/[meetingId]/protokoll",
    path: (i) => `/api/beslut/mote/${i.meeting}/protokoll`,
    expect: { reviewer: 200, reviewerWithConflict: 200, decider: 200, admin: 200, rest: 404 },
  },
  {
    route: "/api/beslut/mote/[meetingId]/protokoll (no such meeting)",
    path: () => `/api/beslut/mote/finns-inte/protokoll`,
    expect: everyone(404),
  },
  // The demo data has no stored letters of intent: everyone gets 404, and no one gets a 500 or someone else's file.
  {
    route: "/api/ansokningar/[id]/partner/[partnerId]/avsiktsforklaring",
    path: (i) => `/api/ansokningar/${i.app}/partner/${i.partner}/avsiktsforklaring`,
    expect: everyone(404),
  },
  {
    route: "/api/ansokningar/[id]/partner/[partnerId]/avsiktsforklaring (upload)",
    method: "POST",
    multipart: true,
    path: (i) => `/api/ansokningar/${i.app}/partner/${i.partner}/avsiktsforklaring`,
    expect: { owner: 400, rest: 404 },
  },
  {
    route: "/api/handlaggning/[id]/partner/[partnerId]/avsiktsforklaring",
    path: (i) => `/api/handlaggning/${i.app}/partner/${i.partner}/avsiktsforklaring`,
    expect: everyone(404),
  },
  // The demo decisions have their letters: the organisation and the officer who opened the case.
  {
    route: "/api/beslut/[decisionId]/beslutsbrev",
    path: (i) => `/api/beslut/${i.decision}/beslutsbrev`,
    expect: { owner: 200, reviewer: 200, rest: 404 },
  },
  {
    route: "/api/rapporter/[reportId]/bilagor/[fileId]",
    path: (i) => `/api/rapporter/${i.report}/bilagor/finns-inte`,
    expect: everyone(404),
  },
  {
    route: "/api/rapporter/[reportId]/bilagor/[fileId] (stored file)",
    path: (i) => `/api/rapporter/${i.report}/bilagor/${i.file}`,
    expect: { owner: 200, reviewer: 200, decider: 200, admin: 200, rest: 404 },
  },
  {
    route: "/api/rapporter/[reportId]/bilagor",
    method: "POST",
    multipart: true,
    path: (i) => `/api/rapporter/${i.report}/bilagor`,
    expect: { owner: 400, rest: 404 },
  },
  // Public on purpose
  { route: "/api/health", path: () => "/api/health", expect: everyone(200) },
  { route: "/api/ping", path: () => "/api/ping", expect: everyone(200) },
  { route: "/api/kommuner", path: () => "/api/kommuner?q=Sto", expect: everyone(200) },
  {
    route: "/api/open-data/beviljade",
    path: () => "/api/open-data/beviljade?format=json",
    expect: everyone(200),
  },
  {
    route: "/api/open-data/erfarenheter",
    path: () => "/api/open-data/erfarenheter?q=kulturskola",
    expect: everyone(200),
  },
  {
    route: "/api/v1/applications/[id]/submit",
    method: "POST",
    path: (i) => `/api/v1/applications/${i.app}/submit`,
    expect: { owner: 200, rest: 404 },
  },
  {
    route: "/api/v1/applications/validate",
    method: "POST",
    path: () => "/api/v1/applications/validate",
    expect: everyone(400),
  },
];

const EMAILS: Partial<Record<Caller, string>> = {
  otherApplicant: DEMO.applicant,
  owner: "rosengard@samverka.example",
  reviewer: DEMO.reviewer,
  reviewerWithConflict: "handlaggare2@samverka.example",
  decider: DEMO.decider,
  admin: DEMO.admin,
  deactivated: "angered@samverka.example",
};

async function contextFor(browser: Browser, caller: Caller): Promise<APIRequestContext> {
  const context = await browser.newContext();
  const email = EMAILS[caller];
  if (email) await signIn(await context.newPage(), email, DEMO_PASSWORD);
  return context.request;
}

test("every route answers every kind of caller as the matrix says", async ({ browser }) => {
  test.setTimeout(240_000);
  const [r] = await query<{ app: string; org: string; round: string }>(
    `SELECT a.id AS app, a."organisationId" AS org, a."roundId" AS round FROM "Application" a WHERE a.title = 'Kulturskola för alla i Rosengård'`,
  );
  const [p] = await query<{ id: string }>(
    `SELECT id FROM "Partner" WHERE "applicationId" = $1 ORDER BY position LIMIT 1`,
    [r.app],
  );
  const [rep] = await query<{ id: string }>(
    `SELECT id FROM "FollowUpReport" WHERE "applicationId" = $1 ORDER BY "dueDate" LIMIT 1`,
    [r.app],
  );
  const [d] = await query<{ id: string }>(`SELECT id FROM "Decision" WHERE "applicationId" = $1`, [
    r.app,
  ]);
  const [h] = await query<{ id: string }>(
    `SELECT id FROM "Application" WHERE title = 'Husby tillsammans'`,
  );
  const [u2] = await query<{ id: string }>(
    `SELECT id FROM "User" WHERE email = 'handlaggare2@samverka.example'`,
  );
  await query(
    `INSERT INTO "ConflictDeclaration"(id, "applicationId", "userId", status, description) VALUES ('authz-conflict', $1, $2, 'DECLARED', 'Styrelseledamot') ON CONFLICT DO NOTHING`,
    [h.id, u2.id],
  );
  await query(
    `INSERT INTO "ConflictDeclaration"(id, "applicationId", "userId", status, description) VALUES ('authz-conflict-followup', $1, $2, 'DECLARED', 'Styrelseledamot') ON CONFLICT DO NOTHING`,
    [r.app, u2.id],
  );
  const pdf = Buffer.from("%PDF-1.4\n<html><script>alert(1)</script></html>\n%%EOF\n");
  const sha = createHash("sha256").update(pdf).digest("hex");
  await query(
    `INSERT INTO "FileBlob"(sha256, data, size) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
    [sha, pdf, pdf.length],
  );
  await query(
    `INSERT INTO "StoredFile"(id, sha256, "contentType", "fileName", size) VALUES ('authz-file', $1, 'text/html', 'rapport.pdf.html', $2) ON CONFLICT DO NOTHING`,
    [sha, pdf.length],
  );
  await query(
    `INSERT INTO "ReportAttachment"(id, "reportId", "fileId") VALUES ('authz-attachment', $1, 'authz-file') ON CONFLICT DO NOTHING`,
    [rep.id],
  );
  // A cancelled payment file that held the grant's first instalment.
  const [inst] = await query<{ id: string }>(
    `SELECT id FROM "Instalment" WHERE "applicationId" = $1 ORDER BY number LIMIT 1`,
    [r.app],
  );
  await query(
    `INSERT INTO "PaymentFile"(id, status, count, "totalSek", xml, csv, sha256, "createdById", "cancelledAt", "cancelledIds")
     VALUES ('authz-payment-file', 'CANCELLED', 1, 1, convert_to('<Document/>', 'UTF8'), convert_to('a', 'UTF8'), '', $1, now(), ARRAY[$2])
     ON CONFLICT DO NOTHING`,
    [u2.id, inst.id],
  );
  // A decision meeting in the demo round, with its protocol (a stored PDF).
  const protocol = Buffer.from("%PDF-1.4\n% beslutsprotokoll\n%%EOF\n");
  const protocolSha = createHash("sha256").update(protocol).digest("hex");
  await query(
    `INSERT INTO "FileBlob"(sha256, data, size) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
    [protocolSha, protocol, protocol.length],
  );
  await query(
    `INSERT INTO "StoredFile"(id, sha256, "contentType", "fileName", size) VALUES ('authz-protocol', $1, 'application/pdf', 'beslutsprotokoll.pdf', $2) ON CONFLICT DO NOTHING`,
    [protocolSha, protocol.length],
  );
  await query(
    `INSERT INTO "DecisionMeeting"(id, "roundId", "deciderId", "idempotencyKey", "heldOn", "budgetSek", "approvedBeforeSek", "approvedSek", "protocolFileId")
     SELECT 'authz-meeting', $1, id, 'authz-meeting', current_date, 0, 0, 0, 'authz-protocol' FROM "User" WHERE email = $2
     ON CONFLICT DO NOTHING`,
    [r.round, EMAILS.decider],
  );
  const ids: Ids = {
    app: r.app,
    org: r.org,
    partner: p.id,
    report: rep.id,
    decision: d.id,
    conflictApp: h.id,
    file: "authz-file",
    paymentFile: "authz-payment-file",
    round: r.round,
    meeting: "authz-meeting",
  };

  const contexts = {} as Record<Caller, APIRequestContext>;
  for (const caller of CALLERS) contexts[caller] = await contextFor(browser, caller);
  // The deactivated user signed in before being deactivated: their session must stop working at once.
  await query(`UPDATE "User" SET "deactivatedAt" = now() WHERE email = $1`, [EMAILS.deactivated]);

  const surprises: string[] = [];
  for (const row of ROWS) {
    for (const caller of CALLERS) {
      const url = row.path(ids);
      const options = {
        maxRedirects: 0,
        ...(row.multipart
          ? {
              multipart: {
                file: {
                  name: "x.pdf",
                  mimeType: "application/pdf",
                  buffer: Buffer.from("inte en pdf"),
                },
              },
            }
          : row.method === "POST"
            ? { data: {} }
            : {}),
      };
      const response =
        row.method === "POST"
          ? await contexts[caller].post(url, options)
          : await contexts[caller].get(url, options);
      const expected = row.expect[caller] ?? row.expect.rest;
      if (response.status() !== expected)
        surprises.push(
          `${row.method ?? "GET"} ${row.route} as ${caller}: ${response.status()}, expected ${expected}`,
        );
    }
  }
  await query(`UPDATE "User" SET "deactivatedAt" = NULL WHERE email = $1`, [EMAILS.deactivated]);
  expect(surprises).toEqual([]);

  // A stored file (here a PDF/HTML polyglot saved under an HTML name and type) downloads as a PDF.
  const download = await contexts.owner.get(`/api/rapporter/${ids.report}/bilagor/${ids.file}`);
  expect(download.headers()["content-type"]).toBe("application/pdf");
  expect(download.headers()["x-content-type-options"]).toBe("nosniff");
  expect(download.headers()["content-disposition"]).toBe(
    `attachment; filename="bilaga.pdf"; filename*=UTF-8''rapport.pdf`,
  );
});

test("every route handler has a row in the matrix", () => {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (entry === "route.ts")
        found.push(
          "/" +
            path
              .relative("app", path.dirname(full))
              .split(path.sep)
              .filter((s) => !s.startsWith("("))
              .join("/"),
        );
    }
  };
  walk("app");
  const covered = new Set(ROWS.map((r) => r.route.split(" ")[0]));
  const missing = found.filter(
    (route) => route !== "/api/auth/[...nextauth]" && !covered.has(route),
  );
  expect(missing).toEqual([]);
});
