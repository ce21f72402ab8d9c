import { randomUUID } from "node:crypto";
import { expect, type Locator, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { hash } from "@node-rs/argon2";
import { Secret, TOTP } from "otpauth";
import { DEMO_TOTP_SECRET } from "../../prisma/demo-data";
import { latestMail, linkIn, query, withLock } from "./db";

export const DEMO_PASSWORD = "samverka-demo";
export const DEMO = {
  applicant: "sokande@samverka.example",
  reviewer: "handlaggare@samverka.example",
  decider: "beslutsfattare@samverka.example",
  admin: "admin@samverka.example",
} as const;

/** A TOTP code for a secret, for the time step `step` (default now). */
export function totpCode(secret: string, step = currentStep()) {
  return TOTP.generate({
    secret: Secret.fromBase32(secret.replace(/\s/g, "")),
    timestamp: step * 30_000,
  });
}
export const currentStep = () => Math.floor(Date.now() / 30_000);

/**
 * Gives the one-time code of the sign-in's second step. A code is accepted once per person, and
 * two workers may sign in as the same demo officer at the same moment: the code is given under a
 * database lock per address, for the first time step after the last one used (the User row
 * says which), waiting for that step when it lies ahead.
 */
export async function enterSecondFactor(page: Page, email: string, secret = DEMO_TOTP_SECRET) {
  const field = page.getByLabel("Engångskod");
  await withLock(`totp:${email}`, async (client) => {
    for (let attempt = 0; attempt < 3; attempt++) {
      const {
        rows: [user],
      } = await client.query<{ last: number | null }>(
        `SELECT "totpLastStep" AS last FROM "User" WHERE email = $1`,
        [email],
      );
      let step = Math.max(currentStep(), (user?.last ?? 0) + 1);
      // The server accepts the current step and the next one; wait if we are further ahead.
      while (step > currentStep() + 1) await page.waitForTimeout(1_000);
      step = Math.max(step, currentStep());
      await field.fill(totpCode(secret, step));
      await page.getByRole("button", { name: "Fortsätt" }).click();
      const outcome = await Promise.race([
        page
          .waitForURL((url) => !url.pathname.startsWith("/logga-in"), { timeout: 20_000 })
          .then(() => "in" as const),
        // The message stands in the error summary and at the field: either will do.
        page
          .getByText("Koden har redan använts")
          .first()
          .waitFor({ timeout: 20_000 })
          .then(() => "reused" as const),
      ]).catch(() => "unknown" as const);
      if (outcome === "in") return;
      if (outcome !== "reused") break;
    }
    throw new Error(`could not give a second factor for ${email}`);
  });
}

/** Signs in; for staff with two-factor sign-in (the demo staff) also gives the one-time code. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/logga-in");
  await page.getByLabel("E-postadress").fill(email);
  await page.getByLabel("Lösenord").fill(password);
  await page.getByRole("button", { name: "Logga in", exact: true }).click();
  if (password !== DEMO_PASSWORD) return;
  // With the right password: either the role's page opens, or the second step asks for a code.
  const codeField = page.getByLabel("Engångskod");
  await expect
    .poll(
      async () =>
        !new URL(page.url()).pathname.startsWith("/logga-in") || (await codeField.isVisible()),
      { timeout: 20_000 },
    )
    .toBe(true);
  if (new URL(page.url()).pathname.startsWith("/logga-in")) await enterSecondFactor(page, email);
}

/** WCAG 2.1 A/AA rules; fails on any serious or critical violation and names them. */
export async function expectNoSeriousA11yViolations(page: Page) {
  // No waiting for the title: every page has it in its first response (htmlLimitedBots in
  // next.config.ts), and axe's document-title rule checks it.
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  // axe finishes its run in a page of its own and closes it; under load Chromium may leave the
  // tested page in the background, where animation frames stop and a click waits forever for
  // the element to be "stable". Make it the front page again.
  await page.bringToFront();
  const serious = results.violations.filter(
    (v) => v.impact === "serious" || v.impact === "critical",
  );
  expect(
    serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`),
  ).toEqual([]);
}

/** A valid organisation number (third digit 2–9, Luhn check digit) that no other test uses. */
function uniqueOrgNumber(): string {
  const body = `80${2 + Math.floor(Math.random() * 8)}${String(Date.now()).slice(-4)}${String(Math.floor(Math.random() * 100)).padStart(2, "0")}`;
  const sum = [...body].reduce((s, c, i) => {
    const n = Number(c) * (i % 2 === 0 ? 2 : 1);
    return s + (n > 9 ? n - 9 : n);
  }, 0);
  const digits = body + String((10 - (sum % 10)) % 10);
  return `${digits.slice(0, 6)}-${digits.slice(6)}`;
}

/**
 * A new applicant with their own organisation (written to the database: registration is limited
 * to ten an hour per address, and neither form is what these tests are about), signed in through
 * the page, and a new draft started through the page. Ends on the draft's task list; returns its
 * path. `prefix` names the test's records.
 */
export async function newDraft(page: Page, prefix: string): Promise<string> {
  const suffix = randomUUID().slice(0, 8);
  const email = `${prefix}-${suffix}@exempel.se`;
  const password = "ett-langt-losenord";
  // A confirmed address, as after opening the link from registration.
  const userId = `${prefix}-user-${suffix}`;
  const organisationId = `${prefix}-org-${suffix}`;
  await query(
    `INSERT INTO "User" (id, email, name, roles, "passwordHash", "emailVerifiedAt", "updatedAt")
     VALUES ($1, $2, 'Sara Lind', '{APPLICANT}', $3, now(), now())`,
    [userId, email, await hash(password)],
  );
  await query(
    `INSERT INTO "Organisation" (id, name, "orgNumber", "legalForm", "municipalityCode", "updatedAt")
     VALUES ($1, 'Föreningen Kvällsljus', $2, 'NONPROFIT_ASSOCIATION', '0180', now())`,
    [organisationId, uniqueOrgNumber()],
  );
  await query(`INSERT INTO "Membership" ("userId", "organisationId") VALUES ($1, $2)`, [
    userId,
    organisationId,
  ]);
  await signIn(page, email, password);
  await expect(page).not.toHaveURL(/\/logga-in/);
  await page.goto("/ansokningar/ny");
  await page.getByRole("button", { name: "Börja på ansökan" }).click();
  await expect(page.getByTestId("task-list")).toBeVisible();
  return new URL(page.url()).pathname;
}

/** Presses Tab, as a keyboard user does, until the target has the focus (at most `max` times). */
export async function tabTo(page: Page, target: Locator, max = 40) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  await expect(target, `Tab did not reach the element within ${max} presses`).toBeFocused({
    timeout: 1,
  });
}

/** The answer to a registration: the same whether the address was new or already had an account. */
export async function expectRegistrationAnswer(page: Page, email: string) {
  const answer = page.getByTestId("registered");
  await expect(answer.getByRole("heading", { level: 2 })).toHaveText("Öppna länken i din e-post");
  await expect(answer.getByRole("status")).toHaveText(
    `Om adressen ${email} är ny har vi skickat en länk till den. Öppna länken för att bekräfta adressen och aktivera kontot. Den gäller i 48 timmar.`,
  );
  await expect(answer.getByRole("status")).toBeFocused();
}

/**
 * Opens the newest confirmation link mailed to `email`, as the person does from their inbox, and
 * confirms: with the password chosen at registration, or, when `password` is left out (signed in
 * to that account in this browser), with the button alone. Ends on Mina ansökningar, signed in.
 */
export async function openConfirmationLink(page: Page, email: string, password?: string) {
  const mail = await latestMail(email, "Bekräfta din e-postadress%");
  await page.goto(linkIn(mail.text, "/bekrafta-epost"));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bekräfta din e-postadress");
  if (password) {
    await page.getByLabel("Lösenord", { exact: true }).pressSequentially(password);
    await page.getByRole("button", { name: "Bekräfta och logga in" }).click();
  } else {
    await expect(page.getByLabel("Lösenord", { exact: true })).toHaveCount(0);
    await page.getByRole("button", { name: "Bekräfta min e-postadress" }).click();
  }
  const confirmed = page.getByTestId("email-confirmed").getByRole("status");
  await expect(confirmed).toHaveText("Din e-postadress är bekräftad.");
  await expect(confirmed).toBeFocused();
  await page.getByRole("link", { name: "Till Mina ansökningar" }).click();
  await expect(page).toHaveURL(/\/ansokningar$/);
  await expect(page.getByTestId("verify-email-banner")).toHaveCount(0);
}
