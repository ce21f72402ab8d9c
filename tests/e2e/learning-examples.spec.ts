import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { DEMO, expectNoSeriousA11yViolations, signIn } from "./support";
import { query } from "./db";

// Learning examples (docs/domain.md §8), the way people use them: the grantee writes the public
// summary of the final report (typing, pausing, refused personal data at the field, a reload),
// the officer publishes it after confirming that no individual is named, the public finds it with
// an inflected word, and an unpublished example is gone.

const PAUSE_MS = 1_600; // longer than the form's autosave delay

/** Copies rows of `table` matching `where`, with `set` (column → SQL expression) overriding columns. */
async function copyRows(
  table: string,
  where: string,
  params: unknown[],
  set: Record<string, string>,
) {
  const columns = (
    await query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`,
      [table],
    )
  ).map((r) => r.column_name);
  const list = columns.map((c) => `"${c}"`).join(", ");
  const values = columns.map((c) => set[c] ?? `"${c}"`).join(", ");
  await query(
    `INSERT INTO "${table}" (${list}) SELECT ${values} FROM "${table}" WHERE ${where}`,
    params,
  );
}

/**
 * A grant of this test's own: a copy of the demo's Rosengård grant (its organisation, decision,
 * areas and reports) under a new title and reference number, with no summary yet.
 */
async function ownGrant() {
  const suffix = randomUUID().slice(0, 6);
  const [source] = await query<{ id: string }>(
    `SELECT id FROM "Application" WHERE title = 'Kulturskola för alla i Rosengård'`,
  );
  const id = `lx-${suffix}`;
  const reference = `2099/${String(Math.floor(Math.random() * 9000) + 1000)}`;
  const title = `Läxhjälp och kulturskola i Rosengård ${suffix}`;
  await copyRows("Application", "id = $1", [source.id], {
    id: `'${id}'`,
    referenceNumber: `'${reference}'`,
    title: `'${title}'`,
  });
  const child = { id: `'${id}-' || id`, applicationId: `'${id}'` };
  await copyRows("ApplicationArea", `"applicationId" = $1`, [source.id], child);
  await copyRows("FollowUpReport", `"applicationId" = $1`, [source.id], child);
  await copyRows("Decision", `"applicationId" = $1 AND outcome = 'APPROVED'`, [source.id], {
    ...child,
    proposalId: "NULL",
    correctsId: "NULL",
    letterFileId: "NULL",
  });
  const [report] = await query<{ id: string }>(
    `SELECT id FROM "FollowUpReport" WHERE "applicationId" = $1 AND kind = 'FINAL'`,
    [id],
  );
  return { id, reference, title, reportId: report.id };
}

/** Types like a person: a piece, a pause longer than the autosave delay, the rest. */
async function typeWithPause(page: Page, label: string, first: string, rest = "") {
  const field = page.getByLabel(label, { exact: true });
  await field.click();
  await field.pressSequentially(first, { delay: 20 });
  await page.waitForTimeout(PAUSE_MS);
  await expect(field).toBeFocused();
  if (rest) await field.pressSequentially(rest, { delay: 20 });
  return field;
}

const PARTS = {
  Ort: "Rosengård i Malmö, där få barn deltar i organiserad fritid.",
  Syfte: "Att ge barnen läxhjälpen och kulturskolan nära hemmet.",
  Process: "Tre eftermiddagar i veckan i skolans bibliotek och musiksal.",
  Resultat: "Sextio barn kom varje vecka, och fler klarar målen i matematik.",
  "Vad vi lärt oss": "Att vara i skolans lokaler direkt efter skoldagen var avgörande.",
};

test("a grantee's summary is refused with personal data, published by the officer, found in Swedish and unpublished", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const grant = await ownGrant();

  // The grantee writes the summary under the final report, pausing mid-sentence.
  const grantee = await (await browser.newContext()).newPage();
  await signIn(grantee, "rosengard@samverka.example");
  await grantee.goto(`/ansokningar/${grant.id}/rapport/${grant.reportId}`);
  await expect(
    grantee.getByRole("heading", { name: "Offentlig sammanfattning (frivilligt)" }),
  ).toBeVisible();
  await expect(grantee.getByTestId("example-place-count")).toHaveText(
    /^Du kan skriva upp till 2\s000 tecken$/,
  );
  const place = await typeWithPause(
    grantee,
    "Ort",
    "Rosengård i Malmö, ",
    "där få barn deltar i organiserad fritid.",
  );
  await expect(grantee.getByTestId("example-state")).toHaveText(/Sparat \d\d:\d\d/);
  await expect(place).toBeFocused();
  await expect(place).toHaveValue(PARTS.Ort);
  await typeWithPause(
    grantee,
    "Syfte",
    "Att ge barnen läxhjälpen ",
    "och kulturskolan nära hemmet.",
  );

  // Personal data is refused at the field, with what to do, while the person keeps typing.
  const process = await typeWithPause(grantee, "Process", "Ring samordnaren på 070-123 45 67.");
  await expect(grantee.locator("#example-process-error")).toContainText(
    "Ta bort telefonnumret. Sammanfattningen blir offentlig",
  );
  await expect(process).toHaveAttribute("aria-describedby", /example-process-error/);
  await expect(process).toBeFocused();
  await process.fill("");
  await process.pressSequentially("Skriv till info@kulturskolan.se", { delay: 10 });
  await expect(grantee.locator("#example-process-error")).toContainText("Ta bort e-postadressen.");
  await process.fill("");
  await process.pressSequentially("Ledaren 850709-1234 höll i träffarna.", { delay: 10 });
  await expect(grantee.locator("#example-process-error")).toContainText("Ta bort personnumret.");
  await process.fill("");
  await process.pressSequentially(PARTS.Process, { delay: 10 });
  await expect(grantee.locator("#example-process-error")).toHaveCount(0);
  await typeWithPause(grantee, "Resultat", PARTS.Resultat);
  await typeWithPause(grantee, "Vad vi lärt oss", PARTS["Vad vi lärt oss"]);
  await grantee.getByLabel("Vi samtycker till att sammanfattningen publiceras").check();
  await grantee.waitForTimeout(PAUSE_MS);
  await expect(grantee.getByTestId("example-state")).toHaveText(/Sparat \d\d:\d\d/);
  await expectNoSeriousA11yViolations(grantee);

  // Nothing is lost on a reload: every part and the consent.
  await grantee.reload();
  for (const [label, text] of Object.entries(PARTS))
    await expect(grantee.getByLabel(label, { exact: true })).toHaveValue(text);
  await expect(
    grantee.getByLabel("Vi samtycker till att sammanfattningen publiceras"),
  ).toBeChecked();
  await grantee.getByRole("button", { name: "Skicka sammanfattningen till handläggaren" }).click();
  await expect(grantee.getByTestId("example-sent")).toBeFocused();
  await expect(grantee.getByTestId("example-status")).toContainText("skickad till handläggaren");

  // The officer publishes only after confirming that no individual is named.
  const officer = await (await browser.newContext()).newPage();
  await signIn(officer, DEMO.reviewer);
  await officer.goto(`/uppfoljning/${grant.id}`);
  const review = officer.getByTestId("example-review");
  await expect(review.getByTestId("example-review-status")).toHaveText(
    "Inskickad – väntar på granskning",
  );
  await expect(review.getByTestId("example-review-text")).toContainText("läxhjälpen");
  await review.getByRole("button", { name: "Godkänn och publicera" }).click();
  await expect(officer.getByTestId("error-summary")).toContainText(
    "Bekräfta att sammanfattningen inte nämner någon enskild person.",
  );
  await review
    .getByLabel("Jag har läst sammanfattningen och den nämner ingen enskild person")
    .check();
  await review.getByRole("button", { name: "Godkänn och publicera" }).click();
  await expect(review.getByTestId("example-review-status")).toHaveText("Publicerad");
  await expectNoSeriousA11yViolations(officer);

  // The public finds it with an inflected form: "läxhjälp" finds "läxhjälpen".
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto("/erfarenheter");
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("Erfarenheter");
  await expect(visitor.getByRole("link", { name: "Erfarenheter", exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(visitor);
  await visitor.getByLabel("Sök", { exact: true }).fill("läxhjälp");
  await visitor.getByRole("button", { name: "Visa", exact: true }).click();
  await expect(visitor).toHaveURL(/q=l%C3%A4xhj%C3%A4lp/);
  const card = visitor
    .getByTestId("examples")
    .getByRole("listitem")
    .filter({ hasText: grant.title });
  await expect(card).toContainText("Rosengårds Kulturförening");
  await expect(card).toContainText("Malmö, Skåne län");
  await expect(card).toContainText("Direkta insatser");
  await card.getByRole("link", { name: grant.title }).click();
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText(grant.title);
  await expect(visitor.getByRole("heading", { name: "Vad vi lärt oss" })).toBeVisible();
  await expect(visitor.getByTestId("example-text")).toContainText(PARTS["Vad vi lärt oss"]);
  await expect(visitor).toHaveTitle(`${grant.title} – Erfarenheter – Samverka`);
  await expect(visitor.locator('meta[name="description"]')).toHaveAttribute("content", PARTS.Syfte);
  await expect(visitor.locator('meta[property="og:title"]')).toHaveAttribute(
    "content",
    grant.title,
  );
  await expectNoSeriousA11yViolations(visitor);
  const examplePath = new URL(visitor.url()).pathname;

  // The example links to its grant on /beviljade, and the grant's row links back.
  await visitor
    .getByRole("link", { name: `Se bidraget bland beviljade bidrag (${grant.reference})` })
    .click();
  await expect(visitor.getByTestId("granted-reference")).toContainText(grant.reference);
  await expect(visitor.getByTestId("grant-title")).toHaveText(grant.title);
  await visitor.getByRole("link", { name: "Läs vad de lärde sig" }).click();
  await expect(visitor).toHaveURL(new RegExp(`${examplePath}$`));

  // The open data has it too.
  const open = await visitor.request.get("/api/open-data/erfarenheter?q=l%C3%A4xhj%C3%A4lp");
  const data = JSON.parse(await open.text()) as { examples: { title: string; lessons: string }[] };
  expect(data.examples.find((e) => e.title === grant.title)?.lessons).toBe(
    PARTS["Vad vi lärt oss"],
  );

  // Unpublished, with a reason: gone from the list, the page and the open data.
  await officer.goto(`/uppfoljning/${grant.id}`);
  await officer
    .getByLabel("Varför tas exemplet bort från webbplatsen?")
    .fill("Föreningen bad oss ta bort exemplet.");
  await officer.getByRole("button", { name: "Avpublicera exemplet" }).click();
  await expect(officer.getByTestId("example-review-status")).toHaveText("Avpublicerad");
  await visitor.goto("/erfarenheter?q=l%C3%A4xhj%C3%A4lp");
  await expect(visitor.getByText(grant.title)).toHaveCount(0);
  expect((await visitor.request.get(examplePath)).status()).toBe(404);
  const after = JSON.parse(
    await (await visitor.request.get("/api/open-data/erfarenheter?q=l%C3%A4xhj%C3%A4lp")).text(),
  ) as { examples: { title: string }[] };
  expect(after.examples.map((e) => e.title)).not.toContain(grant.title);
  await grantee.goto(`/ansokningar/${grant.id}/rapport/${grant.reportId}`);
  await expect(grantee.getByTestId("example-unpublish-reason")).toContainText(
    "Föreningen bad oss ta bort exemplet.",
  );
});

test("the demo examples fill the public page, and its filters narrow it", async ({ page }) => {
  await page.goto("/erfarenheter");
  await expect(page.getByTestId("examples").getByRole("listitem")).not.toHaveCount(0);
  await page.getByLabel("Sök", { exact: true }).fill("föreningarna");
  await page.getByRole("button", { name: "Visa", exact: true }).click();
  // "föreningarna" finds the Skärholmen example, which speaks of "föreningar" and "föreningen".
  await expect(page.getByTestId("examples")).toContainText("Mötesplats Skärholmen");
  await page.goto("/erfarenheter");
  await page.getByLabel("Län").selectOption({ label: "Västra Götalands län" });
  await page.getByRole("button", { name: "Visa", exact: true }).click();
  await expect(page.getByTestId("examples")).toContainText("Idrott som väg in");
  await expect(page.getByTestId("examples")).not.toContainText("Mötesplats Skärholmen");
  await expectNoSeriousA11yViolations(page);
});
