import { expect, test } from "@playwright/test";
import { DEMO, expectNoSeriousA11yViolations, signIn, enterSecondFactor } from "./support";
import { query } from "./db";

test("the home page explains the grant and its three tracks in Swedish, with a sign-in", async ({
  page,
}) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "sv");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Statsbidrag för arbete mot segregation",
  );
  for (const track of [
    "Kunskaps- och metodutveckling",
    "Gemensamt agerande och strategisk samverkan",
    "Direkta insatser",
  ]) {
    await expect(page.getByRole("heading", { name: track })).toBeVisible();
  }
  await expect(page.getByRole("button", { name: "Logga in", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Tillgänglighetsredogörelse" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test("the interface can be switched to English and back", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "In English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText(
    "Statsbidrag för arbete mot segregation",
  );
  await page.getByRole("button", { name: "På svenska" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "sv");
});

const roles = [
  { name: "applicant", email: DEMO.applicant, path: "/ansokningar", heading: "Mina ansökningar" },
  { name: "reviewer", email: DEMO.reviewer, path: "/handlaggning", heading: "Handläggning" },
  { name: "decider", email: DEMO.decider, path: "/beslut", heading: "Beslut" },
  { name: "admin", email: DEMO.admin, path: "/admin", heading: "Administration" },
] as const;

for (const role of roles) {
  test(`the demo ${role.name} signs in and lands on their own page`, async ({ page }) => {
    await signIn(page, role.email);
    await expect(page).toHaveURL(new RegExp(`${role.path}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(role.heading);
    await expectNoSeriousA11yViolations(page);
  });
}

test("the applicant sees the organisation's applications from the demo data", async ({ page }) => {
  await signIn(page, DEMO.applicant);
  await expect(
    page.getByRole("heading", { name: /Föreningen Mötesplats Skärholmen/ }),
  ).toBeVisible();
  await expect(page.getByRole("row", { name: /Trygga kvällar i Skärholmen/ })).toContainText(
    "Utkast",
  );
});

test("a wrong password shows a Swedish error at the field", async ({ page }) => {
  await signIn(page, DEMO.applicant, "fel-losenord");
  await expect(page.getByTestId("error-summary")).toContainText("Fel e-postadress eller lösenord");
  await expect(page.getByLabel("E-postadress")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("E-postadress")).toHaveValue(DEMO.applicant);
  await expect(page).toHaveURL(/\/logga-in/);
  await expectNoSeriousA11yViolations(page);
});

test("an applicant opening a reviewer page is refused with a not-found page", async ({ page }) => {
  await signIn(page, DEMO.applicant);
  await expect(page).toHaveURL(/\/ansokningar$/);
  const response = await page.goto("/handlaggning");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sidan finns inte");
  await expect(page.getByText("Amina Hassan")).toBeVisible();
  for (const path of ["/beslut", "/admin"]) expect((await page.goto(path))?.status()).toBe(404);
});

test("a signed-out visitor is sent to sign in and back to the page they asked for", async ({
  page,
}) => {
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/logga-in\?next=%2Fadmin/);
  await page.getByLabel("E-postadress").fill(DEMO.admin);
  await page.getByLabel("Lösenord").fill("samverka-demo");
  await page.getByRole("button", { name: "Logga in", exact: true }).click();
  // Staff give their one-time code in a second step, and still come back to the page they asked for.
  await enterSecondFactor(page, DEMO.admin);
  await expect(page).toHaveURL(/\/admin$/);
});

test("a new applicant registers and lands on their page", async ({ page }) => {
  const email = `ny-${Date.now()}@forening.example`;
  await page.goto("/registrera");
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel("Namn").fill("Nora Nyström");
  await page.getByLabel("E-postadress").fill(email);
  await page.getByLabel("Lösenord", { exact: true }).fill("kort");
  await page.getByLabel("Upprepa lösenordet").fill("kort");
  await page.getByRole("button", { name: "Skapa konto" }).click();
  await expect(page.getByTestId("error-summary")).toContainText(
    "Lösenordet måste ha minst 10 tecken",
  );
  await expect(page.getByLabel("Namn")).toHaveValue("Nora Nyström");
  await page.getByLabel("Lösenord", { exact: true }).fill("ett-langt-losenord");
  await page.getByLabel("Upprepa lösenordet").fill("ett-langt-losenord");
  await page.getByRole("button", { name: "Skapa konto" }).click();
  await expect(page).toHaveURL(/\/ansokningar$/);
  await expect(page.getByText("Inloggad som Nora Nyström")).toBeVisible();
});

test("the health endpoint answers", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", database: "ok" });
});

test("the accessibility statement and the public list of approved grants are reachable and accessible", async ({
  page,
}) => {
  await page.goto("/tillganglighet");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tillgänglighetsredogörelse");
  await expect(page.getByRole("link", { name: /tillganglighet@samverka.example/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.goto("/beviljade");
  // The project's cell: its title, then its track.
  await expect(page.getByRole("cell", { name: /^Mötesplats Skärholmen Gemensamt/ })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Unga röster i Husby" })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
});

test("an unknown address shows the Swedish not-found page", async ({ page }) => {
  const response = await page.goto("/finns-inte");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sidan finns inte");
});

test("in English, the applicant's wizard and the officers' dashboard speak English too", async ({
  page,
  browser,
}) => {
  await signIn(page, DEMO.applicant);
  const [draft] = await query<{ id: string }>(
    `SELECT a.id FROM "Application" a JOIN "User" u ON u.id = a."createdById" WHERE u.email = $1 AND a.status = 'DRAFT' ORDER BY a."createdAt" LIMIT 1`,
    [DEMO.applicant],
  );
  await page.goto(`/ansokningar/${draft.id}`);
  await page.getByRole("button", { name: "In English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("link", { name: /Basic details/ })).toBeVisible();
  await page.goto(`/ansokningar/${draft.id}/grunduppgifter`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Basic details");
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("button", { name: "På svenska" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Grunduppgifter");

  const officer = await (await browser.newContext()).newPage();
  await signIn(officer, DEMO.reviewer);
  await officer.getByRole("button", { name: "In English" }).click();
  await expect(officer.locator("html")).toHaveAttribute("lang", "en");
  await expect(officer.getByRole("heading", { name: "Filter", exact: true })).toBeVisible();
  await expect(officer.getByLabel("Search")).toBeVisible();
});
