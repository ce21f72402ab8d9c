import { expect, test } from "@playwright/test";
import {
  DEMO,
  expectNoSeriousA11yViolations,
  expectRegistrationAnswer,
  openConfirmationLink,
  signIn,
  enterSecondFactor,
} from "./support";
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

test("after repeated wrong passwords the next attempt is asked to wait, in Swedish at the field", async ({
  page,
}) => {
  // An address without an account is answered as one with an account: wrong, then a growing wait.
  const email = `ingen-${Date.now()}@samverka.example`;
  await page.goto("/logga-in");
  await page.getByLabel("E-postadress").fill(email);
  const summary = page.getByTestId("error-summary");
  let wrong = 0;
  let waitMessage = "";
  // Each wrong password makes the next wait longer (1 s, 2 s, 4 s … after five): sooner or later
  // the next attempt comes before the wait is over.
  for (let attempt = 0; attempt < 15 && !waitMessage; attempt++) {
    await page.getByLabel("Lösenord").fill(`fel-losenord-${attempt}`);
    const answered = page.waitForResponse((r) =>
      r.url().includes("/api/auth/callback/credentials"),
    );
    await page.getByRole("button", { name: "Logga in", exact: true }).click();
    await answered;
    await expect(page.getByRole("button", { name: "Logga in", exact: true })).toBeEnabled();
    const text = (await summary.textContent()) ?? "";
    if (text.includes("Vänta")) waitMessage = text;
    else {
      expect(text).toContain("Fel e-postadress eller lösenord");
      wrong++;
    }
  }
  expect(wrong).toBeGreaterThanOrEqual(5);
  expect(waitMessage).toMatch(/Vänta \d+ sekund(er)? innan du försöker igen\./);
  await expect(page.getByLabel("E-postadress")).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#email-error")).toContainText("innan du försöker igen");
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

test("a new applicant registers, opens the link from the mail, and lands on their page", async ({
  page,
}) => {
  const email = `ny-${Date.now()}@forening.example`;
  await page.goto("/registrera");
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel("Namn").fill("Nora Nyström");
  await page.getByLabel("E-postadress").fill(email);
  const password = page.getByLabel("Lösenord", { exact: true });
  const again = page.getByLabel("Upprepa lösenordet");
  await expect(page.getByText("Minst 12 tecken.")).toBeVisible();
  await password.fill("kort");
  await again.fill("kort");
  await page.getByRole("button", { name: "Skapa konto" }).click();
  await expect(page.getByTestId("error-summary")).toContainText(
    "Lösenordet måste ha minst 12 tecken",
  );
  await expect(page.getByLabel("Namn")).toHaveValue("Nora Nyström");
  // Long enough but among the most common ones: refused at the field, saying why.
  for (const common of ["123456789012", "aaaaaaaaaaaa"]) {
    await password.fill(common);
    await again.fill(common);
    await page.getByRole("button", { name: "Skapa konto" }).click();
    await expect(page.getByTestId("error-summary")).toContainText(
      "Lösenordet är för vanligt eller för lätt att gissa",
    );
    await expect(page.locator("#password-error")).toContainText("läckta lösenord");
  }
  await expectNoSeriousA11yViolations(page);
  await password.fill("kaffe och kanelbulle");
  await again.fill("kaffe och kanelbulle");
  await page.getByRole("button", { name: "Skapa konto" }).click();
  // No session yet: the link in the mail activates the account.
  await expectRegistrationAnswer(page, email);
  await expectNoSeriousA11yViolations(page);
  await page.goto("/ansokningar");
  await expect(page).toHaveURL(/\/logga-in/);
  await openConfirmationLink(page, email, "kaffe och kanelbulle");
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
