// Two app instances (ports 3201 and 3202 unless SAMVERKA_SYSTEM_PORT moves them) on one PostgreSQL,
// as behind a load balancer: sessions, abuse limits, uploads and scheduled jobs must not depend on
// which instance answers.
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import type { RunningPostgres } from "../../scripts/lib/postgres";
import {
  APPLICANT_PASSWORD,
  makeApplicants,
  referenceNumbersOf,
  submissionState,
  withDb,
  type Applicant,
} from "./data";
import {
  PORTS,
  inBatches,
  query,
  signIn,
  signInAttempt,
  sleep,
  startApp,
  startPostgres,
  stopAllApps,
  trySignIn,
  waitFor,
  type AppInstance,
  type Session,
} from "./support";

const DEMO_APPLICANT = {
  email: "sokande@samverka.example",
  name: "Amina Hassan",
  password: "samverka-demo",
};

let postgres: RunningPostgres | undefined;
let a: AppInstance;
let b: AppInstance;
let bothReadyAt: Date;
let dueSoon: { id: string; memberIds: string[] };

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  postgres = await startPostgres();
  // A report due in a week: the reminder job (every minute here) must mail its members about it once.
  const [report] = await query<{ id: string; organisationId: string }>(`
    UPDATE "FollowUpReport" r SET "dueDate" = current_date + 7, status = 'NOT_STARTED'
    FROM "Application" a WHERE r.id = (SELECT id FROM "FollowUpReport" ORDER BY "dueDate", id LIMIT 1) AND a.id = r."applicationId"
    RETURNING r.id, a."organisationId"`);
  expect(report, "the demo data has follow-up reports").toBeTruthy();
  const members = await query<{ userId: string }>(
    `SELECT "userId" FROM "Membership" WHERE "organisationId" = $1`,
    [report.organisationId],
  );
  dueSoon = { id: report.id, memberIds: members.map((m) => m.userId) };
  expect(dueSoon.memberIds.length).toBeGreaterThan(0);

  // As behind a load balancer on this machine: the instances trust X-Forwarded-For from 127.0.0.1
  // and ::1 only, so a test can play the balancer and name the client's address.
  const env = { SAMVERKA_REMINDER_CRON: "* * * * *", SAMVERKA_TRUSTED_PROXIES: "127.0.0.1, ::1" };
  [a, b] = await Promise.all([startApp(PORTS.a, env), startApp(PORTS.b, env)]);
  bothReadyAt = new Date();
});

test.afterAll(async () => {
  await stopAllApps();
  await postgres?.stop();
});

test("a session made on one instance is valid on the other", async ({ page, request }) => {
  // In the browser: sign in on A, then open the applicant's page on B (cookies are per host, not per port).
  await page.goto(`${a.url}/logga-in`);
  await page.getByLabel("E-postadress").fill(DEMO_APPLICANT.email);
  await page.getByLabel("Lösenord").fill(DEMO_APPLICANT.password);
  await page.getByRole("button", { name: "Logga in" }).click();
  await page.waitForURL(
    (url) => url.port === String(PORTS.a) && !url.pathname.startsWith("/logga-in"),
  );
  await page.goto(`${b.url}/ansokningar`);
  await expect(page).toHaveURL(`${b.url}/ansokningar`);
  await expect(page.getByRole("heading", { level: 1, name: "Mina ansökningar" })).toBeVisible();
  await expect(page.getByText(`Inloggad som ${DEMO_APPLICANT.name}`)).toBeVisible();

  // Over HTTP the other way round: a session from B opens the page on A; without one, A sends to sign-in.
  const fromB = await signIn(b.url, DEMO_APPLICANT.email, DEMO_APPLICANT.password);
  const onA = await fromB.fetch(`${a.url}/ansokningar`);
  expect(onA.status).toBe(200);
  expect(await onA.text()).toContain(`Inloggad som ${DEMO_APPLICANT.name}`);
  const signedOut = await request.get(`${a.url}/ansokningar`, { maxRedirects: 0 });
  expect(signedOut.status()).toBe(307);
  expect(signedOut.headers().location).toContain("/logga-in");
});

test("the validation API's limit per address counts calls to both instances together", async () => {
  // 300 calls per address in a 60-second window that starts at the address's first call
  // (lib/server/rate-limit.ts). All 302 calls must fit in one window: if they took longer, try
  // again from a new address.
  let outcome: { statuses: Record<number, number>; perInstance: number[]; after: number[] } | null =
    null;
  for (let attempt = 0; attempt < 3 && !outcome; attempt++) {
    const started = Date.now();
    const headers = {
      "content-type": "application/json",
      "x-forwarded-for": `203.0.113.${attempt + 1}`,
    };
    const call = (instance: AppInstance) =>
      fetch(`${instance.url}/api/v1/applications/validate`, {
        method: "POST",
        headers,
        body: "{}",
      }).then((r) => r.status);
    const statuses: Record<number, number> = {};
    const perInstance = [0, 0];
    await inBatches(
      Array.from({ length: 300 }, (_, i) => i),
      10,
      async (i) => {
        const status = await call(i % 2 ? b : a);
        statuses[status] = (statuses[status] ?? 0) + 1;
        if (status !== 429) perInstance[i % 2]++;
      },
    );
    const after = [await call(a), await call(b)];
    if (Date.now() - started < 55_000) outcome = { statuses, perInstance, after };
  }
  expect(outcome, "the 301 calls fitted in one window in three attempts").not.toBeNull();
  // Each instance alone answered only 150 calls, far below the limit: the 429s come from the shared count.
  expect(outcome!.statuses[429] ?? 0).toBe(0);
  expect(outcome!.perInstance).toEqual([150, 150]);
  expect(
    Object.keys(outcome!.statuses)
      .map(Number)
      .every((s) => s < 500),
  ).toBe(true);
  expect(outcome!.after).toEqual([429, 429]);
});

test("without a trusted proxy, a client naming its own address in X-Forwarded-For stays under one limit", async () => {
  // The app reached directly (no SAMVERKA_TRUSTED_PROXIES): every call claims another address, and
  // every call counts against the connection's own. 300 calls per address per 60-second window.
  // No background workers: its start would schedule the daily reminder at its usual hour and
  // replace the every-minute schedule that the last test of this file watches.
  const direct = await startApp(PORTS.fault, { SAMVERKA_JOBS: "off" });
  try {
    const windowOf = (t: number) => Math.floor(t / 60_000);
    let outcome: { answered: number; last: number } | null = null;
    for (let attempt = 0; attempt < 3 && !outcome; attempt++) {
      if (Date.now() % 60_000 > 40_000) await sleep(60_000 - (Date.now() % 60_000) + 200);
      const startWindow = windowOf(Date.now());
      const call = (i: number) =>
        fetch(`${direct.url}/api/v1/applications/validate`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "x-forwarded-for": `198.51.${100 + (i >> 8)}.${i & 255}`,
            "x-real-ip": `192.0.2.${i & 255}`,
            forwarded: `for=192.0.2.${i & 255}`,
          },
          body: "{}",
        }).then((r) => r.status);
      let answered = 0;
      await inBatches(
        Array.from({ length: 300 }, (_, i) => i),
        10,
        async (i) => {
          if ((await call(i)) !== 429) answered++;
        },
      );
      const last = await call(300);
      if (windowOf(Date.now()) === startWindow) outcome = { answered, last };
    }
    expect(outcome, "the 301 calls fitted in one window in three attempts").not.toBeNull();
    expect(outcome!.answered).toBeLessThanOrEqual(300);
    expect(outcome!.last).toBe(429);
  } finally {
    await direct.stop();
  }
});

test("failed sign-ins split over both instances make the account wait on both, and the owner gets in after the wait", async () => {
  const [user] = await makeApplicants("vanta", 1, 0);
  const other = (instance: AppInstance) => (instance === a ? b : a);
  // Wrong passwords, alternating between the instances, each as soon as the account allows:
  // when told to wait, the attacker waits exactly that long. After eight failures in a row the
  // wait is eight seconds (1, 2, 4, 8 after the fifth, sixth, seventh, eighth).
  let failures = 0;
  let last = a;
  for (let i = 0; failures < 8 && i < 30; i++) {
    const instance = other(last);
    const { session, error } = await signInAttempt(instance.url, user.email, `fel-lösenord-${i}`);
    expect(session, `attempt ${i + 1}`).toBeNull();
    const wait = /^THROTTLED:(\d+)$/.exec(error ?? "");
    if (wait) await sleep(Number(wait[1]) * 1000);
    else {
      expect(error, `attempt ${i + 1}`).toBe("CredentialsSignin");
      failures++;
      last = instance;
    }
  }
  expect(failures).toBe(8);
  // Right away, the right password is told to wait on both instances, the one that saw the last
  // failure and the other.
  const waits: number[] = [];
  for (const instance of [other(last), last]) {
    const { session, error } = await signInAttempt(instance.url, user.email, APPLICANT_PASSWORD);
    expect(session).toBeNull();
    expect(error).toMatch(/^THROTTLED:[1-8]$/);
    waits.push(Number(error!.slice("THROTTLED:".length)));
  }
  // After the wait the owner signs in, and the failures are forgotten on both instances: a wrong
  // password on the other one is just a wrong password.
  await sleep(Math.max(...waits) * 1000);
  expect(await trySignIn(other(last).url, user.email, APPLICANT_PASSWORD)).not.toBeNull();
  expect(await signInAttempt(last.url, user.email, "fel-igen")).toEqual({
    session: null,
    error: "CredentialsSignin",
  });
  // Nothing about it is kept on the account: the counts are the limiter's, in PostgreSQL.
  const [columns] = await query<{ n: number }>(
    `SELECT count(*)::int AS n FROM information_schema.columns WHERE table_name = 'User' AND column_name IN ('lockedUntil', 'failedSignIns')`,
  );
  expect(columns.n).toBe(0);
  const failed = await query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "AuditEvent" WHERE action = 'auth.sign_in_failed' AND "entityId" = $1`,
    [user.userId],
  );
  expect(failed[0].n).toBe(9);
});

/** A small, real PDF with a random comment, so its bytes are this test's own. */
function uniquePdf(): Buffer {
  return Buffer.from(
    `%PDF-1.4\n%${randomBytes(24).toString("hex")}\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n` +
      "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
  );
}

test("a letter of intent uploaded through one instance is served by the other, byte for byte", async () => {
  const draft = await withDb(async (db) => {
    const app = await db.application.findFirstOrThrow({
      where: { status: "DRAFT", createdBy: { email: DEMO_APPLICANT.email } },
      include: { partners: true },
    });
    const partner = await db.partner.create({
      data: {
        applicationId: app.id,
        position: app.partners.length,
        name: "Skärholmens bibliotek",
        sector: "MUNICIPALITY",
        role: "Lokaler och kvällsöppet.",
        activities: "Läxhjälp två kvällar i veckan.",
      },
    });
    return { id: app.id, partnerId: partner.id };
  });
  const session = await signIn(a.url, DEMO_APPLICANT.email, DEMO_APPLICANT.password);
  const path = `/api/ansokningar/${draft.id}/partner/${draft.partnerId}/avsiktsforklaring`;
  const pdf = uniquePdf();
  const form = new FormData();
  form.set(
    "file",
    new Blob([new Uint8Array(pdf)], { type: "application/pdf" }),
    "avsiktsforklaring-bibliotek.pdf",
  );
  for (const [name, value] of Object.entries({
    competences: "Kunskap om läsfrämjande.",
    resources: "Lokal och personal.",
    from: "2027-01-01",
    to: "2029-12-31",
    signedBy: "Karin Ek, bibliotekschef",
    signedAt: "2026-10-01",
  }))
    form.set(name, value);
  const upload = await session.fetch(`${a.url}${path}`, {
    method: "POST",
    body: form,
    headers: { origin: a.url },
  });
  expect(upload.status, await upload.clone().text()).toBe(200);
  expect(await upload.json()).toEqual({ ok: true });

  const download = await session.fetch(`${b.url}${path}`);
  expect(download.status).toBe(200);
  expect(download.headers.get("content-type")).toBe("application/pdf");
  expect(Buffer.from(await download.arrayBuffer()).equals(pdf)).toBe(true);
  // And nobody else gets it from either instance.
  for (const instance of [a, b]) expect((await fetch(`${instance.url}${path}`)).status).toBe(404);
});

test("fifty applicants submit at once over both instances: each stored once, numbers unique and without gaps", async () => {
  const year = Number(
    new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", year: "numeric" }).format(
      new Date(),
    ),
  );
  const applicants = await makeApplicants("femtio", 50);
  const instanceFor = (i: number) => (i % 2 ? b : a);
  const sessions = await inBatches(applicants, 4, (applicant, i) =>
    signIn(instanceFor(i).url, applicant.email, APPLICANT_PASSWORD),
  );
  const before = await referenceNumbersOf(year);

  // All at once, each with its own session, half on each instance.
  const answers = await Promise.all(
    applicants.map(async (applicant: Applicant, i: number) => {
      const session: Session = sessions[i];
      const instance = instanceFor(i);
      const response = await session.fetch(
        `${instance.url}/api/v1/applications/${applicant.drafts[0].id}/submit`,
        { method: "POST", headers: { origin: instance.url } },
      );
      // Read as text first: an answer that is not JSON is shown as it came, not as a parse error.
      const text = await response.text();
      let body: {
        referenceNumber?: string;
        versionNumber?: number;
        message?: string;
        text?: string;
      };
      try {
        body = JSON.parse(text) as typeof body;
      } catch {
        body = { text: text.slice(0, 300) };
      }
      return { status: response.status, body };
    }),
  );
  expect(
    answers.filter((r) => r.status !== 201),
    "every submission answered 201",
  ).toEqual([]);
  const numbers = answers.map((r) => r.body.referenceNumber!);
  for (const n of numbers) expect(n).toMatch(new RegExp(`^${year}/\\d{4}$`));
  expect(new Set(numbers).size).toBe(50);
  expect(answers.every((r) => r.body.versionNumber === 1)).toBe(true);

  // Gapless: the fifty new numbers follow the ones before without a hole, and every number of the year is unique.
  const after = await referenceNumbersOf(year);
  const seq = (n: string) => Number(n.split("/")[1]);
  expect(numbers.map(seq).sort((x, y) => x - y)).toEqual(
    Array.from({ length: 50 }, (_, i) => before.last + 1 + i),
  );
  expect(after.last).toBe(before.last + 50);
  expect(new Set(after.numbers).size).toBe(after.numbers.length);

  // Stored exactly once each, with the applicant's own content and one confirmation mail to the applicant.
  const state = await submissionState(applicants.map((x) => x.drafts[0].id));
  applicants.forEach((applicant, i) => {
    const app = state.get(applicant.drafts[0].id)!;
    expect(app.status).toBe("SUBMITTED");
    expect(app.referenceNumber).toBe(numbers[i]);
    expect(app.title).toBe(applicant.drafts[0].title);
    expect(app.versions.map((v) => [v.number, v.reason])).toEqual([[1, "SUBMISSION"]]);
    const content = app.versions[0].content as { title: string; applicant: { name: string } };
    expect(content.title).toBe(applicant.drafts[0].title);
    expect(content.applicant.name).toBe(applicant.organisationName);
    expect(app.mails.map((m) => m.to)).toEqual([applicant.email]);
  });
});

/** Jobs of a queue as pg-boss 12 keeps them (done jobs stay in pgboss.job until their retention ends). */
async function jobsOf(name: string) {
  return query<{
    id: string;
    state: string;
    singleton_key: string | null;
    singleton_on: Date | null;
    created_on: Date;
    started_on: Date | null;
    completed_on: Date | null;
  }>(
    `
    SELECT id, state, singleton_key, singleton_on, created_on, started_on, completed_on FROM pgboss.job WHERE name = $1
    ORDER BY created_on`,
    [name],
  );
}

/** The singleton key of a schedule's occurrence in the send-it queue (a schedule without a key). */
const sendItKey = (queue: string) => `${queue}__`;

test("a job scheduled every minute runs once per minute with both instances running workers", async () => {
  test.setTimeout(240_000);
  expect(a.output()).toContain("background workers started");
  expect(b.output()).toContain("background workers started");

  // pg-boss sends each minute's job through its "send-it" queue, once per minute slot (singleton,
  // keyed "<queue>__<schedule key>"; our schedules have the empty key).
  // Wait until a minute with both instances up has been handled and no instance may still send it:
  // the cron monitor (every 30 s, shared through pgboss.version.cron_on) has run after that minute.
  await waitFor(
    "a reminder job from a minute with both instances up, done, and that minute over",
    async () => {
      const sends = (await jobsOf("__pgboss__send-it")).filter(
        (j) =>
          j.singleton_key === sendItKey("reports.remind") &&
          j.singleton_on! >= new Date(bothReadyAt.getTime() - 60_000),
      );
      const done = sends.filter(
        (j) =>
          j.state === "completed" &&
          j.singleton_on! >= new Date(Math.floor(bothReadyAt.getTime() / 60_000) * 60_000),
      );
      const reminders = await jobsOf("reports.remind");
      const [version] = await query<{ cron_on: Date | null }>(`SELECT cron_on FROM pgboss.version`);
      const first = done[0];
      const ready =
        first &&
        version.cron_on &&
        version.cron_on.getTime() >= first.singleton_on!.getTime() + 60_000 &&
        reminders.some((r) => r.state === "completed") &&
        Date.now() - bothReadyAt.getTime() > 65_000;
      if (ready) return true;
      // Not yet: say where it stands (shown if the wait runs out), with a failed job's error.
      const [failed] = await query<{ output: unknown }>(
        `SELECT output FROM pgboss.job WHERE name = 'reports.remind' AND state = 'failed' LIMIT 1`,
      );
      throw new Error(
        JSON.stringify({
          sends: sends.map((j) => `${j.singleton_on!.toISOString()} ${j.state}`),
          reminders: reminders.map((r) => r.state),
          cronOn: version.cron_on,
          failed: failed?.output,
        }),
      );
    },
    200_000,
    2_000,
  );

  for (const queue of ["reports.remind", "mail.sweep"]) {
    const sends = (await jobsOf("__pgboss__send-it")).filter(
      (j) => j.singleton_key === sendItKey(queue),
    );
    const jobs = await jobsOf(queue);
    // One send per minute slot, whichever instance's cron monitor noticed the minute first …
    const slots = sends.map((s) => s.singleton_on!.toISOString());
    expect(new Set(slots).size, `${queue}: one send per minute`).toBe(slots.length);
    // … exactly one job from each handled send (jobs are created while their send is handled) …
    const handled = sends.filter((s) => s.state === "completed");
    expect(handled.length).toBeGreaterThan(0);
    for (const send of handled) {
      const made = jobs.filter(
        (j) => j.created_on >= send.started_on! && j.created_on <= send.completed_on!,
      );
      expect(made.length, `${queue}: jobs for the minute ${send.singleton_on!.toISOString()}`).toBe(
        1,
      );
    }
    // … and no job from anywhere else.
    const fromASend = (j: (typeof jobs)[number]) =>
      sends.some(
        (s) =>
          s.started_on &&
          j.created_on >= s.started_on &&
          j.created_on <= (s.completed_on ?? new Date()),
      );
    expect(jobs.filter((j) => !fromASend(j)).map((j) => j.created_on.toISOString())).toEqual([]);
    expect(jobs.filter((j) => j.state === "failed")).toEqual([]);
    console.log(`[system] ${queue}: ${handled.length} minuter, ${jobs.length} jobb`);
  }

  // The reminder about the report due in a week went out once to each member, however many times the job ran.
  const mails = await query<{ dedupeKey: string }>(
    `SELECT "dedupeKey" FROM "MailMessage" WHERE "dedupeKey" LIKE $1`,
    [`report-reminder:${dueSoon.id}:%`],
  );
  expect(mails.map((m) => m.dedupeKey).sort()).toEqual(
    dueSoon.memberIds.map((id) => `report-reminder:${dueSoon.id}:due-soon:${id}`).sort(),
  );
});
