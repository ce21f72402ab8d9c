import { expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { Secret, TOTP } from "otpauth";
import { DEMO_TOTP_SECRET } from "../../prisma/demo-data";

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

// Each code is accepted once (per person): remember the steps used by this test process.
const lastStepUsed = new Map<string, number>();

/** Gives the one-time code of the sign-in's second step, moving to a later time step if a code was already used. */
export async function enterSecondFactor(page: Page, email: string, secret = DEMO_TOTP_SECRET) {
  const field = page.getByLabel("Engångskod");
  for (let attempt = 0; attempt < 4; attempt++) {
    let step = Math.max(currentStep(), (lastStepUsed.get(email) ?? 0) + 1);
    // The server accepts the current step and the next one; wait if we are further ahead.
    while (step > currentStep() + 1) await page.waitForTimeout(1_000);
    step = Math.max(step, currentStep());
    lastStepUsed.set(email, step);
    await field.fill(totpCode(secret, step));
    await page.getByRole("button", { name: "Fortsätt" }).click();
    const outcome = await Promise.race([
      page
        .waitForURL((url) => !url.pathname.startsWith("/logga-in"), { timeout: 15_000 })
        .then(() => "in" as const),
      page
        .getByText("Koden har redan använts")
        .waitFor({ timeout: 15_000 })
        .then(() => "reused" as const),
    ]).catch(() => "unknown" as const);
    if (outcome === "in") return;
    if (outcome !== "reused") break;
  }
  throw new Error(`could not give a second factor for ${email}`);
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
  const serious = results.violations.filter(
    (v) => v.impact === "serious" || v.impact === "critical",
  );
  expect(
    serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`),
  ).toEqual([]);
}
