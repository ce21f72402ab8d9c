import { expect, test, type Page } from "@playwright/test";
import { DEMO, expectNoSeriousA11yViolations, signIn } from "./support";
import { query } from "./db";
import { demoApplications } from "../../prisma/demo-data";

// Case work an officer relies on: the pages fit a 1 024-pixel window, the conflict gate shows who
// the case concerns, and a late completion stands out.

const LONG_GRANT = demoApplications(2000).angered.title;
const LONG_CASE = demoApplications(2000).gottsunda.title;
const HUSBY = "Husby tillsammans";

/** Neither the page nor any table region scrolls sideways. */
async function expectNoSidewaysScroll(page: Page) {
  const widths = await page.evaluate(() => ({
    page: [document.documentElement.scrollWidth, document.documentElement.clientWidth],
    regions: [...document.querySelectorAll<HTMLElement>("[role=region]")].map((r) => [
      r.scrollWidth,
      r.clientWidth,
    ]),
  }));
  expect(widths.page[0]).toBeLessThanOrEqual(widths.page[1]);
  expect(widths.regions.length).toBeGreaterThan(0);
  for (const [scroll, client] of widths.regions) expect(scroll).toBeLessThanOrEqual(client);
}

/** The element shows fewer lines than its text needs (cut with an ellipsis by line-clamp). */
const isShortened = (page: Page, testId: string, text: string) =>
  page
    .getByTestId(testId)
    .filter({ hasText: text })
    .first()
    .evaluate((el) => el.scrollHeight > el.clientHeight + 1);

test("at 1 024 px the dashboard and the public list fit the window, long titles shortened but whole for assistive technology", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  const [{ roundId }] = await query<{ roundId: string }>(
    `SELECT "roundId" FROM "Application" WHERE title = $1`,
    [LONG_CASE],
  );
  await signIn(page, DEMO.reviewer);
  await page.goto(`/handlaggning?round=${roundId}`);
  // The link's accessible name is the whole title; on screen it is cut to two lines.
  const link = page.getByRole("link", { name: LONG_CASE, exact: true });
  await expect(link).toBeVisible();
  await expect(link).toHaveAttribute("title", LONG_CASE);
  expect(await isShortened(page, "case-title", LONG_CASE)).toBe(true);
  await expect(page.getByTestId("case-age").first()).toContainText("dagar");
  await expectNoSidewaysScroll(page);
  await expectNoSeriousA11yViolations(page);

  await page.goto("/beviljade");
  await expect(page.getByRole("cell", { name: LONG_GRANT })).toBeVisible();
  expect(await isShortened(page, "grant-title", LONG_GRANT)).toBe(true);
  await expectNoSidewaysScroll(page);
  await expectNoSeriousA11yViolations(page);
});

test("the conflict gate shows the contact person, the board and the partners; a late completion is flagged", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const [app] = await query<{ id: string; referenceNumber: string }>(
    `SELECT id, "referenceNumber" FROM "Application" WHERE title = $1`,
    [HUSBY],
  );
  // Set up: the demo reviewer has not judged this case yet.
  await query(
    `DELETE FROM "ConflictDeclaration" WHERE "applicationId" = $1 AND "userId" = (SELECT id FROM "User" WHERE email = $2)`,
    [app.id, DEMO.reviewer],
  );
  await signIn(page, DEMO.reviewer);
  await page.goto(`/handlaggning/${app.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    `Jävsprövning – ${app.referenceNumber}`,
  );
  await expect(page.getByTestId("case-contact")).toHaveText(
    "Yusuf Ali, husby@samverka.example, 070-123 45 62",
  );
  const board = page.getByTestId("case-board");
  await expect(board.getByRole("listitem")).toHaveText([
    "Yusuf Ali, ordförande – firmatecknare",
    "Hanna Berg, kassör",
  ]);
  await expect(page.getByTestId("case-partners")).toContainText(
    "Rinkeby-Kista stadsdelsförvaltning",
  );
  await expect(page.getByTestId("case-partners")).toContainText("Stockholmshem");
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("radio", { name: "Nej, jag är inte jävig" }).check();
  await page.getByRole("button", { name: "Lämna jävsprövning" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(HUSBY);
  await expect(page.getByTestId("case-board")).toContainText("Hanna Berg, kassör");

  // The due date starts two weeks ahead; a day in the past is refused beside the field.
  const due = page.getByLabel("Komplettera senast");
  const suggested = await due.inputValue();
  expect(suggested).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  await page
    .getByLabel("Vad saknas?")
    .fill("Beskriv hur skolan och stadsdelsförvaltningen delar ansvaret för läxhjälpen.");
  await due.fill("2020-01-01");
  await page.getByRole("button", { name: "Begär komplettering" }).click();
  await expect(page.getByText("Datumet har redan passerat").first()).toBeVisible();
  await due.fill(suggested);
  await page.getByRole("button", { name: "Begär komplettering" }).click();
  await expect(page.getByText("Komplettering begärd", { exact: true })).toBeVisible();

  // Two weeks go by without an answer (set up in the database): the case and the dashboard say so.
  await query(
    `UPDATE "ComplementRequest" SET "dueDate" = current_date - 2 WHERE "applicationId" = $1 AND "answeredAt" IS NULL`,
    [app.id],
  );
  await page.reload();
  await expect(page.getByTestId("completion-overdue-flag")).toContainText("Försenad");
  // The dashboard opens on the newest round; the demo case is in the current demo round.
  const [{ roundId }] = await query<{ roundId: string }>(
    `SELECT "roundId" FROM "Application" WHERE id = $1`,
    [app.id],
  );
  await page.goto(`/handlaggning?completion=overdue&round=${roundId}`);
  const row = page.getByRole("row", { name: new RegExp(HUSBY) });
  await expect(row.getByTestId("completion-due")).toContainText("Försenad");
  await expect(page.getByTestId("dashboard-rows").getByRole("row")).toHaveCount(1);
});
