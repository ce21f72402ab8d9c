// Faults in the middle of use: the database server stops and comes back; the app process is killed
// while submissions are being stored. Nothing may be left half done, and the app must recover by itself.
import { expect, test, type Page } from "@playwright/test";
import type { RunningPostgres } from "../../scripts/lib/postgres";
import {
  APPLICANT_PASSWORD,
  makeApplicants,
  referenceNumbersOf,
  snapshotApplications,
  submissionState,
} from "./data";
import {
  PORTS,
  postgresLog,
  query,
  signIn,
  startApp,
  startPostgres,
  stopAllApps,
  waitFor,
  type AppInstance,
} from "./support";

let postgres: RunningPostgres | undefined;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  postgres = await startPostgres();
});

test.afterAll(async () => {
  await stopAllApps();
  await postgres?.stop();
});

const health = (app: AppInstance) =>
  fetch(`${app.url}/api/health`).then(async (r) => ({
    status: r.status,
    body: (await r.json()) as { status: string },
  }));

async function expectUnavailablePage(page: Page) {
  await expect(page.getByTestId("service-unavailable")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Tjänsten är tillfälligt otillgänglig",
  );
  await expect(page.getByText("Försök igen om en stund", { exact: false }).first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Försök igen" })).toBeVisible();
}

test("when the database stops, the app says so in Swedish, and it recovers by itself when the database is back", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const app = await startApp(PORTS.fault);
  const applicant = await browser.newContext({ locale: "sv-SE" });
  const applicantPage = await applicant.newPage();
  await applicantPage.goto(`${app.url}/logga-in`);
  await applicantPage.getByLabel("E-postadress").fill("sokande@samverka.example");
  await applicantPage.getByLabel("Lösenord").fill("samverka-demo");
  await applicantPage.getByRole("button", { name: "Logga in" }).click();
  await applicantPage.waitForURL((url) => !url.pathname.startsWith("/logga-in"));
  await page.goto(`${app.url}/beviljade`);
  await expect(page.getByRole("heading", { level: 1, name: "Beviljade bidrag" })).toBeVisible();

  await postgres!.stop();
  postgres = undefined;

  // The load balancer's check says so at once.
  expect(
    await waitFor(
      "/api/health svarar 503",
      async () => ((await health(app)).status === 503 ? true : undefined),
      30_000,
    ),
  ).toBe(true);
  expect((await health(app)).body.status).toBe("unavailable");

  // Pages say it in Swedish: inside the layout for a visitor (error.tsx), and for a signed-in applicant,
  // whose header reads the database, in place of the layout (global-error.tsx).
  // The public list seen a moment ago is answered from its cache (kept 30 s per filter and page);
  // a filter nobody asked for yet needs the database.
  await page.goto(`${app.url}/beviljade`);
  await expect(page.getByRole("heading", { level: 1, name: "Beviljade bidrag" })).toBeVisible();
  for (const path of ["/", "/beviljade?track=KNOWLEDGE"]) {
    await page.goto(`${app.url}${path}`);
    await expectUnavailablePage(page);
    await expect(page.getByRole("banner")).toBeVisible();
  }
  await applicantPage.goto(`${app.url}/ansokningar`);
  await expectUnavailablePage(applicantPage);
  await expect(applicantPage.getByRole("banner")).toHaveCount(0);
  expect(app.exited()).toBe(false);

  postgres = await startPostgres();

  // Without restarting the app: health, then pages, come back (bounded polls).
  await waitFor(
    "/api/health svarar 200 igen",
    async () => ((await health(app)).status === 200 ? true : undefined),
    60_000,
    500,
  );
  // The visitor still looking at the unavailable page tries again with its button.
  const granted = page.getByRole("heading", { level: 1, name: "Beviljade bidrag" });
  await waitFor(
    "“Försök igen” visar sidan igen",
    async () => {
      const retry = page.getByRole("button", { name: "Försök igen" });
      if (await retry.isVisible()) await retry.click({ timeout: 5_000 });
      return (await granted.waitFor({ state: "visible", timeout: 5_000 }).then(
        () => true,
        () => false,
      ))
        ? true
        : undefined;
    },
    60_000,
    500,
  );
  for (const path of ["/", "/beviljade"]) {
    await page.goto(`${app.url}${path}`);
    await expect(page.getByTestId("service-unavailable")).toHaveCount(0);
    await expect(page.getByTestId("server-error")).toHaveCount(0);
  }
  await expect(page.getByRole("heading", { level: 1, name: "Beviljade bidrag" })).toBeVisible();
  await applicantPage.goto(`${app.url}/ansokningar`);
  await expect(
    applicantPage.getByRole("heading", { level: 1, name: "Mina ansökningar" }),
  ).toBeVisible();
  await applicant.close();

  // Writes and the background queue work again too: a submission is stored and its confirmation
  // mail is delivered by the mail worker (to the outbox: no SMTP here), which polls through pg-boss.
  const [owner] = await makeApplicants("atervand", 1);
  const session = await signIn(app.url, owner.email, APPLICANT_PASSWORD);
  const submitted = await session.fetch(
    `${app.url}/api/v1/applications/${owner.drafts[0].id}/submit`,
    { method: "POST", headers: { origin: app.url } },
  );
  expect(submitted.status).toBe(201);
  const key = `application:${owner.drafts[0].id}:version:1`;
  await waitFor(
    "bekräftelsen levereras av bakgrundsjobbet",
    async () => {
      const [mail] = await query<{ status: string }>(
        `SELECT status FROM "MailMessage" WHERE "dedupeKey" = $1`,
        [key],
      );
      return mail?.status === "SENT" ? true : undefined;
    },
    60_000,
    500,
  );
  expect(app.exited()).toBe(false);
  await app.stop();
});

test("the app process killed in the middle of twenty submissions leaves each one submitted or an intact draft", async () => {
  test.setTimeout(180_000);
  let app = await startApp(PORTS.fault);
  const [owner] = await makeApplicants("krasch", 1, 20);
  const ids = owner.drafts.map((d) => d.id);
  const before = await snapshotApplications(ids);
  const session = await signIn(app.url, owner.email, APPLICANT_PASSWORD);
  const submit = (id: string) =>
    session.fetch(`${app.url}/api/v1/applications/${id}/submit`, {
      method: "POST",
      headers: { origin: app.url },
    });

  // All twenty at once; the process is killed (SIGKILL, the whole process group) as soon as five are
  // answered, while the others are being stored (each holds its application row, waiting for the
  // reference counter's lock) or not yet started.
  const answered = new Map<string, { status: number; referenceNumber?: string }>();
  let fiveAnswered!: () => void;
  const five = new Promise<void>((resolve) => {
    fiveAnswered = resolve;
  });
  const requests = ids.map((id) =>
    submit(id)
      .then(async (response) => {
        const body = (await response.json()) as { referenceNumber?: string };
        answered.set(id, { status: response.status, referenceNumber: body.referenceNumber });
        if (answered.size >= 5) fiveAnswered();
      })
      .catch(() => {
        /* the connection died with the process */
      }),
  );
  const cutBefore = postgresLog.join("").split("open transaction").length - 1;
  await Promise.race([five, Promise.all(requests)]);
  await app.kill();
  await Promise.all(requests);
  expect(app.exited()).toBe(true);
  expect([...answered.values()].every((a) => a.status === 201)).toBe(true);

  // Either fully submitted or an untouched draft, never in between; the database alone decides.
  async function expectEachWholeOrUntouched() {
    const state = await submissionState(ids);
    const after = await snapshotApplications(ids);
    let submitted = 0;
    for (const id of ids) {
      const app = state.get(id)!;
      if (app.status === "SUBMITTED") {
        submitted++;
        expect(app.referenceNumber, id).toMatch(/^\d{4}\/\d{4}$/);
        expect(
          app.versions.map((v) => [v.number, v.reason]),
          id,
        ).toEqual([[1, "SUBMISSION"]]);
        expect(
          app.mails.map((m) => m.to),
          id,
        ).toEqual([owner.email]);
      } else {
        expect(app.status, id).toBe("DRAFT");
        expect(app.referenceNumber, id).toBeNull();
        expect(app.submittedAt, id).toBeNull();
        expect(app.versions, id).toEqual([]);
        expect(app.mails, id).toEqual([]);
        expect(after.get(id), id).toEqual(before.get(id));
      }
      const answer = answered.get(id);
      if (answer) {
        expect(app.status, `${id} answered 201`).toBe("SUBMITTED");
        expect(app.referenceNumber).toBe(answer.referenceNumber);
      }
    }
    return submitted;
  }
  const submittedAtCrash = await expectEachWholeOrUntouched();
  expect(submittedAtCrash).toBeGreaterThanOrEqual(answered.size);
  const cut = postgresLog.join("").split("open transaction").length - 1 - cutBefore;
  console.log(
    `[system] SIGKILL: ${answered.size} av 20 besvarade, ${submittedAtCrash} inskickade, ${20 - submittedAtCrash} orörda utkast, ${cut} transaktioner avbrutna`,
  );

  // Started again: the same state, and the applicant simply submits again. Those already in answer
  // 200 with the reference number they got; the drafts are submitted now.
  app = await startApp(PORTS.fault);
  expect(await expectEachWholeOrUntouched()).toBe(submittedAtCrash);
  const stateAtCrash = await submissionState(ids);
  const retry = await Promise.all(
    ids.map(async (id) => {
      const response = await session.fetch(`${app.url}/api/v1/applications/${id}/submit`, {
        method: "POST",
        headers: { origin: app.url },
      });
      return {
        id,
        status: response.status,
        body: (await response.json()) as { referenceNumber: string },
      };
    }),
  );
  for (const { id, status, body } of retry) {
    const was = stateAtCrash.get(id)!;
    expect(status, id).toBe(was.status === "SUBMITTED" ? 200 : 201);
    if (was.referenceNumber) expect(body.referenceNumber).toBe(was.referenceNumber);
  }
  const final = await submissionState(ids);
  for (const id of ids) {
    const app = final.get(id)!;
    expect(app.status).toBe("SUBMITTED");
    expect(app.versions.length).toBe(1);
    expect(app.mails.length).toBe(1);
  }
  const year = Number(retry[0].body.referenceNumber.slice(0, 4));
  const { numbers, last } = await referenceNumbersOf(year);
  expect(new Set(numbers).size).toBe(numbers.length);
  expect(numbers.map((n) => Number(n.split("/")[1])).sort((x, y) => x - y)).toEqual(
    Array.from({ length: last }, (_, i) => i + 1),
  );
  await app.stop();
});
