import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations, newDraft, tabTo } from "./support";
import { query } from "./db";

// A whole INTERVENTION application with the keyboard alone: Tab, Shift+Tab, Enter, Space and the
// arrow keys, and typing into the field that has the focus. After every action the test asserts
// where the focus is (UX.md, "Focus after every action"). Values as in applicant-journey.spec.ts.

const nextYear = new Date().getFullYear() + 1;

const saveState = (page: Page) => page.getByTestId("save-state");
const waitSaved = (page: Page) => expect(saveState(page)).toHaveAttribute("data-state", "saved");
const mainHeading = (page: Page) => page.getByRole("heading", { level: 1 });

/** Tabs to a field, checks that it has the focus, and types into it. */
async function typeInto(page: Page, field: Locator, text: string) {
  await tabTo(page, field);
  await expect(field).toBeFocused();
  await field.pressSequentially(text);
  await expect(field).toHaveValue(text);
  await expect(field).toBeFocused();
}

/**
 * Types a date into the focused date input. This Chromium lays date inputs out as mm/dd/yyyy
 * whatever the page's locale (sv-SE), so the digits go in that order; the value is ISO.
 */
async function typeDate(field: Locator, iso: string) {
  await expect(field).toBeFocused();
  const [year, month, day] = iso.split("-");
  await field.pressSequentially(`${month}${day}${year}`);
  await expect(field).toHaveValue(iso);
}

/** Tab to a check box or radio button and press Space: it is ticked and keeps the focus. */
async function tick(page: Page, box: Locator) {
  await tabTo(page, box);
  await page.keyboard.press("Space");
  await expect(box).toBeChecked();
  await expect(box).toBeFocused();
}

/** From the task list: Tab to a part's link, Enter. The part's h1 has the focus. */
async function openPart(page: Page, draft: string, name: string) {
  await tabTo(page, page.getByTestId("task-list").getByRole("link", { name, exact: true }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`^[^#]*${draft}/[a-z]+$`));
  await expect(mainHeading(page)).toBeFocused();
  await expect(saveState(page)).toBeVisible();
}

/** Tab to "Spara och gå tillbaka", Enter: back on the task list, its h1 has the focus. */
async function saveAndBack(page: Page, draft: string) {
  await waitSaved(page);
  await tabTo(page, page.getByRole("button", { name: "Spara och gå tillbaka" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(draft);
  await expect(page.getByTestId("task-list")).toBeVisible();
  await expect(mainHeading(page)).toHaveText("Trygga kvällar i Skärholmen");
  await expect(mainHeading(page)).toBeFocused();
}

test("a keyboard-only journey through a whole application: focus is where the person is after every action", async ({
  page,
}) => {
  test.setTimeout(120_000);
  // Set-up, not the journey: an applicant with an organisation, signed in, with a new draft.
  const draft = await newDraft(page, "keyboard");
  const applicationId = draft.split("/").pop();

  // Grunduppgifter
  await openPart(page, draft, "Grunduppgifter");
  await typeInto(page, page.getByLabel("Projektets titel"), "Trygga kvällar i Skärholmen");
  await page.keyboard.press("Tab");
  const summary = page.getByLabel("Sammanfattning");
  await expect(summary).toBeFocused();
  await summary.pressSequentially("Kvällsöppen mötesplats för unga och deras föräldrar.");
  // The track: Tab into the group (its first choice), then the arrow keys to the third.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("radio", { name: /^Kunskaps- och metodutveckling/ })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  const intervention = page.getByRole("radio", { name: /^Direkta insatser/ });
  await expect(intervention).toBeChecked();
  await expect(intervention).toBeFocused();
  await tick(page, page.getByRole("checkbox", { name: "Trygghet" }));
  const start = page.getByLabel("Startdatum");
  await tabTo(page, start);
  await typeDate(start, `${nextYear}-01-01`);
  // Tab, past the parts of the start date, to the end date.
  const end = page.getByLabel("Slutdatum");
  await tabTo(page, end);
  await typeDate(end, `${nextYear + 1}-12-31`);
  await saveAndBack(page, draft);
  await expectNoSeriousA11yViolations(page);

  // Område och behov
  await openPart(page, draft, "Område och behov");
  await tabTo(page, page.getByRole("button", { name: "Lägg till ett område" }));
  await page.keyboard.press("Enter");
  const municipality = page.getByLabel("Kommun för område 1");
  await expect(municipality).toBeFocused();
  // A closed list takes typed letters: "Stockholm" chooses Stockholm.
  await municipality.pressSequentially("Stockholm");
  await expect(municipality).toHaveValue("0180");
  await expect(municipality).toBeFocused();
  await page.keyboard.press("Tab");
  const areaName = page.getByLabel("Namn på område 1");
  await expect(areaName).toBeFocused();
  await areaName.pressSequentially("Skärholmen");
  await typeInto(
    page,
    page.getByLabel("Behoven i området"),
    "Unga saknar trygga platser på kvällarna och föräldrarna vill vara med.",
  );
  await tick(page, page.getByRole("radio", { name: /^Genom samverkan med andra aktörer/ }));
  await typeInto(
    page,
    page.getByLabel("Beskriv hur behovet togs fram"),
    "Samtal med stadsdelsförvaltningen, skolan och 40 föräldrar.",
  );
  await saveAndBack(page, draft);

  // Genomförande
  await openPart(page, draft, "Genomförande");
  await typeInto(
    page,
    page.getByLabel("Jämställdhet"),
    "Egna tider för tjejer och uppföljning av deltagandet per kön.",
  );
  await page.keyboard.press("Tab");
  const longTerm = page.getByLabel("Långsiktighet");
  await expect(longTerm).toBeFocused();
  await longTerm.pressSequentially("Stadsdelen tar över lokalen genom ett IOP efter två år.");
  await saveAndBack(page, draft);

  // Partner och avsiktsförklaringar
  await openPart(page, draft, "Partner och avsiktsförklaringar");
  await tabTo(page, page.getByRole("button", { name: "Lägg till en partner" }));
  await page.keyboard.press("Enter");
  const partner = page.getByRole("group", { name: /^Partner 1/ });
  const partnerName = partner.getByLabel("Namn", { exact: true });
  await expect(partnerName).toBeFocused();
  await partnerName.pressSequentially("Skärholmens stadsdelsförvaltning");
  // The sector: a closed list, moved with the arrow key (Kommun → Region → Stadsdelsförvaltning).
  const sector = partner.getByLabel("Sektor");
  await tabTo(page, sector);
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(sector).toHaveValue("DISTRICT_ADMINISTRATION");
  await expect(sector).toBeFocused();
  await tick(page, partner.getByLabel("Partnern har lokal förankring i området"));
  await typeInto(page, partner.getByLabel("Partnerns roll"), "Ansvarar för lokalen.");
  await page.keyboard.press("Tab");
  const activities = partner.getByLabel(/^Aktiviteter/);
  await expect(activities).toBeFocused();
  await activities.pressSequentially("Deltar i kvällsverksamheten.");
  await saveAndBack(page, draft);

  // The partner is another person: their letter of intent, signed through the link they were
  // e-mailed (applicant-journey.spec.ts walks that path), is written here as the database holds it.
  const [{ id: partnerId }] = await query<{ id: string }>(
    `SELECT id FROM "Partner" WHERE "applicationId" = $1`,
    [applicationId],
  );
  await query(
    `INSERT INTO "LetterOfIntent" (id, "partnerId", channel, status, competences, resources,
       "fromDate", "toDate", "signedBy", "signedAt", "updatedAt")
     VALUES ($1, $2, 'LINK', 'SIGNED', 'Kunskap om stadsdelens trygghetsarbete.',
       'Lokal två kvällar i veckan.', $3, $4, 'Anna Andersson, avdelningschef', current_date, now())`,
    [`keyboard-letter-${partnerId}`, partnerId, `${nextYear}-01-01`, `${nextYear + 1}-12-31`],
  );

  // Budget och annan finansiering
  await openPart(page, draft, "Budget och annan finansiering");
  const addRow = page.getByRole("button", { name: "Lägg till en budgetrad" });
  for (const [row, amount] of [
    [1, "200000"],
    [2, "150000"],
  ] as const) {
    await tabTo(page, addRow);
    await page.keyboard.press("Enter");
    const year = page.getByLabel(`År, rad ${row}`);
    await expect(year).toBeFocused();
    if (row === 2) {
      await page.keyboard.press("ArrowDown");
      await expect(year).toHaveValue(String(nextYear + 1));
    }
    // Past the category to the amount, which holds 0: select it and type over it.
    const amountField = page.getByLabel(`Belopp i kronor, rad ${row}`);
    await tabTo(page, amountField);
    await page.keyboard.press("ControlOrMeta+a");
    await amountField.pressSequentially(amount);
    await expect(amountField).toHaveValue(amount);
    await expect(amountField).toBeFocused();
  }
  const cofinancing = page.getByLabel("Egen medfinansiering i kronor");
  await tabTo(page, cofinancing);
  await page.keyboard.press("ControlOrMeta+a");
  await cofinancing.pressSequentially("50000");
  await expect(page.getByTestId("requested")).toHaveText(/^300\s000\skr$/);
  await tick(page, page.getByRole("radio", { name: "Nej" }));
  await saveAndBack(page, draft);

  // Intyganden
  await openPart(page, draft, "Intyganden");
  const foundedOn = page.getByLabel("När bildades organisationen?");
  await tabTo(page, foundedOn);
  await typeDate(foundedOn, "2015-03-01");
  const declarations = await page.getByRole("checkbox").all();
  expect(declarations).toHaveLength(5);
  // Out of the date input (it has a Tab stop per part of the date in this Chromium) to the first
  // declaration; each of the others is the next stop after the one before.
  await tabTo(page, declarations[0], 5);
  for (const [i, box] of declarations.entries()) {
    if (i > 0) await page.keyboard.press("Tab");
    await expect(box).toBeFocused();
    await page.keyboard.press("Space");
    await expect(box).toBeChecked();
  }
  await saveAndBack(page, draft);
  for (const part of [
    "Grunduppgifter",
    "Område och behov",
    "Genomförande",
    "Partner och avsiktsförklaringar",
    "Budget och annan finansiering",
    "Intyganden",
  ])
    await expect(
      page
        .getByTestId("task-list")
        .getByRole("listitem")
        .filter({ has: page.getByRole("link", { name: part, exact: true }) }),
    ).toContainText("Klar");

  // Granska och skicka in
  await tabTo(page, page.getByRole("link", { name: "Granska och skicka in" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(`${draft}/granska`);
  await expect(mainHeading(page)).toBeFocused();
  await expect(page.getByTestId("checklist")).toContainText("Allt ser bra ut");
  await expectNoSeriousA11yViolations(page);
  await tabTo(page, page.getByRole("button", { name: "Skicka in ansökan" }), 120);
  await page.keyboard.press("Enter");

  // The confirmation: its heading has the focus, and the title is there at once.
  await expect(page).toHaveURL(`${draft}/skickad`);
  const confirmation = page.getByTestId("confirmation");
  await expect(confirmation).toBeVisible();
  expect(await page.evaluate(() => document.title)).toBe("Ansökan är inskickad – Samverka");
  await expect(confirmation.getByRole("heading", { level: 1 })).toBeFocused();
  await expect(page.getByTestId("confirmation-reference")).toHaveText(/^\d{4}\/\d{4}$/);
});
