import { expect, test, type Locator, type Page } from "@playwright/test";
import { DEMO, expectNoSeriousA11yViolations, signIn } from "./support";
import { query } from "./db";

// UX.md: "Focus after every action lands somewhere meaningful (the heading, the success message,
// the error summary), never on the page body". Everything here is done with the keyboard.

const nextYear = new Date().getFullYear() + 1;

/** Moves the keyboard to an element and presses a key on it, as Tab and Enter or Space would. */
async function press(target: Locator, key: "Enter" | " ") {
  await target.focus();
  await target.press(key);
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
}

type PartnerRow = { id: string; name: string; contactName: string | null };
async function partnersOf(applicationId: string) {
  return query<PartnerRow>(
    `SELECT id, name, "contactName" FROM "Partner" WHERE "applicationId" = $1 ORDER BY position`,
    [applicationId],
  );
}

test("the partner part shows each letter's status and leads to its actions; focus follows every action", async ({
  page,
}) => {
  test.setTimeout(150_000);
  await signIn(page, DEMO.applicant);

  // A new draft: the server sends the browser on, and the new page's heading has the focus.
  await page.goto("/ansokningar/ny");
  await press(page.getByRole("button", { name: "Börja på ansökan" }), "Enter");
  await expect(page.getByTestId("task-list")).toBeVisible();
  const applicationId = new URL(page.url()).pathname.split("/").pop()!;
  await expect(page.getByRole("heading", { level: 1 })).toBeFocused();

  // A link to the part: its heading has the focus.
  await press(page.getByRole("link", { name: "Partner och avsiktsförklaringar" }), "Enter");
  await expect(page).toHaveURL(/\/partner$/);
  await expect(page.getByRole("heading", { level: 1, name: "Partner" })).toBeFocused();

  // "Lägg till en partner" (Enter, then Space): the focus is in the new partner's name field.
  const add = page.getByRole("button", { name: "Lägg till en partner" });
  await press(add, "Enter");
  await expect(page.locator("#partners-0-name")).toBeFocused();
  await page.keyboard.type("Skärholmens stadsdelsförvaltning");
  await page.locator("#partners-0-role").pressSequentially("Ansvarar för lokalen.");
  await page.locator("#partners-0-contactName").pressSequentially("Anna Andersson");
  await press(add, " ");
  await expect(page.locator("#partners-1-name")).toBeFocused();
  await page.keyboard.type("Skärholmens gymnasium");
  await page.locator("#partners-1-role").pressSequentially("Når unga och föräldrar.");
  await expect
    .poll(async () => (await partnersOf(applicationId)).map((p) => p.contactName || p.name), {
      timeout: 20_000,
    })
    .toEqual(["Anna Andersson", "Skärholmens gymnasium"]);

  // Each partner shows its letter's status in words and a link to its actions.
  await page.reload();
  const first = page.getByRole("group", { name: /^Partner 1/ });
  const second = page.getByRole("group", { name: /^Partner 2/ });
  await expect(first.getByTestId("partner-letter")).toContainText("Inte begärd");
  await expect(second.getByTestId("partner-letter")).toContainText("Inte begärd");
  await expectNoSeriousA11yViolations(page);

  // The link goes to that partner's section on the letters page, and its heading has the focus.
  const [anna] = await partnersOf(applicationId);
  await press(
    first.getByRole("link", { name: /^Skicka länk eller ladda upp avsiktsförklaringen/ }),
    "Enter",
  );
  await expect(page).toHaveURL(new RegExp(`/avsiktsforklaringar#partner-${anna.id}$`));
  await expect(page.locator(`#letter-${anna.id}-heading`)).toBeFocused();
  const section = page.locator(`#partner-${anna.id}`);
  // Before anyone tries to send: a link needs the contact's e-mail address.
  await expect(section).toContainText("behövs kontaktpersonens e-postadress");

  // Opening the send-link form: its heading has the focus, and it says the e-mail is missing.
  await press(section.getByRole("button", { name: "Skicka länk till partnern" }), "Enter");
  await expect(
    section.getByRole("heading", { name: "Skicka länk till Skärholmens stadsdelsförvaltning" }),
  ).toBeFocused();
  const needed = section.getByTestId("email-needed");
  await expect(needed).toContainText("Vi har ingen e-postadress till kontaktpersonen");
  await expect(needed.getByRole("link", { name: "Partner" })).toHaveAttribute(
    "href",
    `/ansokningar/${applicationId}/partner#partners-0-contactEmail`,
  );
  await section
    .getByLabel("Kompetens som partnern bidrar med")
    .pressSequentially("Kunskap om stadsdelens trygghetsarbete.");
  await section
    .getByLabel("Resurser som partnern bidrar med")
    .pressSequentially("Lokal två kvällar i veckan.");
  await section.getByLabel("Partnern deltar från").fill(`${nextYear}-01-01`);
  await section.getByLabel("Partnern deltar till").fill(`${nextYear}-12-31`);
  await shot(page, "letters-send-link-without-email");
  await expectNoSeriousA11yViolations(page);

  // Sending without an e-mail address fails: the error summary has the focus.
  await press(section.getByRole("button", { name: "Skicka länken" }), "Enter");
  const summary = section.getByTestId("error-summary");
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("Ange kontaktpersonens e-postadress");
  // Typing afterwards keeps the focus where the person types.
  const email = `anna-${Date.now()}@stockholm.se`;
  const emailField = section.getByLabel("Kontaktpersonens e-postadress");
  await emailField.pressSequentially(email);
  await expect(emailField).toBeFocused();

  // Sending works: the success message has the focus.
  await emailField.press("Enter");
  const sent = section.getByTestId("success-message");
  await expect(sent).toBeFocused();
  await expect(sent).toHaveText(`Länken är skickad till ${email}.`);
  await expect(section.getByTestId("letter-status")).toContainText("Väntar på svar");

  // Back in the partner part: who is being waited for.
  await page.goto(`/ansokningar/${applicationId}/partner`);
  await expect(first.getByTestId("partner-letter")).toContainText(
    "Väntar på svar från Anna Andersson",
  );
  await expect(
    first.getByRole("link", { name: /^Skicka påminnelse eller ladda upp avsiktsförklaringen/ }),
  ).toBeVisible();
  await expect(second.getByTestId("partner-letter")).toContainText("Inte begärd");
  await shot(page, "partner-part-letter-statuses");

  // The task list says what is still waiting, and on whom.
  await page.goto(`/ansokningar/${applicationId}`);
  const waiting = page.getByTestId("partner-waiting");
  await expect(waiting).toContainText(
    "Väntar på avsiktsförklaring från Skärholmens stadsdelsförvaltning (Anna Andersson)",
  );
  await expect(waiting).toContainText(
    "Avsiktsförklaringen från Skärholmens gymnasium är inte begärd än",
  );
  await expectNoSeriousA11yViolations(page);
});

test("a staff form puts the focus on its error summary, then on its success message", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const [hjallbo] = await query<{ id: string }>(
    `SELECT id FROM "Application" WHERE title = 'Läxhjälp och föräldracafé i Hjällbo'`,
  );
  // Set up: the demo case has passed its formal check; this test makes it again from the start.
  await query(
    `UPDATE "Application" SET "formalCheckPassed" = NULL, "formalCheckAt" = NULL, "formalCheckById" = NULL, "formalCheckNote" = NULL WHERE id = $1`,
    [hjallbo.id],
  );
  await signIn(page, DEMO.reviewer);
  await page.goto(`/handlaggning/${hjallbo.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Läxhjälp och föräldracafé i Hjällbo",
  );

  // The formal check without an answer: the summary has the focus.
  const formal = page.locator("#formal-check");
  await press(formal.getByRole("button", { name: "Spara formell kontroll" }), "Enter");
  await expect(formal.getByTestId("error-summary")).toBeFocused();
  await expect(formal.getByTestId("error-summary")).toContainText(
    "Välj om de formella kraven är uppfyllda",
  );
  await press(formal.getByRole("radio", { name: /^Ja/ }), " ");
  await press(formal.getByRole("button", { name: "Spara formell kontroll" }), "Enter");
  await expect(page.getByTestId("formal-check-success")).toBeFocused();
  await expect(page.getByTestId("formal-check-success")).toHaveText(
    "Den formella kontrollen är sparad.",
  );

  // An empty comment, then a real one: summary, then the success message; the field is emptied.
  const comment = page.locator("#comment");
  await press(comment.getByRole("button", { name: "Lägg till kommentar" }), "Enter");
  await expect(comment.getByTestId("error-summary")).toBeFocused();
  const body = comment.getByLabel("Kommentar");
  const text = `Ring föreningen om tolkarna (${Date.now()}).`;
  await body.pressSequentially(text);
  await expect(body).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(comment.getByRole("button", { name: "Lägg till kommentar" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("comment-success")).toBeFocused();
  await expect(page.getByTestId("comment-success")).toHaveText("Kommentaren är sparad.");
  await expect(page.getByText(text)).toBeVisible();
  await expect(body).toHaveValue("");
  await expectNoSeriousA11yViolations(page);
});
