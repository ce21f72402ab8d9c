import { expect, test, type Page } from "@playwright/test";
import { extractText, getDocumentProxy } from "unpdf";
import { DEMO, expectNoSeriousA11yViolations, signIn } from "./support";
import { query } from "./db";

const CASE = "Trygga trappuppgångar i Navestad";
const APPLICANT = "husby@samverka.example";

async function openCase(page: Page) {
  const [{ roundId }] = await query<{ roundId: string }>(
    `SELECT "roundId" FROM "Application" WHERE title = $1`,
    [CASE],
  );
  await page.goto(`/handlaggning?round=${roundId}&q=${encodeURIComponent("Navestad")}`);
  await page
    .getByRole("row", { name: new RegExp(CASE) })
    .getByRole("link")
    .first()
    .click();
}

test("an application goes from review and completion to a four-eyes decision and a decision letter", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const [{ referenceNumber }] = await query<{ referenceNumber: string }>(
    `SELECT "referenceNumber" FROM "Application" WHERE title = $1`,
    [CASE],
  );
  const officer = await (await browser.newContext()).newPage();
  await signIn(officer, DEMO.reviewer);
  await officer.goto("/handlaggning");
  await expectNoSeriousA11yViolations(officer);

  // The conflict gate: only reference, organisation and partners before the declaration.
  await openCase(officer);
  await expect(officer.getByRole("heading", { level: 1 })).toContainText(
    `Jävsprövning – ${referenceNumber}`,
  );
  await expect(officer.getByText("Trapphusmöten")).toHaveCount(0);
  await officer.getByRole("radio", { name: "Nej, jag är inte jävig" }).check();
  await officer.getByRole("button", { name: "Lämna jävsprövning" }).click();
  await expect(officer.getByRole("heading", { level: 1 })).toHaveText(CASE);
  await expectNoSeriousA11yViolations(officer);

  // Step 1, then scoring, then a completion request.
  await officer.getByRole("radio", { name: "Ja – gå vidare till bedömningen" }).check();
  await officer.getByRole("button", { name: "Spara formell kontroll" }).click();
  await expect(officer.getByText("Steg 2: bedömning av relevans och måluppfyllelse")).toBeVisible();

  // Steps can't be skipped: without a review the page says what is missing, and a proposal is refused.
  await expect(officer.getByTestId("steps-missing")).toContainText(
    "en slutförd bedömning av handläggare utan jäv (0 av 1 klara)",
  );
  await officer
    .getByRole("group", { name: "Förslag" })
    .getByRole("radio", { name: "Avslag" })
    .check();
  await officer.getByLabel("Motivering").fill("Ett förslag innan någon har bedömt ansökan.");
  await officer.getByRole("button", { name: "Föreslå beslut" }).click();
  await expect(officer.locator("#proposal").getByTestId("error-summary")).toContainText(
    "Ärendet kan inte föreslås ännu. En slutförd bedömning behövs (0 av 1 klara).",
  );
  await expect(officer.getByRole("heading", { level: 1 })).toHaveText(CASE);
  for (const criterion of [
    "Behov",
    "Lokal förankring",
    "Samverkan",
    "Långsiktighet",
    "Genomförbarhet",
    "Uppföljning",
    "Jämställdhet",
  ]) {
    await officer
      .getByRole("group", { name: `${criterion} (1–5)` })
      .getByRole("radio", { name: "4" })
      .check();
  }
  await officer
    .getByRole("group", { name: "Rekommendation" })
    .getByRole("radio", { name: "Bifall" })
    .check();
  await officer.getByRole("button", { name: "Spara bedömningen" }).click();
  await expect(officer.getByText("medelbetyg 4")).toBeVisible();
  await expect(officer.getByTestId("steps-done")).toBeVisible();
  await officer
    .getByLabel("Vad saknas?")
    .fill("Beskriv hur många hushåll ni räknar med att nå, och hur ni följer upp det.");
  await officer.getByRole("button", { name: "Begär komplettering" }).click();
  await expect(officer.getByText("Komplettering begärd").first()).toBeVisible();

  // The case file (akt) shows the request and the mail it sent the applicant, once delivered.
  await officer.getByRole("link", { name: "Akt: allt som hänt i ärendet" }).click();
  await expect(officer.getByRole("heading", { level: 1 })).toHaveText(`Akt ${referenceNumber}`);
  const mail = officer.getByTestId("case-file").locator('li[data-kind="mail"]', {
    hasText: `Komplettering behövs för ansökan ${referenceNumber}`,
  });
  await expect(async () => {
    await officer.reload();
    await expect(mail).toContainText("(Levererat)", { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await mail.getByText("Visa texten").click();
  await expect(mail).toContainText("hur många hushåll");
  await expectNoSeriousA11yViolations(officer);

  // The applicant sees the message, completes and resubmits.
  const applicant = await (await browser.newContext()).newPage();
  await signIn(applicant, APPLICANT);
  await applicant.getByRole("link", { name: CASE }).click();
  await expect(applicant.getByTestId("complement-message")).toContainText("hur många hushåll");
  await applicant.getByRole("link", { name: "Genomförande", exact: true }).click();
  await applicant
    .getByLabel("Långsiktighet")
    .fill(
      "Vi når 400 hushåll och följer upp med en enkät varje år. Hyresbostäder tar över trapphusmötena.",
    );
  await expect(applicant.getByTestId("save-state")).toHaveAttribute("data-state", "saved");
  await applicant.goto(applicant.url().replace(/\/genomforande$/, "/granska"));
  await applicant.getByRole("button", { name: "Skicka in kompletteringen" }).click();
  await expect(applicant.getByTestId("confirmation")).toContainText("Kompletteringen är inskickad");

  // The officer is told that the completion has arrived; the notification leads to the case.
  await officer.goto("/notiser");
  await officer
    .getByTestId("notifications")
    .getByRole("link", { name: `Komplettering inkommen: ${referenceNumber} ${CASE}` })
    .click();
  await expect(officer.getByRole("heading", { level: 1 })).toHaveText(CASE);

  // Back with the officer, who proposes approval.
  await expect(officer.getByText("Ändrad i kompletteringen").first()).toBeVisible();
  await officer
    .getByRole("group", { name: "Förslag" })
    .getByRole("radio", { name: "Bifall" })
    .check();
  await officer.getByLabel("Belopp vid bifall (kr)").fill("150000");
  await officer
    .getByLabel("Motivering")
    .fill(
      "Insatsen svarar mot ett behov som tagits fram i samverkan och har en plan för fortsättningen.",
    );
  await officer.getByRole("button", { name: "Föreslå beslut" }).click();
  await expect(officer.getByText("Förslag till beslut").first()).toBeVisible();
  // The proposer cannot decide: there is no decision form for a reviewer.
  await expect(officer.getByRole("button", { name: "Fatta beslut" })).toHaveCount(0);

  // A decider who did not review or propose it is told, finds it on /beslut, and decides.
  const decider = await (await browser.newContext()).newPage();
  await signIn(decider, DEMO.decider);
  await expect(decider.getByRole("link", { name: referenceNumber })).toBeVisible();
  await decider.goto("/notiser");
  await decider
    .getByTestId("notifications")
    .getByRole("link", { name: new RegExp(`Förslag till beslut väntar: ${referenceNumber}`) })
    .click();
  await decider.getByRole("radio", { name: "Nej, jag är inte jävig" }).check();
  await decider.getByRole("button", { name: "Lämna jävsprövning" }).click();
  await expect(decider.getByLabel("Belopp vid bifall (kr)")).toHaveValue("150000");
  // No choice: a Swedish message at the field, not a library's English.
  await decider.getByRole("button", { name: "Fatta beslut" }).click();
  await expect(
    decider.getByRole("group", { name: "Beslut" }).getByText("Välj ett beslut"),
  ).toBeVisible();
  await decider
    .getByRole("group", { name: "Beslut" })
    .getByRole("radio", { name: "Bevilja" })
    .check();
  await decider.getByRole("button", { name: "Fatta beslut" }).click();
  // The confirmation: amount, what the budget frame has left after the decision, the reasons.
  const [frame] = await query<{ left: number }>(
    `SELECT r."budgetSek" - coalesce((SELECT sum(d."amountSek") FROM "Decision" d
       WHERE d."roundId" = r.id AND d.outcome = 'APPROVED'), 0) AS left
     FROM "GrantRound" r JOIN "Application" a ON a."roundId" = r.id WHERE a.title = $1`,
    [CASE],
  );
  const confirmation = decider.getByTestId("decision-confirmation");
  await expect(decider.getByRole("heading", { name: "Bekräfta beslutet" })).toBeFocused();
  await expect(confirmation.getByTestId("confirm-amount")).toHaveText("150\u00a0000 kr");
  await expect(confirmation.getByTestId("confirm-budget-left")).toHaveText(
    `${new Intl.NumberFormat("sv-SE").format(Number(frame.left) - 150_000)} kr`,
  );
  await expect(confirmation).toContainText("Insatsen svarar mot ett behov");
  await expectNoSeriousA11yViolations(decider);
  // A double click decides once.
  await confirmation.getByRole("button", { name: "Bekräfta beslutet" }).dblclick();
  await expect(decider.getByTestId("decision")).toContainText("Beviljad: 150 000 kr");
  const [{ n }] = await query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "Decision" d JOIN "Application" a ON a.id = d."applicationId" WHERE a.title = $1`,
    [CASE],
  );
  expect(n).toBe(1);
  await expectNoSeriousA11yViolations(decider);

  // The applicant downloads the decision letter; it names the amount and the reference number.
  await applicant.goto("/ansokningar");
  await applicant.getByRole("link", { name: CASE }).click();
  await expect(applicant.getByText("Beviljad: 150 000 kr")).toBeVisible();
  const href = await applicant
    .getByRole("link", { name: "Ladda ner beslutsbrevet (PDF)" })
    .getAttribute("href");
  const response = await applicant.request.get(href!);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  const { text } = await extractText(
    await getDocumentProxy(new Uint8Array(await response.body())),
    { mergePages: true },
  );
  expect(text.replace(/\s+/g, " ")).toContain("150 000 kr");
  expect(text).toContain(referenceNumber);
  expect(text).toContain("Maria Johansson");
});

test("an applicant cannot reach officers' pages or actions", async ({ page }) => {
  const [{ id }] = await query<{ id: string }>(
    `SELECT id FROM "Application" WHERE title = 'Kulturskola för alla i Rosengård'`,
  );
  await signIn(page, DEMO.applicant);
  await expect(page).toHaveURL(/\/ansokningar$/);
  for (const path of ["/handlaggning", `/handlaggning/${id}`, "/admin/jav", "/admin/utkorg"]) {
    expect((await page.goto(path))?.status(), path).toBe(404);
  }
});

test("the demo applicant's decision letter link opens the letter; a missing one shows a Swedish page", async ({
  page,
}) => {
  const [{ title }] = await query<{ title: string }>(
    `SELECT a.title FROM "Application" a JOIN "Decision" d ON d."applicationId" = a.id
     JOIN "User" u ON u.id = a."createdById" WHERE u.email = $1 AND d.outcome = 'APPROVED'`,
    [DEMO.applicant],
  );
  await signIn(page, DEMO.applicant);
  await page.getByRole("link", { name: title }).click();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Ladda ner beslutsbrevet (PDF)" }).click(),
  ]);
  const { readFile } = await import("node:fs/promises");
  const bytes = await readFile(await download.path());
  expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), {
    mergePages: true,
  });
  expect(text).toContain("Föreningen Mötesplats Skärholmen");
  expect(text).toContain("efter föredragning av Erik Lindqvist");

  const missing = await page.goto("/api/beslut/finns-inte/beslutsbrev");
  expect(missing?.status()).toBe(404);
  expect(missing?.headers()["content-type"]).toContain("text/html");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sidan finns inte");
});
