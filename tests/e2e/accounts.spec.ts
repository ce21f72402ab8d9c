import { expect, test, type Browser } from "@playwright/test";
import { DEMO, DEMO_PASSWORD, expectRegistrationAnswer, signIn } from "./support";
import { latestMail, query } from "./db";

// Registration tells no one whether an address already has an account (docs/domain.md §1,
// accounts): the page answers the same, the account is not touched, and its owner is told by mail.

async function registerIn(browser: Browser, email: string) {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/registrera");
  await page.getByLabel("Namn", { exact: true }).pressSequentially("Främling Framme");
  await page.getByLabel("E-postadress").pressSequentially(email);
  await page
    .getByLabel("Lösenord", { exact: true })
    .pressSequentially("en fras som främlingen valt");
  await page.getByLabel("Upprepa lösenordet").pressSequentially("en fras som främlingen valt");
  await page.getByRole("button", { name: "Skapa konto" }).click();
  await expectRegistrationAnswer(page, email);
  const answer = await page.getByTestId("registered").innerText();
  return { page, answer: answer.replace(email, "ADRESSEN") };
}

test("registering an address that already has an account answers as for a new one, changes nothing and tells the owner", async ({
  browser,
}) => {
  const owner = DEMO.applicant;
  const [before] = await query<{ passwordHash: string; name: string; sessionVersion: number }>(
    `SELECT "passwordHash", name, "sessionVersion" FROM "User" WHERE email = $1`,
    [owner],
  );
  const known = await registerIn(browser, owner);
  const fresh = await registerIn(browser, `ny-${Date.now()}@exempel.se`);
  expect(known.answer).toBe(fresh.answer);

  // The owner's account is as it was, and they can sign in as before.
  const [after] = await query<{ passwordHash: string; name: string; sessionVersion: number }>(
    `SELECT "passwordHash", name, "sessionVersion" FROM "User" WHERE email = $1`,
    [owner],
  );
  expect(after).toEqual(before);
  const mail = await latestMail(owner, "Någon försökte skapa ett konto%");
  expect(mail.text).toContain("Du har redan ett konto, och det är inte ändrat.");
  expect(mail.text).not.toContain("/bekrafta-epost/");
  await signIn(known.page, owner, DEMO_PASSWORD);
  await expect(known.page).toHaveURL(/\/ansokningar$/);
  await expect(known.page.getByTestId("verify-email-banner")).toHaveCount(0);
});
