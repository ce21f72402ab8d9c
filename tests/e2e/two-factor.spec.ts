import { expect, test } from "@playwright/test";
import { hash } from "@node-rs/argon2";
import { randomBytes } from "node:crypto";
import { query } from "./db";
import { DEMO, expectNoSeriousA11yViolations, signIn, totpCode, currentStep } from "./support";

// Staff two-factor sign-in (TOTP + recovery codes), as a new reviewer lives it.
test("a reviewer must enrol before staff pages open, then signs in with a code or a recovery code, each used once", async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000);
  const email = `tvasteg-${randomBytes(3).toString("hex")}@delmos.example`;
  await query(
    `INSERT INTO "User"(id, email, name, roles, "passwordHash", "updatedAt") VALUES ($1, $2, 'Ny Handläggare', '{REVIEWER}', $3, now())`,
    [`u-${randomBytes(4).toString("hex")}`, email, await hash("ett-bra-losenord")],
  );

  // Password only: the dashboard is not served; the person is sent to enrol.
  await signIn(page, email, "ett-bra-losenord");
  await expect(page).toHaveURL(/\/konto\/tvastegsverifiering/);
  await page.goto("/handlaggning");
  await expect(page).toHaveURL(/\/konto\/tvastegsverifiering\?next=%2Fhandlaggning/);
  await expect(page.getByRole("heading", { name: "Tvåstegsverifiering", level: 1 })).toBeVisible();
  await expect(page.getByRole("img", { name: /QR-kod/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  // Over HTTP too: a staff-only route handler answers "not found" to this session.
  expect((await page.request.get("/api/uppfoljning/resultat")).status()).toBe(404);

  const secret = (await page.getByTestId("totp-secret").textContent())!.replace(/\s/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await page.getByLabel("Engångskod").fill("000000" === totpCode(secret) ? "111111" : "000000");
  await page.getByRole("button", { name: "Aktivera tvåstegsverifiering" }).click();
  await expect(page.getByTestId("error-summary")).toContainText("Koden stämmer inte");
  const enrolStep = currentStep();
  await page.getByLabel("Engångskod").fill(totpCode(secret, enrolStep));
  await page.getByRole("button", { name: "Aktivera tvåstegsverifiering" }).click();
  await expect(page.getByTestId("recovery-codes").getByRole("listitem")).toHaveCount(10);
  const recovery = await page.getByTestId("recovery-codes").getByRole("listitem").allTextContents();
  expect(recovery).toHaveLength(10);
  expect(recovery[0]).toMatch(/^[2-9A-Z]{5}-[2-9A-Z]{5}$/);
  await page.getByRole("link", { name: "Fortsätt" }).click();
  await expect(page).toHaveURL(/\/handlaggning$/);
  const [row] = await query<{ totpSecret: string; totpEnabledAt: Date }>(
    `SELECT "totpSecret", "totpEnabledAt" FROM "User" WHERE email = $1`,
    [email],
  );
  expect(row.totpEnabledAt).not.toBeNull();
  expect(row.totpSecret).not.toContain(secret); // kept encrypted

  // A new sign-in asks for the code; a wrong one is refused in Swedish; the used code is refused.
  const fresh = await (await browser.newContext()).newPage();
  await fresh.goto("/logga-in");
  await fresh.getByLabel("E-postadress").fill(email);
  await fresh.getByLabel("Lösenord").fill("ett-bra-losenord");
  await fresh.getByRole("button", { name: "Logga in", exact: true }).click();
  await expect(fresh.getByRole("heading", { name: "Engångskod" })).toBeVisible();
  await expectNoSeriousA11yViolations(fresh);
  await fresh.getByLabel("Engångskod").fill("12345");
  await fresh.getByRole("button", { name: "Fortsätt" }).click();
  await expect(fresh.getByTestId("error-summary")).toContainText("Koden stämmer inte");
  await fresh.getByLabel("Engångskod").fill(totpCode(secret, enrolStep));
  await fresh.getByRole("button", { name: "Fortsätt" }).click();
  await expect(fresh.getByTestId("error-summary")).toContainText(/redan använts|stämmer inte/);
  await expect(fresh).toHaveURL(/\/logga-in/);

  // A recovery code signs in once.
  await fresh.getByLabel("Engångskod").fill(recovery[0].toLowerCase());
  await fresh.getByRole("button", { name: "Fortsätt" }).click();
  await expect(fresh).toHaveURL(/\/handlaggning/);
  const again = await (await browser.newContext()).newPage();
  await again.goto("/logga-in");
  await again.getByLabel("E-postadress").fill(email);
  await again.getByLabel("Lösenord").fill("ett-bra-losenord");
  await again.getByRole("button", { name: "Logga in", exact: true }).click();
  await again.getByLabel("Engångskod").fill(recovery[0]);
  await again.getByRole("button", { name: "Fortsätt" }).click();
  await expect(again.getByTestId("error-summary")).toContainText("Koden stämmer inte");

  const events = await query<{ action: string }>(
    `SELECT a.action FROM "AuditEvent" a JOIN "User" u ON u.id = a."entityId" WHERE u.email = $1`,
    [email],
  );
  expect(events.map((e) => e.action)).toEqual(
    expect.arrayContaining([
      "auth.two_factor_enabled",
      "auth.recovery_code_used",
      "auth.sign_in_failed",
    ]),
  );
});

test("applicants sign in without a second step; demo staff give their code", async ({
  page,
  browser,
}) => {
  await signIn(page, DEMO.applicant);
  await expect(page).toHaveURL(/\/ansokningar/);
  const staff = await (await browser.newContext()).newPage();
  await signIn(staff, DEMO.decider);
  await expect(staff).toHaveURL(/\/beslut/);
});
