import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { extractText, getDocumentProxy } from "unpdf";
import { DEMO, expectNoSeriousA11yViolations, signIn } from "./support";
import { query } from "./db";

// A decision meeting (docs/domain.md §7) of eight proposed cases whose proposed amounts run past
// the round's budget frame in the middle of the list. An officer moves a case, with a reason; the
// decider works the list – lowers an amount, refuses the cases below the line, sends one back with
// its own reasons – and decides all eight at once. The cases are written to the database (their
// review and proposal are not what this spec is about) and removed at the end.

const ROUND = "e2e-meet-round";
const ROUND_TITLE = "Beslutsmöte E2E";
const APPLICANT = "e2e-meet-sokande@exempel.se";
const IDS = Array.from({ length: 8 }, (_, i) => `e2e-meet-a${i + 1}`);
const ref = (n: number) => `2099/000${n}`;
// Mean scores 5, 5, 4, 4, 3, 3, 2, 1: the ranking follows the reference numbers.
const SCORES = [5, 5, 4, 4, 3, 3, 2, 1];

async function cleanUp() {
  await query(`DELETE FROM "DecisionMeeting" WHERE "roundId" = $1`, [ROUND]);
  await query(`DELETE FROM "MailMessage" WHERE "applicationId" = ANY($1)`, [IDS]);
  await query(`DELETE FROM "Notification" WHERE "userId" = 'e2e-meet-user'`);
  await query(`DELETE FROM "Application" WHERE "roundId" = $1`, [ROUND]);
  await query(`DELETE FROM "Membership" WHERE "userId" = 'e2e-meet-user'`);
  await query(`DELETE FROM "Organisation" WHERE id LIKE 'e2e-meet-o%'`);
  await query(`DELETE FROM "User" WHERE id = 'e2e-meet-user'`);
  await query(`DELETE FROM "GrantRound" WHERE id = $1`, [ROUND]);
}

test.beforeAll(async () => {
  await cleanUp();
  const [{ id: officer }] = await query<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [
    DEMO.reviewer,
  ]);
  await query(
    `INSERT INTO "GrantRound"(id, title, year, "opensAt", "closesAt", "budgetSek", "acceptedTracks", status, "updatedAt")
     VALUES ($1, $2, 2099, now() - interval '60 days', now() - interval '1 day', 1000000,
             ARRAY['KNOWLEDGE','COLLABORATION','INTERVENTION']::"Track"[], 'CLOSED', now())`,
    [ROUND, ROUND_TITLE],
  );
  await query(
    `INSERT INTO "User"(id, email, name, roles, "emailVerifiedAt", "updatedAt")
     VALUES ('e2e-meet-user', $1, 'Sara Lind', ARRAY['APPLICANT']::"Role"[], now(), now())`,
    [APPLICANT],
  );
  for (const [i, id] of IDS.entries()) {
    const n = i + 1;
    await query(
      `INSERT INTO "Organisation"(id, name, "orgNumber", "legalForm", "municipalityCode", "streetAddress", "postalCode", city, "updatedAt")
       VALUES ($1, $2, $3, 'NONPROFIT_ASSOCIATION', '0180', 'Storgatan 1', '123 45', 'Stockholm', now())`,
      [`e2e-meet-o${n}`, `Mötesföreningen ${n}`, `80299${n}-000${n}`],
    );
    await query(
      `INSERT INTO "Membership"("userId", "organisationId") VALUES ('e2e-meet-user', $1)`,
      [`e2e-meet-o${n}`],
    );
    await query(
      `INSERT INTO "Application"(id, "roundId", "organisationId", "createdById", status, "referenceNumber", track, variant, title,
         "requestedSek", "submittedAt", "updatedAt", "periodStart", "periodEnd", "assessmentStep", "countyCode", "formalCheckPassed")
       VALUES ($1, $2, $3, 'e2e-meet-user', 'PROPOSED', $4, $5::"Track", 'NEW', $6, 400000, now() - interval '30 days', now(),
               date '2100-01-01', date '2100-12-31', 'MATERIAL', $7, true)`,
      [
        id,
        ROUND,
        `e2e-meet-o${n}`,
        ref(n),
        n % 2 ? "COLLABORATION" : "KNOWLEDGE",
        `Mötesprojekt ${n}`,
        n <= 4 ? "01" : "12",
      ],
    );
    await query(
      `INSERT INTO "ConflictDeclaration"(id, "applicationId", "userId", status) VALUES ($1, $2, $3, 'NO_CONFLICT')`,
      [`e2e-meet-c${n}`, id, officer],
    );
    await query(
      `INSERT INTO "Review"(id, "applicationId", "reviewerId", recommendation, "completedAt", "updatedAt")
       VALUES ($1, $2, $3, 'APPROVE', now(), now())`,
      [`e2e-meet-r${n}`, id, officer],
    );
    await query(
      `INSERT INTO "ReviewScore"(id, "reviewId", criterion, score)
       SELECT $1 || c, $2, c::"ReviewCriterion", $3
       FROM unnest(ARRAY['NEED','LOCAL_ANCHORING','COLLABORATION','LONG_TERM','FEASIBILITY','FOLLOW_UP','GENDER_EQUALITY']) c`,
      [`e2e-meet-s${n}`, `e2e-meet-r${n}`, SCORES[i]],
    );
    await query(
      `INSERT INTO "DecisionProposal"(id, "applicationId", "proposedById", outcome, "amountSek", reasons)
       VALUES ($1, $2, $3, 'APPROVED', 250000, 'Väl förankrad ansökan.')`,
      [`e2e-meet-p${n}`, id, officer],
    );
  }
});

test.afterAll(cleanUp);

const rows = (page: Page) => page.getByTestId("meeting-row");
const order = async (page: Page) =>
  rows(page).evaluateAll((r) => r.map((e) => e.dataset.reference));
/** The reference of the case just below the line where the money runs out. */
const belowLine = (page: Page) =>
  page
    .getByTestId("money-line")
    .locator("xpath=following-sibling::tr[1]")
    .getAttribute("data-reference");

async function pdfText(path: string) {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(await readFile(path))), {
    mergePages: true,
  });
  return text.replace(/[\u00a0\u202f]/g, " ");
}

async function openMeeting(page: Page) {
  await page.goto("/beslut/mote");
  await page.getByRole("link", { name: `${ROUND_TITLE} (2099)` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Beslutsmöte – ${ROUND_TITLE}`);
}

test("a decision meeting of eight cases where the money runs out in the middle of the list", async ({
  browser,
}) => {
  test.setTimeout(180_000);

  // The officer prepares the basis: ranked by mean score; moves case 6 above case 5, with a reason.
  const officer = await (await browser.newContext()).newPage();
  await signIn(officer, DEMO.reviewer);
  await openMeeting(officer);
  expect(await order(officer)).toEqual(IDS.map((_, i) => ref(i + 1)));
  await expect(officer.getByRole("combobox", { name: /Beslut för/ })).toHaveCount(0);
  await officer.getByRole("button", { name: `Flytta upp ${ref(6)}` }).click();
  const reason = officer.getByLabel("Varför ska ärendet flyttas upp?");
  await expect(reason).toBeFocused();
  await officer.getByRole("button", { name: "Flytta", exact: true }).click();
  await expect(officer.getByText("Skriv varför ärendet flyttas.")).toBeVisible();
  await reason.fill("Kommunen har lovat lokaler från januari.");
  await officer.getByRole("button", { name: "Flytta", exact: true }).click();
  await expect
    .poll(() => order(officer))
    .toEqual([ref(1), ref(2), ref(3), ref(4), ref(6), ref(5), ref(7), ref(8)]);
  await expect(officer.locator(`[data-reference="${ref(6)}"]`)).toContainText(
    "Flyttad av Erik Lindqvist: Kommunen har lovat lokaler från januari.",
  );
  await officer.context().close();

  // The decider's page: the proposals run past the frame after four cases.
  const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
  await signIn(page, DEMO.decider);
  await page.goto("/beslut");
  await page
    .getByRole("link", { name: "Beslutsmöte: besluta en utlysnings ärenden tillsammans" })
    .click();
  await page.getByRole("link", { name: `${ROUND_TITLE} (2099)` }).click();
  await expect(rows(page)).toHaveCount(8);
  expect(await order(page)).toEqual([
    ref(1),
    ref(2),
    ref(3),
    ref(4),
    ref(6),
    ref(5),
    ref(7),
    ref(8),
  ]);
  await expect(page.getByTestId("money-line")).toContainText("Här tar pengarna slut");
  expect(await belowLine(page)).toBe(ref(6));
  await expect(page.getByTestId("total-approved")).toHaveText("8 ärenden, 2 000 000 kr");
  await expect(page.getByTestId("total-left")).toContainText("−1 000 000 kr");
  await expectNoSeriousA11yViolations(page);

  // Deciding everything as proposed is stopped before anything is sent: over the frame.
  await page.getByRole("button", { name: "Besluta alla (8)" }).click();
  const summary = page.getByTestId("error-summary");
  await expect(summary).toContainText(
    "Besluten ryms inte i budgetramen: i mötet beviljas 2 000 000 kr, men kvar av ramen är 1 000 000 kr (1 000 000 kr för mycket).",
  );

  // Case 4 gets a lower amount; the totals follow as the decider types.
  const amount4 = page.getByLabel(`Belopp för ${ref(4)}`);
  await amount4.click();
  await amount4.press("ControlOrMeta+a");
  await amount4.pressSequentially("200000");
  await expect(page.getByTestId("total-approved")).toHaveText("8 ärenden, 1 950 000 kr");
  expect(await belowLine(page)).toBe(ref(6));
  // Below the line: refused (case 5 with reasons of its own), and case 8 sent back.
  await page.getByLabel(`Beslut för ${ref(6)}`).selectOption({ label: "Avslå" });
  await page.getByLabel(`Beslut för ${ref(5)}`).selectOption({ label: "Avslå" });
  await page.getByText(`Motivering för ${ref(5)}`).click();
  const reasons5 = page.getByRole("textbox", { name: `Motivering för ${ref(5)}` });
  await expect(reasons5).toHaveValue(/inte prioriterats inom den budgetram/);
  await reasons5.fill("Ansökan avslås: projektet överlappar ett pågående kommunalt projekt.");
  await page.getByLabel(`Beslut för ${ref(7)}`).focus();
  await page.keyboard.press("ArrowDown"); // Bevilja → Avslå, as with the keyboard
  await expect(page.getByLabel(`Beslut för ${ref(7)}`)).toHaveValue("REJECT");
  await page.getByLabel(`Beslut för ${ref(8)}`).selectOption({ label: "Skicka tillbaka" });
  await expect(page.getByLabel(`Belopp för ${ref(8)}`)).toBeDisabled();
  await page.getByText(`Motivering för ${ref(8)}`).click();
  await page
    .getByRole("textbox", { name: `Motivering för ${ref(8)}` })
    .fill("Budgeten behöver ses över innan beslut.");
  await expect(page.getByTestId("total-approved")).toHaveText("4 ärenden, 950 000 kr");
  await expect(page.getByTestId("total-left")).toHaveText("50 000 kr");
  await expect(page.getByTestId("money-line")).toHaveCount(0);

  // A filter narrows the rows, not the totals; the downloads follow it.
  await page.getByLabel("Län").selectOption({ label: "Stockholms län" });
  await expect(rows(page)).toHaveCount(4);
  await expect(page.getByTestId("total-approved")).toHaveText("4 ärenden, 950 000 kr");
  const [csv] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Ladda ner underlaget (CSV)" }).click(),
  ]);
  const csvText = await readFile(await csv.path(), "utf8");
  expect(csvText).toContain(`"${ref(1)}"`);
  expect(csvText).not.toContain(`"${ref(5)}"`);
  await page.getByLabel("Län").selectOption({ label: "Alla" });
  const [pdf] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Ladda ner underlaget (PDF)" }).click(),
  ]);
  const basisText = await pdfText(await pdf.path());
  expect(basisText).toContain("Beslutsunderlag");
  expect(basisText).toContain("Här tar pengarna slut");
  for (let n = 1; n <= 8; n++) expect(basisText).toContain(ref(n));

  // Decide all: a confirmation, the conflict question, and one meeting for a double click.
  await page.getByRole("button", { name: "Besluta alla (8)" }).click();
  await expect(page.getByRole("heading", { name: "Kontrollera besluten" })).toBeFocused();
  const confirmation = page.getByTestId("meeting-confirmation");
  await expect(confirmation).toContainText("Beviljas: 4 ärenden, sammanlagt 950 000 kr");
  await expect(confirmation).toContainText("Avslås: 3 ärenden");
  await expect(confirmation).toContainText("Skickas tillbaka till handläggning: 1 ärende");
  await expect(confirmation).toContainText("Kvar av budgetramen efter mötet: 50 000 kr");
  await expectNoSeriousA11yViolations(page);
  const decideAll = confirmation.getByRole("button", { name: "Besluta alla 8 ärenden" });
  await decideAll.click();
  await expect(summary).toContainText("Bekräfta att du har prövat jäv i vart och ett av ärendena.");
  await confirmation.getByRole("checkbox").focus();
  await page.keyboard.press("Space");
  await decideAll.dblclick();
  const done = page.getByRole("status").filter({ hasText: "Besluten är fattade" });
  await expect(done).toContainText("8 ärenden är beslutade");
  await expect(
    page.getByText("Det finns inga ärenden med förslag till beslut i utlysningen."),
  ).toBeVisible();

  // Each case decided on its own, once; letters and mails to the applicant; one meeting.
  const decided = await query<{
    ref: string;
    status: string;
    outcome: string | null;
    amount: number | null;
    reasons: string | null;
  }>(
    `SELECT a."referenceNumber" AS ref, a.status, d.outcome, d."amountSek" AS amount, d.reasons
     FROM "Application" a LEFT JOIN "Decision" d ON d."applicationId" = a.id
     WHERE a."roundId" = $1 ORDER BY a."referenceNumber"`,
    [ROUND],
  );
  expect(decided.map((d) => [d.ref, d.status, d.outcome, d.amount])).toEqual([
    [ref(1), "APPROVED", "APPROVED", 250_000],
    [ref(2), "APPROVED", "APPROVED", 250_000],
    [ref(3), "APPROVED", "APPROVED", 250_000],
    [ref(4), "APPROVED", "APPROVED", 200_000],
    [ref(5), "REJECTED", "REJECTED", null],
    [ref(6), "REJECTED", "REJECTED", null],
    [ref(7), "REJECTED", "REJECTED", null],
    [ref(8), "IN_REVIEW", null, null],
  ]);
  expect(decided[4].reasons).toBe(
    "Ansökan avslås: projektet överlappar ett pågående kommunalt projekt.",
  );
  const [{ meetings }] = await query<{ meetings: string }>(
    `SELECT count(*)::text AS meetings FROM "DecisionMeeting" WHERE "roundId" = $1`,
    [ROUND],
  );
  expect(meetings).toBe("1");
  await expect
    .poll(async () => {
      const [{ mails }] = await query<{ mails: string }>(
        `SELECT count(*)::text AS mails FROM "MailMessage" WHERE "to" = $1 AND subject LIKE 'Beslut om ansökan 2099/%'`,
        [APPLICANT],
      );
      return mails;
    })
    .toBe("7");

  // The protocol: from the confirmation and the page's list of protocols.
  const [protocol] = await Promise.all([
    page.waitForEvent("download"),
    done.getByRole("link", { name: "Ladda ner beslutsprotokollet (PDF)" }).click(),
  ]);
  const [{ name: deciderName }] = await query<{ name: string }>(
    `SELECT name FROM "User" WHERE email = $1`,
    [DEMO.decider],
  );
  const protocolText = await pdfText(await protocol.path());
  expect(protocolText).toContain(`Utlysning: ${ROUND_TITLE} (2099)`);
  expect(protocolText).toContain(`Beslutande: ${deciderName}`);
  expect(protocolText).toContain("Föredragande: Erik Lindqvist");
  for (let n = 1; n <= 8; n++) {
    expect(protocolText).toContain(ref(n));
    expect(protocolText).toContain(`Mötesföreningen ${n}`);
  }
  expect(protocolText).toContain("Beviljas: 4 ärenden, sammanlagt 950 000 kr.");
  expect(protocolText).toContain("Kvar av budgetramen efter mötet: 50 000 kr.");
  await expect(page.getByTestId("meetings").getByRole("link")).toHaveCount(1);

  // The protocol is in the case file of each case.
  await page.goto(`/handlaggning/${IDS[0]}/akt`);
  const entry = page.locator('[data-kind="meetingProtocol"]');
  await expect(entry).toContainText("Beslutsprotokoll");
  await expect(entry.getByRole("link", { name: "Öppna handlingen" })).toHaveAttribute(
    "href",
    /^\/api\/beslut\/mote\/[^/]+\/protokoll$/,
  );
});
