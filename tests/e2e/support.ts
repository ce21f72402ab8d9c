import { expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

export const DEMO_PASSWORD = "samverka-demo";
export const DEMO = {
  applicant: "sokande@samverka.example",
  reviewer: "handlaggare@samverka.example",
  decider: "beslutsfattare@samverka.example",
  admin: "admin@samverka.example",
} as const;

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/logga-in");
  await page.getByLabel("E-postadress").fill(email);
  await page.getByLabel("Lösenord").fill(password);
  await page.getByRole("button", { name: "Logga in" }).click();
  // With the right password, wait until the session exists and the role's page has opened.
  if (password === DEMO_PASSWORD) await page.waitForURL((url) => !url.pathname.startsWith("/logga-in"));
}

/** WCAG 2.1 A/AA rules; fails on any serious or critical violation and names them. */
export async function expectNoSeriousA11yViolations(page: Page) {
  // Next streams metadata after the body on dynamic pages: scan once the title has arrived.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}
