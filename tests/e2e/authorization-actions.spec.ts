import { readFileSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import pg from "pg";
import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import { DEMO, DEMO_PASSWORD, signIn } from "./support";

// React's encoder for server action arguments, the one the browser bundle uses (no types shipped).
const { encodeReply } = createRequire(import.meta.url)(
  "next/dist/compiled/react-server-dom-webpack/client.node",
) as { encodeReply: (value: unknown) => Promise<string | FormData> };

// Every server action × every kind of caller, over HTTP, against the production build.
//
// Why an end-to-end spec and not a Vitest test that calls the action functions: an action is only
// as safe as what reaches it. Over HTTP the request goes through everything a real one does: Next's
// action dispatch by id (the id a browser would send), its Origin check, proxy.ts, the session
// cookie from a real sign-in (with the second factor for staff) checked against the session table,
// the decoding of the arguments, and the answer as the browser gets it. A Vitest test would have to
// fake the request scope that `cookies()`, `headers()`, `revalidatePath()` and `redirect()` need,
// and would test that fake as much as the action. The ids come from the build's own
// server-reference manifest, so the spec calls exactly what the build exposes; the protocol (a
// JSON array of the arguments, `$`-escaped strings, FormData as `$K` parts) is React's documented
// reply encoding and is the only thing here that follows Next's internals.
//
// The list of actions is generated twice: from the source (every export of every "use server"
// module under app/ and components/) and from the manifest. A new action without a row fails the
// first test; an action in the source that the build does not expose fails it too.
//
// For each row the outsiders call first, with input that is valid (so that a refusal cannot hide
// behind a validation error), and then with input that no schema accepts (so that an action which
// reads its input before it checks the caller shows: the outsider would get field problems, and
// learn that the record exists). Each call must be refused ("not found" or "sign in") and the
// database must be exactly as before (a fingerprint of every business table). Then the permitted callers
// call with the same input and must get past the check: a success, a validation problem or a rule
// of the case ("already released", "wrong version") are all fine; a refusal or a crash is not.
// The rows work on copies of demo records made for this spec (ids starting "matrix-"), so the
// permitted callers' successes change nothing that other specs read; the copies go at the end.

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

const EMAILS: Partial<Record<Caller, string>> = {
  otherApplicant: DEMO.applicant,
  owner: "rosengard@samverka.example",
  reviewer: DEMO.reviewer,
  reviewerWithConflict: "handlaggare2@samverka.example",
  decider: DEMO.decider,
  admin: DEMO.admin,
  deactivated: "angered@samverka.example",
};

/** The records the rows act on; all but the demo organisation are made by this spec. */
type Fixtures = {
  /** A case in review, owned by the owner's organisation; reviewerWithConflict has declared a conflict. */
  review: string;
  /** The conflicted officer's declaration in `review`, for the ruling. */
  declaration: string;
  /** An approved grant of the owner's organisation; reviewerWithConflict has declared a conflict. */
  grant: string;
  report: string;
  reportDueDate: string;
  /** The grant's final report, and its public summary as the grantee sent it in. */
  finalReport: string;
  example: string;
  instalment: string;
  /** A repayment claim on `grant`, proposed by the reviewer, for the decider's decision. */
  claim: string;
  /** A payment file already paid: the admin's calls get past the check and are turned away. */
  paymentFile: string;
  partner: string;
  /** The owner's organisation (a demo record: the rows only read it). */
  org: string;
  /** The demo organisation's board as it is, so that the owner's save changes nothing. */
  board: { name: string; role: string; signatory: boolean }[];
  orgNumber: string;
  /** An organisation with no members, for requests to join. */
  emptyOrgNumber: string;
  membershipRequest: string;
  round: string;
  closedRound: string;
  /** A plain applicant account that the admin rows act on. */
  user: string;
};

const STAFF = ["reviewer", "reviewerWithConflict", "decider", "admin"] as const;
const SIGNED_IN = ["otherApplicant", "owner", ...STAFF] as const;
const FOLLOW_UP = ["reviewer", "admin"] as const;

type Args = unknown[];
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};
type Row = {
  /** "<file>#<export>", e.g. "app/(officer)/uppfoljning/actions.ts#releaseAction". */
  action: string;
  args: (f: Fixtures) => Args;
  /**
   * Who gets past the check; everyone else must be refused. "token": the argument is a bearer
   * token, the credential itself; called with one that does not exist, everyone is refused.
   */
  allowed: readonly Caller[] | "everyone" | "token";
  /** The outsiders' second call, with input no schema accepts; by default `junk(args)`. */
  junk?: (f: Fixtures) => Args;
};

/**
 * Input that no schema accepts, for the same records: every field of an object gets a value of
 * the wrong type (and a field no form has), a FormData is sent empty, a flag or number becomes a
 * word and a list of ids a list of numbers. Strings stay: they are the ids and tokens of the
 * records (rows whose input is a plain string say their junk themselves).
 */
const junk = (args: Args): Args =>
  args.map((value) => {
    if (value instanceof FormData) return new FormData();
    if (Array.isArray(value)) return value.map(() => 42);
    if (value && typeof value === "object")
      return {
        ...Object.fromEntries(
          Object.entries(value).map(([k, v]) => [k, typeof v === "string" ? 42 : "x"]),
        ),
        notAField: [{}],
      };
    if (typeof value === "boolean" || typeof value === "number") return "x";
    return value;
  });

const REVIEW = "app/(officer)/handlaggning/[id]/actions.ts";
const FOLLOW = "app/(officer)/uppfoljning/actions.ts";
const MEETING = "app/(officer)/beslut/mote/actions.ts";
const USERS = "app/(admin)/admin/anvandare/actions.ts";
const ROUNDS = "app/(admin)/admin/utlysningar/actions.ts";
const APPLICATION = "app/(applicant)/ansokningar/[id]/actions.ts";
const ORGS = "app/(applicant)/organisationer/actions.ts";
const LETTER = "app/(public)/avsiktsforklaring/[token]/actions.ts";
const TWO_FACTOR = "app/(signed-in)/konto/tvastegsverifiering/actions.ts";
const INVITATION = "app/(public)/personal/inbjudan/actions.ts";
const PAYMENTS = "app/(admin)/admin/betalningar/actions.ts";

const REPORT = "app/(applicant)/ansokningar/[id]/rapport/[reportId]/actions.ts";
const EXAMPLE_TEXTS = {
  place: "Rosengård i Malmö.",
  purpose: "En kulturskola nära hemmet.",
  process: "Tre eftermiddagar i veckan.",
  results: "Sextio barn varje vecka.",
  lessons: "Skolans lokaler var avgörande.",
};

const NO_TOKEN = "matrix-no-such-token-0000000000000000";
const reasons = "Skälen skrivs ut här i minst tio tecken.";

const ROWS: Row[] = [
  // Staff accounts: administrators only.
  {
    action: `${USERS}#inviteStaffAction`,
    args: () => [
      { name: "Matrix Person", email: "matrix-invite@samverka.example", role_REVIEWER: true },
    ],
    allowed: ["admin"],
  },
  {
    action: `${USERS}#setRolesAction`,
    args: (f) => [f.user, { role_APPLICANT: true }],
    allowed: ["admin"],
  },
  {
    action: `${USERS}#toggleDeactivatedAction`,
    args: (f) => [f.user, false],
    allowed: ["admin"],
  },
  { action: `${USERS}#resetTwoFactorAction`, args: (f) => [f.user], allowed: ["admin"] },
  {
    action: `${INVITATION}#acceptStaffInvitationAction`,
    args: () => [
      NO_TOKEN,
      { password: "ett-langt-losenord-2026", passwordConfirm: "ett-langt-losenord-2026" },
    ],
    allowed: "token",
  },
  // An existing account accepts while signed in as itself: the token is still the credential.
  {
    action: `${INVITATION}#acceptStaffInvitationAsUserAction`,
    args: () => [NO_TOKEN],
    allowed: "token",
  },
  // Grant rounds: administrators only.
  {
    action: `${ROUNDS}#saveRoundAction`,
    args: (f) => [
      f.round,
      {
        title: "Matrisens utlysning",
        year: 2031,
        opensAt: "2031-01-01T00:00",
        closesAt: "2031-03-01T23:59",
        budgetSek: 1_000_000,
        longestPeriodMonths: 24,
        track_KNOWLEDGE: true,
      },
    ],
    allowed: ["admin"],
  },
  { action: `${ROUNDS}#roundStatusAction`, args: (f) => [f.round], allowed: ["admin"] },
  // The applicant's own application: members of its organisation only.
  {
    action: `${APPLICATION}#saveDraftPartAction`,
    args: (f) => [f.grant, 1, "grunduppgifter", { title: "Ny titel" }],
    junk: (f) => [f.grant, "x", "ingen-sadan-del", 42],
    allowed: ["owner"],
  },
  { action: `${APPLICATION}#submitApplicationAction`, args: (f) => [f.grant], allowed: ["owner"] },
  {
    action: `${APPLICATION}#withdrawApplicationAction`,
    args: (f) => [f.grant, "Vi drar tillbaka ansökan."],
    junk: (f) => [f.grant, 42],
    allowed: ["owner"],
  },
  {
    action: `${APPLICATION}#sendLetterLinkAction`,
    args: (f) => [
      f.grant,
      f.partner,
      {
        competences: "Samtalsledare med lång erfarenhet.",
        role: "Partnern leder samtalsgrupperna.",
        resources: "Två anställda och en lokal.",
        from: "2027-01-01",
        to: "2028-12-31",
        contactName: "Anna Andersson",
        contactEmail: "anna@kommun.example",
      },
      false,
    ],
    allowed: ["owner"],
  },
  {
    action: `${REPORT}#saveReportAction`,
    args: (f) => [
      f.report,
      999,
      {
        meetingsHeld: 1,
        participantsWomen: null,
        participantsMen: null,
        participantsOther: null,
        collaborationsStarted: null,
        collaborationsNote: "",
        spending: {},
        unspentSek: null,
        whatWasDone: "",
        resultsForResidents: "",
        lessonsLearned: "",
        continuation: "",
      },
      false,
    ],
    allowed: ["owner"],
  },
  {
    action: "app/(applicant)/ansokningar/ny/actions.ts#startApplicationAction",
    args: (f) => [undefined, form({ organisationId: f.org, roundId: f.closedRound })],
    allowed: ["owner"],
  },
  // The final report's public summary (a learning example): the grantee's members write it.
  {
    action: `${REPORT}#saveExampleAction`,
    args: (f) => [f.finalReport, 999, { ...EXAMPLE_TEXTS, consent: true }],
    allowed: ["owner"],
  },
  {
    action: `${REPORT}#submitExampleAction`,
    args: (f) => [f.finalReport, 999, { ...EXAMPLE_TEXTS, consent: true }],
    allowed: ["owner"],
  },
  // Organisations: applicants; an organisation's own business, its members.
  {
    action: `${ORGS}#createOrganisationAction`,
    args: (f) => [
      {
        name: "Matrisens förening",
        orgNumber: f.orgNumber,
        legalForm: "NONPROFIT_ASSOCIATION",
        municipalityCode: "0180",
        foundedOn: "",
        streetAddress: "Matrisgatan 1",
        postalCode: "127 48",
        city: "Stockholm",
        contactEmail: "info@matris.example",
        contactPhone: "08-123 456 78",
        payoutType: "BANKGIRO",
        payoutAccount: "5402-9681",
      },
    ],
    allowed: ["otherApplicant", "owner"],
  },
  {
    action: `${ORGS}#inviteMemberAction`,
    args: (f) => [f.org, { email: "matrix-member@samverka.example" }],
    allowed: ["owner"],
  },
  { action: `${ORGS}#acceptInvitationAction`, args: () => [NO_TOKEN], allowed: "token" },
  {
    action: `${ORGS}#findOrganisationToJoinAction`,
    args: (f) => [{ orgNumber: f.orgNumber }],
    allowed: ["otherApplicant", "owner"],
  },
  {
    action: `${ORGS}#requestMembershipAction`,
    args: (f) => [{ orgNumber: f.emptyOrgNumber, message: "Jag vill gärna vara med." }],
    allowed: ["otherApplicant", "owner"],
  },
  {
    action: `${ORGS}#decideMembershipRequestAction`,
    args: (f) => [{ requestId: f.membershipRequest, approve: false }],
    // The request exists; only the answer is junk.
    junk: (f) => [{ requestId: f.membershipRequest, approve: "kanske" }],
    allowed: ["owner"],
  },
  {
    action: `${ORGS}#saveBoardAction`,
    args: (f) => [f.org, { members: f.board }],
    allowed: ["owner"],
  },
  // Confirming an address: the link's token is the credential (with the password, unless the
  // person is signed in to that account); asking for a new link, anyone signed in.
  {
    action: "app/(auth)/bekrafta-epost/actions.ts#confirmEmailAction",
    args: () => [NO_TOKEN, { password: "ett-langt-losenord-2026" }],
    allowed: "token",
  },
  {
    action: "app/(auth)/bekrafta-epost/actions.ts#resendConfirmationAction",
    args: () => [],
    allowed: SIGNED_IN,
  },
  // Public on purpose: anyone may register (limited per address) or change the language.
  {
    action: "app/(auth)/registrera/actions.ts#register",
    args: () => [{ email: "inte-en-adress" }],
    allowed: "everyone",
  },
  {
    action: "components/layout/actions.ts#setLocale",
    args: () => [form({ locale: "sv" })],
    allowed: "everyone",
  },
  // A case in review: staff who have declared no conflict in it, each in their role.
  {
    // Declaring is how a conflict is recorded, so every officer may answer; one who has answered
    // is told so, and the conflicted officer cannot answer it away (checked after the rows).
    action: `${REVIEW}#declareConflictAction`,
    args: (f) => [f.review, { answer: "NO_CONFLICT" }],
    allowed: STAFF,
  },
  {
    action: `${REVIEW}#assignAction`,
    args: (f) => [f.review, {}],
    allowed: ["reviewer", "decider", "admin"],
  },
  {
    action: `${REVIEW}#formalCheckAction`,
    args: (f) => [f.review, { passed: "yes", note: "" }],
    allowed: ["reviewer"],
  },
  {
    action: `${REVIEW}#reviewAction`,
    args: (f) => [
      f.review,
      {
        ...Object.fromEntries(
          [
            "NEED",
            "LOCAL_ANCHORING",
            "COLLABORATION",
            "LONG_TERM",
            "FEASIBILITY",
            "FOLLOW_UP",
            "GENDER_EQUALITY",
          ].map((c) => [`score_${c}`, "3"]),
        ),
        recommendation: "APPROVE",
        summary: "",
      },
    ],
    allowed: ["reviewer"],
  },
  {
    action: `${REVIEW}#commentAction`,
    args: (f) => [f.review, { body: "En intern kommentar." }],
    allowed: ["reviewer", "decider", "admin"],
  },
  {
    action: `${REVIEW}#completionAction`,
    args: (f) => [f.review, { message: "Budgeten saknar en rad för lokaler.", dueDate: "" }],
    allowed: ["reviewer"],
  },
  {
    action: `${REVIEW}#proposalAction`,
    args: (f) => [f.review, { outcome: "REJECTED", reasons }],
    allowed: ["reviewer"],
  },
  {
    action: `${REVIEW}#decisionAction`,
    args: (f) => [f.review, { action: "REJECT", reasons }],
    allowed: ["decider"],
  },
  // The decision meeting: the decider decides a round's cases at once (here a case not proposed,
  // so the decider is turned away and nothing is decided); officers and deciders without a
  // conflict in the case move it in the decision basis (not proposed: turned away, nothing moves).
  {
    action: `${MEETING}#holdMeetingAction`,
    args: (f) => [
      {
        roundId: f.round,
        key: "6f1c1f1e-1b7a-4f4e-9d2a-3c1e2b4a5d6f",
        conflictsChecked: true,
        cases: [{ applicationId: f.review, version: 1, action: "REJECT", reasons }],
      },
    ],
    allowed: ["decider"],
  },
  {
    action: `${MEETING}#moveCaseAction`,
    args: (f) => [f.review, { direction: "UP", reason: "Kommunen har lovat lokaler." }],
    allowed: ["reviewer", "decider"],
  },
  {
    action: `${REVIEW}#conflictRulingAction`,
    // Confirming keeps the conflict: the rows after this one still see a conflicted officer.
    args: (f) => [f.declaration, { ruling: "CONFIRM", reason: reasons }],
    allowed: ["admin"],
  },
  // A grant in follow-up: follow-up officers without a conflict in the case.
  { action: `${FOLLOW}#releaseAction`, args: (f) => [f.instalment], allowed: FOLLOW_UP },
  { action: `${FOLLOW}#acceptReportAction`, args: (f) => [f.report], allowed: FOLLOW_UP },
  {
    action: `${FOLLOW}#reportCompletionAction`,
    args: (f) => [f.report, { message: "Rapporten saknar siffror." }],
    allowed: FOLLOW_UP,
  },
  {
    action: `${FOLLOW}#dueDateAction`,
    args: (f) => [f.report, { dueDate: f.reportDueDate }],
    allowed: FOLLOW_UP,
  },
  {
    action: `${FOLLOW}#repaymentAction`,
    args: (f) => [f.grant, { amountSek: 999_999_999, reasons, dueDate: "2030-01-31" }],
    allowed: FOLLOW_UP,
  },
  // Attest: any staff member without a conflict (the one who released it is turned away by the rule).
  {
    action: `${FOLLOW}#attestAction`,
    args: (f) => [f.instalment],
    allowed: ["reviewer", "decider", "admin"],
  },
  // Repayment claims: decided by a decider (never the proposer); money received, by finance.
  {
    action: `${FOLLOW}#decideRepaymentAction`,
    args: (f) => [f.claim, { decision: "CLAIM", note: "" }],
    allowed: ["decider"],
  },
  {
    action: `${FOLLOW}#repaymentPaymentAction`,
    args: (f) => [f.claim, { amountSek: 1, receivedOn: "2030-01-02" }],
    allowed: ["admin"],
  },
  // Payment files: administrators without a conflict in the file's grants. Nothing is due before
  // 2000, so the admin's create is turned away and no file is made.
  {
    action: `${PAYMENTS}#createPaymentFileAction`,
    args: () => [{ upTo: "2000-01-01" }],
    allowed: ["admin"],
  },
  {
    action: `${PAYMENTS}#cancelPaymentFileAction`,
    args: (f) => [f.paymentFile, { reason: "Fel belopp i filen." }],
    allowed: ["admin"],
  },
  { action: `${PAYMENTS}#markFilePaidAction`, args: (f) => [f.paymentFile], allowed: ["admin"] },
  // A learning example: follow-up officers without a conflict in the case review it.
  {
    action: `${FOLLOW}#approveExampleAction`,
    args: (f) => [f.example, { noIndividualsNamed: true }],
    allowed: FOLLOW_UP,
  },
  {
    action: `${FOLLOW}#exampleChangesAction`,
    args: (f) => [f.example, { message: "Ta bort skolans namn, tack." }],
    allowed: FOLLOW_UP,
  },
  {
    action: `${FOLLOW}#unpublishExampleAction`,
    args: (f) => [f.example, { reason: "Bidragsmottagaren bad oss ta bort det." }],
    allowed: FOLLOW_UP,
  },
  // A partner's letter of intent: the personal link is the credential.
  {
    action: `${LETTER}#confirmLetterAction`,
    args: () => [NO_TOKEN, { signedBy: "Anna Andersson, chef", confirm: true }],
    allowed: "token",
  },
  {
    action: `${LETTER}#declineLetterAction`,
    args: () => [NO_TOKEN, { reason: "Vi har inte tid i år." }],
    allowed: "token",
  },
  // Two-factor sign-in: staff, for their own account.
  {
    action: `${TWO_FACTOR}#confirmEnrolmentAction`,
    args: () => [{ code: "000000" }],
    allowed: STAFF,
  },
  {
    action: `${TWO_FACTOR}#renewRecoveryCodesAction`,
    args: () => [{ code: "000000" }],
    allowed: STAFF,
  },
  {
    action: "app/(signed-in)/notiser/actions.ts#markAllReadAction",
    args: () => [],
    allowed: SIGNED_IN,
  },
];

// ---------- the list of actions, from the source and from the build ----------

/** Every export of every module whose first statement is "use server", as "<file>#<export>". */
function actionsInSource(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry)) {
        const text = readFileSync(full, "utf8");
        if (!/^\s*(\/\/[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*["']use server["']/.test(text)) continue;
        const file = full.split(path.sep).join("/");
        for (const m of text.matchAll(
          /^export\s+(?:async\s+function\s+(\w+)|const\s+(\w+)|function\s+(\w+)|default\b|\{)/gm,
        )) {
          found.push(`${file}#${m[1] ?? m[2] ?? m[3] ?? `<${m[0]}>`}`);
        }
      }
    }
  };
  for (const dir of ["app", "components", "lib"]) walk(dir);
  return found.sort();
}

type BuiltAction = { id: string; key: string; workers: string[] };

/** The build's server-reference manifest: each action's id, module and export, and the pages that load it. */
function actionsInBuild(): BuiltAction[] {
  const dist = process.env.SAMVERKA_DIST_DIR || ".next";
  const manifest = JSON.parse(
    readFileSync(path.join(dist, "server", "server-reference-manifest.json"), "utf8"),
  ) as {
    node: Record<
      string,
      { workers: Record<string, unknown>; filename?: string; exportedName?: string }
    >;
  };
  return Object.entries(manifest.node).map(([id, entry]) => {
    if (!entry.filename || !entry.exportedName)
      throw new Error(`The manifest does not name the module of action ${id}.`);
    return {
      id,
      key: `${entry.filename}#${entry.exportedName}`,
      workers: Object.keys(entry.workers),
    };
  });
}

// ---------- calling an action the way the browser does ----------

/** The arguments as the browser sends them: React's own reply encoding (text, or multipart with FormData). */
async function encodeArgs(args: Args): Promise<{ body: string } | { multipart: FormData }> {
  const encoded = await encodeReply(args);
  return typeof encoded === "string" ? { body: encoded } : { multipart: encoded };
}

/**
 * refused: "not found", "sign in" or "not allowed", with nothing else said. turnedAway: another
 * answer without field problems (a rule of the case, or a token that does not exist). invalid: field
 * problems. done: a success (a value, nothing, or a redirect). crashed: a 500 or "try again later".
 */
type Outcome = { kind: "refused" | "turnedAway" | "invalid" | "done" | "crashed"; detail: string };

// What a refusal says (lib/server/errors.ts).
const REFUSALS = [
  "Sidan eller uppgiften finns inte.",
  "Du behöver logga in.",
  "Du har inte behörighet att göra det här.",
];

/** Reads the action's answer from the RSC stream: row 0 names the result, inline or as a later row. */
function outcomeOf(status: number, headers: Record<string, string>, text: string): Outcome {
  if (headers["x-action-redirect"] || (status >= 300 && status < 400)) {
    const to = headers["x-action-redirect"] ?? headers.location ?? String(status);
    // Sent to sign in, as the pages do for someone signed out: a refusal.
    return { kind: to.startsWith("/logga-in") ? "refused" : "done", detail: `redirect ${to}` };
  }
  const rows = new Map<string, string>();
  for (const line of text.split("\n")) {
    const at = line.indexOf(":");
    if (at > 0) rows.set(line.slice(0, at), line.slice(at + 1));
  }
  const head = rows.get("0");
  if (status !== 200 || !head)
    return { kind: "crashed", detail: `${status} ${text.slice(0, 200)}` };
  const { a } = JSON.parse(head) as { a?: unknown };
  let value: unknown = a;
  if (typeof a === "string" && a.startsWith("$@")) {
    const row = rows.get(a.slice(2)) ?? "";
    if (!row || row.startsWith("E")) return { kind: "crashed", detail: `error ${row}` };
    value = JSON.parse(row) as unknown;
  }
  if (value === "$undefined" || value === undefined) return { kind: "done", detail: "nothing" };
  const result = value as {
    ok?: boolean;
    message?: string;
    errors?: Record<string, string>;
    retry?: boolean;
  };
  const detail = JSON.stringify(result).slice(0, 240);
  if (result.retry) return { kind: "crashed", detail };
  if (result.ok !== false) return { kind: "done", detail };
  if (Object.keys(result.errors ?? {}).length) return { kind: "invalid", detail };
  return { kind: REFUSALS.includes(result.message ?? "") ? "refused" : "turnedAway", detail };
}

// ---------- fixtures and the database fingerprint ----------

/** Copies rows of `table` matching `where`, with `set` (column → SQL expression) overriding columns. */
async function copyRows(
  db: pg.Client,
  table: string,
  where: string,
  params: unknown[],
  set: Record<string, string>,
) {
  const { rows } = await db.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`,
    [table],
  );
  const columns = rows.map((r) => r.column_name);
  const list = columns.map((c) => `"${c}"`).join(", ");
  const values = columns.map((c) => set[c] ?? `"${c}"`).join(", ");
  await db.query(
    `INSERT INTO "${table}" (${list}) SELECT ${values} FROM "${table}" WHERE ${where}`,
    params,
  );
}

// Tables that change on every request or by themselves: the audit log (refusals are logged on
// purpose), sessions, rate limits, the derived dashboard, and mail and notifications (whose
// delivery the job queue updates), which are counted instead.
const NOT_FINGERPRINTED = [
  "AuditEvent",
  "UserSession",
  "RateLimit",
  "DashboardEntry",
  "RoundStatusCount",
  "_prisma_migrations",
];
const COUNTED = ["MailMessage", "Notification"];

async function fingerprintQuery(db: pg.Client): Promise<string> {
  const { rows } = await db.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const parts = rows
    .map((r) => r.table_name)
    .filter((t) => !NOT_FINGERPRINTED.includes(t))
    .map((t) =>
      COUNTED.includes(t)
        ? `SELECT '${t}' AS t, count(*)::text AS h FROM "${t}"`
        : `SELECT '${t}' AS t, md5(coalesce(string_agg(md5(x::text), '' ORDER BY md5(x::text)), '')) AS h FROM "${t}" x`,
    );
  return parts.join(" UNION ALL ");
}

async function fingerprint(db: pg.Client, sql: string): Promise<Record<string, string>> {
  const { rows } = await db.query<{ t: string; h: string }>(sql);
  return Object.fromEntries(rows.map((r) => [r.t, r.h]));
}

const changedTables = (a: Record<string, string>, b: Record<string, string>) =>
  Object.keys({ ...a, ...b }).filter((t) => a[t] !== b[t]);

async function makeFixtures(db: pg.Client): Promise<Fixtures> {
  const one = async <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) =>
    (await db.query<T>(sql, params)).rows[0];
  const user = async (email: string) =>
    (await one<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [email])).id;
  const grantSource = await one<{ id: string; organisationId: string }>(
    `SELECT id, "organisationId" FROM "Application" WHERE title = 'Kulturskola för alla i Rosengård'`,
  );
  const reviewSource = await one<{ id: string }>(
    `SELECT id FROM "Application" WHERE status = 'IN_REVIEW' ORDER BY "createdAt" LIMIT 1`,
  );
  const org = await one<{ orgNumber: string }>(
    `SELECT "orgNumber" FROM "Organisation" WHERE id = $1`,
    [grantSource.organisationId],
  );
  const [reviewer, conflicted, decider, admin, other] = await Promise.all(
    [
      EMAILS.reviewer!,
      EMAILS.reviewerWithConflict!,
      EMAILS.decider!,
      EMAILS.admin!,
      EMAILS.otherApplicant!,
    ].map(user),
  );

  await cleanUp(db);
  // The case in review, moved to the owner's organisation, and the grant with its decision,
  // instalments, reports and partners.
  await copyRows(db, "Application", "id = $1", [reviewSource.id], {
    id: `'matrix-review'`,
    organisationId: `'${grantSource.organisationId}'`,
    referenceNumber: `'MATRIX-REVIEW'`,
    assignedToId: "NULL",
  });
  await copyRows(db, "Application", "id = $1", [grantSource.id], {
    id: `'matrix-grant'`,
    referenceNumber: `'MATRIX-GRANT'`,
  });
  const child = { id: `'matrix-' || id`, applicationId: `'matrix-grant'` };
  for (const table of ["Partner", "BudgetLine", "Instalment", "FollowUpReport"])
    await copyRows(db, table, `"applicationId" = $1`, [grantSource.id], child);
  await copyRows(
    db,
    "Decision",
    `"applicationId" = $1 AND outcome = 'APPROVED'`,
    [grantSource.id],
    {
      ...child,
      proposalId: "NULL",
      correctsId: "NULL",
    },
  );
  for (const [id, app, userId, status] of [
    ["matrix-c1", "matrix-review", reviewer, "NO_CONFLICT"],
    ["matrix-c2", "matrix-review", decider, "NO_CONFLICT"],
    ["matrix-c3", "matrix-review", admin, "NO_CONFLICT"],
    ["matrix-c4", "matrix-review", conflicted, "DECLARED"],
    ["matrix-c5", "matrix-grant", reviewer, "NO_CONFLICT"],
    ["matrix-c6", "matrix-grant", conflicted, "DECLARED"],
  ])
    await db.query(
      `INSERT INTO "ConflictDeclaration"(id, "applicationId", "userId", status, description) VALUES ($1, $2, $3, $4, 'Styrelseledamot')`,
      [id, app, userId, status],
    );
  await db.query(
    `INSERT INTO "GrantRound"(id, title, year, "budgetSek", "acceptedTracks", "opensAt", "closesAt", status, "updatedAt")
     VALUES ('matrix-round', 'Matrisens utlysning', 2031, 1000000, '{KNOWLEDGE}', '2031-01-01', '2031-03-01', 'PLANNED', now())`,
  );
  await db.query(
    `INSERT INTO "Organisation"(id, name, "orgNumber", "legalForm", "municipalityCode", "updatedAt")
     VALUES ('matrix-org', 'Matrisens tomma förening', '802999-0002', 'NONPROFIT_ASSOCIATION', '0180', now())`,
  );
  await db.query(
    `INSERT INTO "MembershipRequest"(id, "organisationId", "userId", message) VALUES ('matrix-request', $1, $2, 'Får jag vara med?')`,
    [grantSource.organisationId, other],
  );
  await db.query(
    `INSERT INTO "User"(id, email, name, roles, "updatedAt") VALUES ('matrix-user', 'matrix-user@samverka.example', 'Matris Användare', '{APPLICANT}', now())`,
  );
  await db.query(
    `INSERT INTO "RepaymentClaim"(id, "applicationId", "amountSek", reasons, "dueDate", status, "createdById")
     VALUES ('matrix-claim', 'matrix-grant', 1000, 'Medel som inte har använts.', '2030-01-31', 'PROPOSED', $1)`,
    [reviewer],
  );
  await db.query(
    `INSERT INTO "PaymentFile"(id, status, count, "totalSek", xml, csv, sha256, "createdById", "paidAt", "paidById")
     VALUES ('matrix-file', 'PAID', 0, 0, '', '', '', $1, now(), $1)`,
    [admin],
  );
  const report = await one<{ id: string; dueDate: Date }>(
    `SELECT id, "dueDate" FROM "FollowUpReport" WHERE "applicationId" = 'matrix-grant' ORDER BY "dueDate" LIMIT 1`,
  );
  const closed = await one<{ id: string }>(
    `SELECT id FROM "GrantRound" WHERE status = 'CLOSED' ORDER BY "closesAt" LIMIT 1`,
  );
  const finalReport = await one<{ id: string }>(
    `SELECT id FROM "FollowUpReport" WHERE "applicationId" = 'matrix-grant' AND kind = 'FINAL'`,
  );
  await db.query(
    `INSERT INTO "LearningExample"(id, "reportId", status, place, purpose, process, results, lessons, "consentedAt", "submittedAt", "updatedAt")
     VALUES ('matrix-example', $1, 'SUBMITTED', $2, $3, $4, $5, $6, now(), now(), now())`,
    [finalReport.id, ...Object.values(EXAMPLE_TEXTS)],
  );
  return {
    review: "matrix-review",
    declaration: "matrix-c4",
    grant: "matrix-grant",
    report: report.id,
    reportDueDate: report.dueDate.toISOString().slice(0, 10),
    finalReport: finalReport.id,
    example: "matrix-example",
    instalment: (
      await one<{ id: string }>(
        `SELECT id FROM "Instalment" WHERE "applicationId" = 'matrix-grant' ORDER BY number LIMIT 1`,
      )
    ).id,
    claim: "matrix-claim",
    paymentFile: "matrix-file",
    partner: (
      await one<{ id: string }>(
        `SELECT id FROM "Partner" WHERE "applicationId" = 'matrix-grant' ORDER BY position LIMIT 1`,
      )
    ).id,
    org: grantSource.organisationId,
    board: (
      await db.query<{ name: string; role: string; signatory: boolean }>(
        `SELECT name, role, signatory FROM "BoardMember" WHERE "organisationId" = $1 ORDER BY position`,
        [grantSource.organisationId],
      )
    ).rows,
    orgNumber: org.orgNumber,
    emptyOrgNumber: "802999-0002",
    membershipRequest: "matrix-request",
    round: "matrix-round",
    closedRound: closed.id,
    user: "matrix-user",
  };
}

async function cleanUp(db: pg.Client) {
  await db.query(`DELETE FROM "Notification" WHERE href LIKE '%matrix-%'`);
  await db.query(`DELETE FROM "Application" WHERE id LIKE 'matrix-%'`);
  await db.query(`DELETE FROM "PaymentFile" WHERE id = 'matrix-file'`);
  await db.query(
    `DELETE FROM "MembershipRequest" WHERE id = 'matrix-request' OR "organisationId" = 'matrix-org'`,
  );
  await db.query(`DELETE FROM "Organisation" WHERE id = 'matrix-org'`);
  await db.query(`DELETE FROM "GrantRound" WHERE id = 'matrix-round'`);
  await db.query(`DELETE FROM "StaffInvitation" WHERE email LIKE 'matrix-%'`);
  await db.query(`DELETE FROM "OrganisationInvitation" WHERE email LIKE 'matrix-%'`);
  await db.query(`DELETE FROM "User" WHERE id = 'matrix-user'`);
}

/** The page a browser would post the action to: one that loads it, preferably its own folder's. */
function pageFor(action: BuiltAction, f: Fixtures): string {
  const folder = action.key.slice(0, action.key.lastIndexOf("/"));
  const own = action.workers.find((w) => w === `${folder}/page`);
  const worker =
    own ??
    [...action.workers].sort(
      (a, b) => a.split("[").length - b.split("[").length || a.length - b.length,
    )[0];
  const params: Record<string, string> = {
    id: worker.includes("handlaggning")
      ? f.review
      : worker.includes("utlysningar")
        ? f.round
        : worker.includes("organisationer")
          ? f.org
          : f.grant,
    reportId: f.report,
    token: NO_TOKEN,
    part: "grunduppgifter",
  };
  const url =
    "/" +
    worker
      .replace(/^app\//, "")
      .replace(/\/?page$/, "")
      .split("/")
      .filter((s) => s && !s.startsWith("("))
      .map((s) => (s.startsWith("[") ? (params[s.slice(1, -1)] ?? "x") : s))
      .join("/");
  return url;
}

async function contextFor(browser: Browser, caller: Caller): Promise<APIRequestContext> {
  const context = await browser.newContext();
  const email = EMAILS[caller];
  if (email) await signIn(await context.newPage(), email, DEMO_PASSWORD);
  return context.request;
}

test("every server action has a row in the matrix, and the build exposes every one", () => {
  const inSource = actionsInSource();
  const inBuild = new Set(actionsInBuild().map((a) => a.key));
  const rows = new Set(ROWS.map((r) => r.action));
  expect(
    inSource.filter((a) => !rows.has(a)),
    "actions without a row",
  ).toEqual([]);
  expect(
    [...rows].filter((a) => !inSource.includes(a)),
    "rows without an action",
  ).toEqual([]);
  expect(
    inSource.filter((a) => !inBuild.has(a)),
    "actions the build does not expose",
  ).toEqual([]);
  expect(
    [...inBuild].filter((a) => !inSource.includes(a)),
    "built actions not in the source",
  ).toEqual([]);
});

test("every server action refuses every outsider, changes nothing for them, and lets the rest past", async ({
  browser,
  baseURL,
}) => {
  // About a minute on a quiet machine; far more when the machine is shared.
  test.setTimeout(240_000);
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  const built = new Map(actionsInBuild().map((a) => [a.key, a]));
  // The limits that the public actions count per address (lib/server/rate-limit.ts).
  const LIMITED = `key ~ '^(register|register-mail|letter|verify-confirm|verify-resend|org-lookup):'`;
  const limits = await db.query<{ key: string; points: number; expire: string | null }>(
    `SELECT key, points, expire FROM "RateLimit" WHERE ${LIMITED}`,
  );
  const fixtures = await makeFixtures(db);
  const sql = await fingerprintQuery(db);
  const contexts = {} as Record<Caller, APIRequestContext>;
  try {
    const started = Date.now();
    await Promise.all(
      CALLERS.map(async (caller) => {
        contexts[caller] = await contextFor(browser, caller);
      }),
    );
    // The deactivated user signed in before being deactivated: their session must stop working at once.
    await db.query(`UPDATE "User" SET "deactivatedAt" = now() WHERE email = $1`, [
      EMAILS.deactivated,
    ]);
    const signedIn = Date.now();

    const call = async (caller: Caller, row: Row, args = row.args(fixtures)): Promise<Outcome> => {
      const action = built.get(row.action)!;
      const encoded = await encodeArgs(args);
      const response = await contexts[caller].post(pageFor(action, fixtures), {
        maxRedirects: 0,
        headers: {
          "Next-Action": action.id,
          Origin: baseURL!,
          Accept: "text/x-component",
          ...("body" in encoded ? { "Content-Type": "text/plain;charset=UTF-8" } : {}),
        },
        ...("body" in encoded ? { data: encoded.body } : { multipart: encoded.multipart }),
      });
      return outcomeOf(response.status(), response.headers(), await response.text());
    };

    const surprises: string[] = [];
    const seen: string[] = [];
    for (const row of ROWS) {
      const allowed =
        row.allowed === "everyone" ? CALLERS : row.allowed === "token" ? [] : row.allowed;
      const outsiders = CALLERS.filter((c) => !allowed.includes(c));
      const name = row.action.split("#")[1];
      const before = await fingerprint(db, sql);
      // The outsiders call at once, with valid input and with junk: none of them may change
      // anything, in any order, and none may get as far as the input.
      const junkArgs = row.junk?.(fixtures) ?? junk(row.args(fixtures));
      const tries = outsiders.flatMap((caller) => [
        { caller, label: caller, args: row.args(fixtures) },
        { caller, label: `${caller} (junk input)`, args: junkArgs },
      ]);
      const answers = await Promise.all(tries.map((t) => call(t.caller, row, t.args)));
      for (const [i, { label }] of tries.entries()) {
        const outcome = answers[i];
        seen.push(`${name} ${label}: ${outcome.kind} ${outcome.detail}`);
        if (!(
          outcome.kind === "refused" ||
          (row.allowed === "token" && outcome.kind === "turnedAway")
        ))
          surprises.push(
            `${name} as ${label}: ${outcome.kind}, expected refused (${outcome.detail})`,
          );
      }
      const changed = changedTables(before, await fingerprint(db, sql));
      if (changed.length) surprises.push(`${name}: outsiders changed ${changed.join(", ")}`);
      // The permitted callers too: each gets past the check whatever the others did first.
      const passed = await Promise.all(allowed.map((caller) => call(caller, row)));
      for (const [i, caller] of allowed.entries()) {
        const outcome = passed[i];
        seen.push(`${name} ${caller}: ${outcome.kind} ${outcome.detail}`);
        if (outcome.kind === "refused" || outcome.kind === "crashed")
          surprises.push(
            `${name} as ${caller}: ${outcome.kind}, expected past the check (${outcome.detail})`,
          );
      }
    }
    if (process.env.MATRIX_VERBOSE) console.log(seen.join("\n"));
    expect(surprises).toEqual([]);
    // The conflicted officer is still conflicted in both cases, whatever they and the others did.
    const { rows: still } = await db.query<{ id: string; status: string }>(
      `SELECT id, status FROM "ConflictDeclaration" WHERE id IN ('matrix-c4', 'matrix-c6') ORDER BY id`,
    );
    expect(still).toEqual([
      { id: "matrix-c4", status: "CONFIRMED" },
      { id: "matrix-c6", status: "DECLARED" },
    ]);
    console.log(
      `signed in ${CALLERS.length} callers in ${signedIn - started} ms; ${seen.length} calls in ${Date.now() - signedIn} ms`,
    );
  } finally {
    await db.query(`UPDATE "User" SET "deactivatedAt" = NULL WHERE email = $1`, [
      EMAILS.deactivated,
    ]);
    await cleanUp(db);
    // The calls to public actions used some of this address's budget for registration and
    // partner letters; give it back so that later specs start where they would have.
    await db.query(`DELETE FROM "RateLimit" WHERE ${LIMITED}`);
    for (const r of limits.rows)
      await db.query(`INSERT INTO "RateLimit"(key, points, expire) VALUES ($1, $2, $3)`, [
        r.key,
        r.points,
        r.expire,
      ]);
    await db.end();
  }
});
