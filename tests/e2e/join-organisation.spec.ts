import { expect, test, type Browser, type Page } from "@playwright/test";
import {
  DEMO,
  expectNoSeriousA11yViolations,
  expectRegistrationAnswer,
  openConfirmationLink,
  signIn,
} from "./support";
import { latestMail, linkIn, query } from "./db";

// Joining an organisation that is already in Samverka: the person asks by the organisation's
// number, a member approves or declines from the organisation page, and until then the person
// sees nothing of it. Typed key by key; focus is checked after every action.

const DEMO_ORG = { name: "Föreningen Mötesplats Skärholmen", number: "802456-1238" };

async function shot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
}

/** Types into a field key by key, as a person does, after clearing it. */
async function type(page: Page, label: string, text: string) {
  const field = page.getByLabel(label, { exact: true });
  await field.clear();
  await field.pressSequentially(text);
}

/**
 * Registers by typing, and opens the confirmation link from the mail; with `confirm: false` the
 * mail is late, so the person signs in with their password instead and stays unconfirmed.
 */
async function register(
  browser: Browser,
  name: string,
  {
    email = `gar-med-${Date.now()}-${Math.floor(Math.random() * 1e4)}@exempel.se`,
    confirm = true,
  } = {},
) {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/registrera");
  await type(page, "Namn", name);
  await type(page, "E-postadress", email);
  await type(page, "Lösenord", "ett-langt-losenord");
  await type(page, "Upprepa lösenordet", "ett-langt-losenord");
  await page.getByRole("button", { name: "Skapa konto" }).click();
  await expectRegistrationAnswer(page, email);
  if (confirm) await openConfirmationLink(page, email, "ett-langt-losenord");
  else {
    await signIn(page, email, "ett-langt-losenord");
    await expect(page).toHaveURL(/\/ansokningar$/);
  }
  return { page, email };
}

/** From Mina ansökningar to a sent request. */
async function askToJoin(page: Page) {
  await page.getByRole("link", { name: "Gå med i en organisation som redan finns" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Gå med i en organisation som redan finns",
  );
  await type(page, "Organisationsnummer", DEMO_ORG.number);
  await page.getByRole("button", { name: "Sök organisationen" }).click();
  await expect(page.getByRole("heading", { name: "Är det här rätt organisation?" })).toBeFocused();
  await page.getByRole("button", { name: "Skicka förfrågan" }).click();
  await expect(page.getByRole("heading", { name: "Din förfrågan är skickad" })).toBeFocused();
}

async function demoOrgId() {
  const [org] = await query<{ id: string }>(
    `SELECT id FROM "Organisation" WHERE "orgNumber" = $1`,
    [DEMO_ORG.number],
  );
  return org.id;
}

/** The person who asked sees nothing of the organisation: not its page, not its applications. */
async function expectOutsider(page: Page, orgId: string) {
  const response = await page.goto(`/organisationer/${orgId}`);
  expect(response?.status()).toBe(404);
  await page.goto("/ansokningar");
  await expect(page.getByRole("heading", { level: 2, name: DEMO_ORG.name })).toHaveCount(0);
  await expect(
    page.getByRole("link", { name: "Organisationens uppgifter och medlemmar" }),
  ).toHaveCount(0);
}

test("a new applicant asks to join the demo organisation, a member approves, and then they see it", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const orgId = await demoOrgId();
  const { page, email } = await register(browser, "Lina Larsson");

  // The join page: a wrong check digit and an unknown number are told at the field, in Swedish.
  await page.getByRole("link", { name: "Gå med i en organisation som redan finns" }).click();
  await expect(page).toHaveURL(/\/organisationer\/ga-med$/);
  await expectNoSeriousA11yViolations(page);
  await shot(page, "01-join-form");
  await type(page, "Organisationsnummer", "802456-1239");
  await page.getByRole("button", { name: "Sök organisationen" }).click();
  const summary = page.getByTestId("error-summary");
  await expect(summary).toContainText(
    "Ange organisationsnumret som tio siffror, till exempel 802012-3454",
  );
  await expect(summary).toBeFocused();
  await expectNoSeriousA11yViolations(page);
  await shot(page, "02-join-form-error");
  // The summary links to the field; typing there keeps the focus in the field.
  await summary.getByRole("link").click();
  await expect(page.getByLabel("Organisationsnummer", { exact: true })).toBeFocused();
  await type(page, "Organisationsnummer", "802012-3454");
  await expect(page.getByLabel("Organisationsnummer", { exact: true })).toBeFocused();
  await page.getByRole("button", { name: "Sök organisationen" }).click();
  await expect(summary).toContainText("Vi hittar ingen organisation med numret 802012-3454");
  await expect(summary).toBeFocused();

  // The right number, written the Tax Agency's way: the organisation's name and town, nothing more.
  await type(page, "Organisationsnummer", `16${DEMO_ORG.number.replace("-", "")}`);
  await page.getByRole("button", { name: "Sök organisationen" }).click();
  await expect(page.getByRole("heading", { name: "Är det här rätt organisation?" })).toBeFocused();
  const found = page.getByTestId("join-found");
  await expect(found).toContainText(DEMO_ORG.name);
  await expect(found).toContainText("Skärholmen");
  await expect(found).toContainText(DEMO_ORG.number);
  await expect(page.getByText("sokande@samverka.example")).toHaveCount(0);
  await expect(page.getByText("Du kan skriva upp till 500 tecken")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await shot(page, "03-join-found");
  // Back to the number and forward again: focus follows.
  await page.getByRole("button", { name: "Sök ett annat nummer" }).click();
  await expect(page.getByLabel("Organisationsnummer", { exact: true })).toBeFocused();
  await page.getByRole("button", { name: "Sök organisationen" }).click();
  await expect(page.getByRole("heading", { name: "Är det här rätt organisation?" })).toBeFocused();
  await page
    .getByLabel(/Meddelande till organisationen/)
    .pressSequentially("Hej! Jag leder läxhjälpen på tisdagar.");
  await expect(page.getByText("Du har 462 tecken kvar")).toBeVisible();
  await page.getByRole("button", { name: "Skicka förfrågan" }).click();
  await expect(page.getByRole("heading", { name: "Din förfrågan är skickad" })).toBeFocused();
  await expect(page.getByTestId("join-sent")).toContainText(DEMO_ORG.name);
  await expectNoSeriousA11yViolations(page);
  await shot(page, "04-join-sent");

  // Until a member has answered: only "väntar på svar", nothing of the organisation.
  await page.getByRole("link", { name: "Till Mina ansökningar" }).click();
  const mine = page.getByTestId("my-requests");
  await expect(mine).toContainText(DEMO_ORG.name);
  await expect(mine).toContainText("Din förfrågan väntar på svar.");
  await expectNoSeriousA11yViolations(page);
  await shot(page, "05-pending");
  await expectOutsider(page, orgId);
  // Asking again does not make a second request.
  await page.goto("/organisationer/ga-med");
  await type(page, "Organisationsnummer", DEMO_ORG.number);
  await page.getByRole("button", { name: "Sök organisationen" }).click();
  await expect(page.getByText("Din förfrågan väntar på svar.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Skicka förfrågan" })).toHaveCount(0);
  await shot(page, "05b-join-found-already-pending");

  // The member gets a mail and a notification that leads to the organisation page.
  const mail = await latestMail(DEMO.applicant, "Lina Larsson vill gå med i%");
  expect(mail.text).toContain("Hej! Jag leder läxhjälpen på tisdagar.");
  expect(mail.text).toContain(`/organisationer/${orgId}#forfragningar`);
  const member = await (await browser.newContext()).newPage();
  await signIn(member, DEMO.applicant);
  await member.goto("/notiser");
  await member
    .getByRole("link", { name: `Lina Larsson vill gå med i ${DEMO_ORG.name}` })
    .first()
    .click();
  await expect(member).toHaveURL(new RegExp(`/organisationer/${orgId}#forfragningar$`));
  const requests = member.getByTestId("membership-requests");
  await expect(requests).toContainText(`Lina Larsson (${email})`);
  await expect(requests).toContainText("Hej! Jag leder läxhjälpen på tisdagar.");
  await expectNoSeriousA11yViolations(member);
  await shot(member, "06-member-requests");
  await requests
    .getByRole("listitem")
    .filter({ hasText: email })
    .getByRole("button", { name: "Godkänn Lina Larsson" })
    .click();
  const done = member.getByRole("status").filter({ hasText: "Lina Larsson är nu med" });
  await expect(done).toBeFocused();
  await expect(requests).not.toContainText(email);
  await expect(member.getByRole("listitem").filter({ hasText: email })).toBeVisible();
  await expectNoSeriousA11yViolations(member);
  await shot(member, "07-member-approved");

  // Now the organisation and its applications are theirs to see.
  await page.goto("/ansokningar");
  await expect(
    page.getByRole("heading", { level: 2, name: new RegExp(DEMO_ORG.name) }),
  ).toBeVisible();
  await expect(page.getByTestId("my-requests")).toHaveCount(0);
  await shot(page, "08-approved");
  await page.goto("/notiser");
  await page.getByRole("link", { name: `Du är nu med i ${DEMO_ORG.name}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(DEMO_ORG.name);
});

test("a member declines a request: the person stays outside, is told, and an invitation for someone else does not let them in", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const orgId = await demoOrgId();
  const { page, email } = await register(browser, "Per Persson");
  await askToJoin(page);

  const member = await (await browser.newContext()).newPage();
  await signIn(member, DEMO.applicant);
  await member.goto(`/organisationer/${orgId}#forfragningar`);
  await member
    .getByTestId("membership-requests")
    .getByRole("listitem")
    .filter({ hasText: email })
    .getByRole("button", { name: "Avböj Per Persson" })
    .click();
  await expect(
    member.getByRole("status").filter({ hasText: "Du har avböjt förfrågan från Per Persson." }),
  ).toBeFocused();
  await shot(member, "09-member-declined");

  // The person is told, and still sees nothing of the organisation.
  await page.goto("/ansokningar");
  const mine = page.getByTestId("my-requests");
  await expect(mine).toContainText("Avböjd");
  await expect(mine).toContainText("Förfrågan avböjdes");
  await expectNoSeriousA11yViolations(page);
  await shot(page, "10-declined");
  await page.goto("/notiser");
  await expect(
    page.getByRole("link", { name: `${DEMO_ORG.name} har avböjt din förfrågan om att gå med` }),
  ).toBeVisible();
  await expectOutsider(page, orgId);

  // An invitation sent to another address, opened by this person: refused, and nothing changes.
  const other = `nagon-annan-${Date.now()}@exempel.se`;
  await member.goto(`/organisationer/${orgId}`);
  await type(member, "E-postadress till den du vill bjuda in", other);
  await member.getByRole("button", { name: "Skicka inbjudan" }).click();
  await expect(member.getByText(`En inbjudan är skickad till ${other}.`)).toBeVisible();
  const link = linkIn((await latestMail(other, "Inbjudan till%")).text, "/inbjudan");
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Inbjudan gäller en annan e-postadress",
  );
  await expect(page.getByText(DEMO_ORG.name)).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Gå med i/ })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
  await shot(page, "11-invitation-other-address");
  await expectOutsider(page, orgId);
  const [invitation] = await query<{ acceptedAt: Date | null }>(
    `SELECT "acceptedAt" FROM "OrganisationInvitation" WHERE email = $1`,
    [other],
  );
  expect(invitation.acceptedAt).toBeNull();
});

test("an invitation lets in the person it was sent to only once they have confirmed that address", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const orgId = await demoOrgId();
  const invited = `inbjuden-${Date.now()}@exempel.se`;
  const member = await (await browser.newContext()).newPage();
  await signIn(member, DEMO.applicant);
  await member.goto(`/organisationer/${orgId}`);
  await type(member, "E-postadress till den du vill bjuda in", invited);
  await member.getByRole("button", { name: "Skicka inbjudan" }).click();
  await expect(member.getByText(`En inbjudan är skickad till ${invited}.`)).toBeVisible();
  const invitation = linkIn((await latestMail(invited, "Inbjudan till%")).text, "/inbjudan");

  // The invited address gets an account, but the confirmation mail is late: anyone could have
  // registered that address, so the invitation does not let them in yet, nor names the organisation.
  const { page } = await register(browser, "Ines Inbjuden", { email: invited, confirm: false });
  await page.goto(invitation);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Bekräfta din e-postadress först",
  );
  await expect(page.getByText(DEMO_ORG.name)).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Gå med i/ })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
  await shot(page, "12-invitation-unconfirmed");
  await expectOutsider(page, orgId);

  // A new link from the banner, opened in the same browser: confirmed with a button.
  await page.goto(invitation);
  const banner = page.getByTestId("verify-email-banner");
  await banner.getByRole("button", { name: "Skicka länken igen" }).click();
  await expect(banner.getByRole("status")).toBeFocused();
  await openConfirmationLink(page, invited);

  // Now the invitation works, for this address only.
  await page.goto(invitation);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    `Inbjudan till ${DEMO_ORG.name}`,
  );
  await page.getByRole("button", { name: `Gå med i ${DEMO_ORG.name}` }).click();
  await expect(page).toHaveURL(new RegExp(`/organisationer/${orgId}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(DEMO_ORG.name);
});
