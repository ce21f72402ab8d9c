import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { hash } from "@node-rs/argon2";
import { DEMO, expectNoSeriousA11yViolations, signIn, totpCode } from "./support";
import { latestMailLink, query } from "./db";

/** An applicant who registered long ago, with their own password (written to the database). */
async function existingApplicant(prefix: string) {
  const suffix = randomUUID().slice(0, 8);
  const email = `${prefix}-${suffix}@forening.example`;
  const password = `${prefix}-eget-losenord`;
  const id = `${prefix}-user-${suffix}`;
  await query(
    `INSERT INTO "User" (id, email, name, roles, "passwordHash", "updatedAt")
     VALUES ($1, $2, 'Sara Sökande', '{APPLICANT}', $3, now())`,
    [id, email, await hash(password)],
  );
  return { id, email, password };
}

const account = async (id: string) =>
  (
    await query<{ roles: string; passwordHash: string }>(
      `SELECT roles::text AS roles, "passwordHash" FROM "User" WHERE id = $1`,
      [id],
    )
  )[0];

async function invite(admin: Page, email: string, role: "Handläggare" | "Administratör") {
  await admin.goto("/admin/anvandare/bjud-in");
  await admin.getByLabel("Namn").fill("Sara Sökande");
  await admin.getByLabel("E-postadress").fill(email);
  await admin.getByRole("checkbox", { name: role }).check();
  await admin.getByRole("button", { name: "Skicka inbjudan" }).click();
  await expect(admin.getByText("Inbjudan är skickad")).toBeVisible();
  return latestMailLink(email, "/personal/inbjudan");
}

test("a new reviewer accepts the invitation, chooses a password, ends on the success page and enrols", async ({
  page,
  browser,
}) => {
  await signIn(page, DEMO.admin);
  const email = `handlaggare-${Date.now()}@delmos.example`;
  await page.goto("/admin/anvandare/bjud-in");
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel("Namn").fill("Nils Nyanställd");
  await page.getByLabel("E-postadress").fill(email);
  await page.getByRole("checkbox", { name: "Handläggare" }).check();
  await page.getByRole("button", { name: "Skicka inbjudan" }).click();
  await expect(page.getByText("Inbjudan är skickad")).toBeVisible();

  const link = await latestMailLink(email, "/personal/inbjudan");
  const invited = await (await browser.newContext()).newPage();
  await invited.goto(link);
  await expectNoSeriousA11yViolations(invited);
  await invited.getByLabel("Lösenord", { exact: true }).fill("ett-langt-losenord");
  await invited.getByLabel("Upprepa lösenordet").fill("ett-langt-losenord");
  await invited.getByRole("button", { name: "Spara lösenordet" }).click();
  // Accepting ends on a success page with the next steps, not on "the invitation is used".
  await expect(invited).toHaveURL(/\/personal\/valkommen/);
  await expect(invited.getByRole("heading", { name: "Klart! Ditt konto är skapat" })).toBeVisible();
  await expect(invited.getByTestId("invitation-refused")).toHaveCount(0);
  await signIn(invited, email, "ett-langt-losenord");
  // Staff enrol in two-factor sign-in before they reach any staff page.
  await expect(invited).toHaveURL(/\/konto\/tvastegsverifiering/);
  await expectNoSeriousA11yViolations(invited);
  const secret = (await invited.getByTestId("totp-secret").textContent())!;
  await invited.getByLabel("Engångskod").fill(totpCode(secret));
  await invited.getByRole("button", { name: "Aktivera tvåstegsverifiering" }).click();
  await expect(invited.getByTestId("recovery-codes").getByRole("listitem")).toHaveCount(10);
  await invited.getByRole("link", { name: "Fortsätt" }).click();
  await expect(invited).toHaveURL(/\/handlaggning/);
  await invited.goto(link);
  await expect(invited.getByTestId("invitation-refused")).toBeVisible();

  await page.goto(`/admin/anvandare?q=${encodeURIComponent(email)}`);
  await expect(page.getByTestId("users")).toContainText("Nils Nyanställd");
  await expectNoSeriousA11yViolations(page);
  await page.goto("/admin/logg?action=user.");
  // The audit log names the event in Swedish, never by its code.
  await expect(page.getByTestId("audit-rows")).toContainText("Inbjudan till personal antagen");
  await expect(page.getByTestId("audit-rows")).not.toContainText("user.invitation_accepted");
  await expectNoSeriousA11yViolations(page);
});

test("an invitation to an existing account never sets its password: the owner signs in as themselves and accepts", async ({
  page,
  browser,
}) => {
  const owner = await existingApplicant("agare");
  const other = await existingApplicant("annan");
  const before = await account(owner.id);
  await signIn(page, DEMO.admin);
  const link = await invite(page, owner.email, "Handläggare");

  // Someone holding the link, not signed in: no password to choose, only sign-in as the owner.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(link);
  await expect(visitor.getByTestId("invitation-sign-in")).toContainText(
    `Det finns redan ett konto i Samverka med e-postadressen ${owner.email}`,
  );
  await expect(visitor.getByLabel("Lösenord", { exact: true })).toHaveCount(0);
  await expectNoSeriousA11yViolations(visitor);

  // Another applicant, signed in, is told the invitation is not theirs and cannot accept it.
  await signIn(visitor, other.email, other.password);
  await expect(visitor).not.toHaveURL(/\/logga-in/);
  await visitor.goto(link);
  await expect(visitor.getByTestId("invitation-wrong-address")).toContainText(other.email);
  await expect(visitor.getByRole("button", { name: "Ta emot rollen" })).toHaveCount(0);

  // The owner signs in with their own password from the invitation and comes back to it.
  const ownerPage = await (await browser.newContext()).newPage();
  await ownerPage.goto(link);
  await ownerPage.getByRole("link", { name: "Logga in och ta emot rollen" }).click();
  await expect(ownerPage).toHaveURL(/\/logga-in\?next=%2Fpersonal%2Finbjudan%2F/);
  await ownerPage.getByLabel("E-postadress").fill(owner.email);
  await ownerPage.getByLabel("Lösenord").fill(owner.password);
  await ownerPage.getByRole("button", { name: "Logga in", exact: true }).click();
  await expect(ownerPage).toHaveURL(new RegExp(`${link}$`));
  await expect(ownerPage.getByText(`Du är inloggad som ${owner.email}`)).toBeVisible();
  await expectNoSeriousA11yViolations(ownerPage);
  await ownerPage.getByRole("button", { name: "Ta emot rollen" }).click();

  await expect(ownerPage).toHaveURL(/\/personal\/valkommen/);
  await expect(
    ownerPage.getByRole("heading", { name: "Klart! Rollen är tillagd på ditt konto" }),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(ownerPage);
  const after = await account(owner.id);
  expect(after.roles).toBe("{APPLICANT,REVIEWER}");
  expect(after.passwordHash).toBe(before.passwordHash);
  expect((await account(other.id)).roles).toBe("{APPLICANT}");

  // The role change ended the owner's session; signing in again leads to two-factor enrolment.
  await ownerPage.goto("/ansokningar");
  await expect(ownerPage).toHaveURL(/\/logga-in/);
  await signIn(ownerPage, owner.email, owner.password);
  await expect(ownerPage).toHaveURL(/\/konto\/tvastegsverifiering/);
  await ownerPage.goto(link);
  await expect(ownerPage.getByTestId("invitation-refused")).toBeVisible();
});

test("the outbox shows administrators personal links masked, never a live token", async ({
  page,
}) => {
  const email = `utkorg-${randomUUID().slice(0, 8)}@myndighet.example`;
  await signIn(page, DEMO.admin);
  const link = await invite(page, email, "Administratör");
  const token = link.split("/").at(-1)!;
  expect(token.length).toBeGreaterThan(30);

  await page.goto("/admin/utkorg");
  const mail = page.getByTestId("outbox").getByRole("listitem").filter({ hasText: email });
  await mail.getByText("Inbjudan till Samverka").click();
  await expect(mail).toContainText("/personal/inbjudan/••••••");
  const html = await page.content();
  expect(html).not.toContain(token);
  // Nor any other live personal link of the demo data and earlier tests.
  const tokens = await query<{ text: string }>(`SELECT text FROM "MailMessage"`);
  for (const { text } of tokens)
    for (const [, secret] of text.matchAll(/\/(?:inbjudan|avsiktsforklaring)\/([\w-]{20,})/g))
      expect(html).not.toContain(secret);
});
