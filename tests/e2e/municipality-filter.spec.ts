import { expect, test } from "@playwright/test";
import { DEMO, expectNoSeriousA11yViolations, signIn } from "./support";

// The municipality filter is a searchable combobox fed by GET /api/kommuner: no page carries the
// 290 municipalities. Chosen with the keyboard alone, it filters the list; the address keeps the
// code, and a reload shows the name. Without JavaScript a typed name filters too.

test("the dashboard's municipality filter: typed, chosen with the arrow keys and Enter, kept on reload", async ({
  page,
}) => {
  await signIn(page, DEMO.reviewer);
  await page.goto("/handlaggning?round=alla");
  expect(await page.locator("option[value='0180']").count()).toBe(0);
  const rows = page.getByTestId("dashboard-rows").getByRole("row");
  const before = await rows.count();

  const combobox = page.getByRole("combobox", { name: "Kommun" });
  await combobox.focus();
  await combobox.pressSequentially("Sto", { delay: 200 });
  const listbox = page.getByRole("listbox", { name: "Kommun" });
  await expect(listbox.getByRole("option").first()).toHaveText(/^Stockholm,? ?Stockholms län$/);
  await expect(page.getByRole("status").filter({ hasText: "kommuner matchar" })).toHaveCount(1);
  await expectNoSeriousA11yViolations(page);

  await page.keyboard.press("ArrowDown");
  await expect(listbox.getByRole("option").first()).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Enter");
  await expect(combobox).toHaveValue("Stockholm");
  await expect(listbox.getByRole("option")).toHaveCount(0);
  // Enter again, with the list closed, sends the filter form.
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/[?&]municipality=0180(&|$)/);
  await expect(rows.first()).toBeVisible();
  const after = await rows.count();
  expect(after).toBeGreaterThan(0);
  expect(after).toBeLessThan(before);
  for (const text of await rows.allInnerTexts()) expect(text).toContain("Stockholm");

  await page.reload();
  await expect(combobox).toHaveValue("Stockholm");
  await expect(rows).toHaveCount(after);
  await expectNoSeriousA11yViolations(page);

  // Emptying the field and sending the form shows every municipality again.
  await combobox.fill("");
  await page.getByRole("button", { name: "Visa", exact: true }).click();
  await expect(page).not.toHaveURL(/municipality=0180/);
  await expect(rows).toHaveCount(before);
});

test("without JavaScript a typed municipality name filters the public learning examples", async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/erfarenheter");
  expect(await page.locator("option[value='0180']").count()).toBe(0);
  await page.getByRole("combobox", { name: "Kommun" }).fill("malmo");
  await page.getByRole("button", { name: "Visa", exact: true }).click();
  await expect(page).toHaveURL(/[?&]municipality=malmo(&|$)/);
  // The name was read as Malmö (1280): the field shows it so.
  await expect(page.getByRole("combobox", { name: "Kommun" })).toHaveValue("Malmö");
  await context.close();
});
