import { expect, test, type Page } from "@playwright/test";
import {
  expectNoSeriousA11yViolations,
  expectRegistrationAnswer,
  openConfirmationLink,
  signIn,
} from "./support";
import { latestMail, linkIn, PDF, query } from "./db";

const nextYear = new Date().getFullYear() + 1;

const PASSWORD = "ett-langt-losenord";

/**
 * Registers. With `confirm` the person opens the link from the mail at once; without it the mail
 * is late, so they sign in with their password and their address stays unconfirmed for now.
 */
async function register(page: Page, name: string, email: string, confirm: boolean) {
  await page.goto("/registrera");
  await page.getByLabel("Namn").fill(name);
  await page.getByLabel("E-postadress").fill(email);
  await page.getByLabel("Lösenord", { exact: true }).fill(PASSWORD);
  await page.getByLabel("Upprepa lösenordet").fill(PASSWORD);
  await page.getByRole("button", { name: "Skapa konto" }).click();
  await expectRegistrationAnswer(page, email);
  if (confirm) return openConfirmationLink(page, email, PASSWORD);
  await signIn(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/ansokningar$/);
  await expect(page.getByTestId("verify-email-banner")).toContainText(
    `Vi har skickat en länk till ${email}.`,
  );
  await expectNoSeriousA11yViolations(page);
}

/** A valid organisation number that no other test uses. */
function uniqueOrgNumber(): string {
  const body = `80${2 + Math.floor(Math.random() * 8)}${String(Date.now()).slice(-5)}${Math.floor(Math.random() * 10)}`;
  for (let d = 0; d <= 9; d++) {
    const digits = body + d;
    const sum = [...digits].reverse().reduce((s, c, i) => {
      let n = Number(c);
      if (i % 2) {
        n *= 2;
        if (n > 9) n -= 9;
      }
      return s + n;
    }, 0);
    if (sum % 10 === 0) return `${digits.slice(0, 6)}-${digits.slice(6)}`;
  }
  throw new Error("unreachable");
}

async function createOrganisation(page: Page, name: string) {
  await page.getByRole("link", { name: "Lägg till organisation" }).click();
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel("Organisationens namn").fill(name);
  await page.getByLabel("Organisationsnummer").fill("802456-1239");
  await page.getByRole("radio", { name: "Ideell förening" }).check();
  await page
    .getByLabel("Kommun där organisationen har sitt säte")
    .selectOption({ label: "Stockholm" });
  await page.getByLabel("Gatuadress").fill("Storgatan 1");
  await page.getByLabel("Postnummer").fill("12748");
  await page.getByLabel("Postort").fill("Skärholmen");
  await page.getByLabel("Organisationens e-postadress").fill("info@exempel.se");
  await page.getByLabel("Telefonnummer").fill("08-123 456 78");
  await page.getByLabel("Bankgironummer").fill("5402-9681");
  await page.getByRole("button", { name: "Spara organisationen" }).click();
  // A wrong check digit is shown in Swedish at the field, and nothing typed is lost.
  await expect(page.getByTestId("error-summary")).toContainText(
    "Ange organisationsnumret som tio siffror",
  );
  await expect(page.getByLabel("Organisationens namn")).toHaveValue(name);
  await page.getByLabel("Organisationsnummer").fill(uniqueOrgNumber());
  await page.getByRole("button", { name: "Spara organisationen" }).click();
  await expect(page).toHaveURL(/\/ansokningar\/ny/);
}

async function waitSaved(page: Page) {
  await expect(page.getByTestId("save-state")).toHaveAttribute("data-state", "saved");
}

async function openPart(page: Page, name: string) {
  await page.getByRole("link", { name, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
}

type Journey = {
  track: "KNOWLEDGE" | "COLLABORATION" | "INTERVENTION";
  trackLabel: RegExp;
  variantLabel?: RegExp;
  checks: boolean;
};
const JOURNEYS: Journey[] = [
  { track: "INTERVENTION", trackLabel: /^Direkta insatser/, checks: true },
  {
    track: "KNOWLEDGE",
    trackLabel: /^Kunskaps- och metodutveckling/,
    variantLabel: /^Ny kunskaps- och metodutveckling/,
    checks: false,
  },
  {
    track: "COLLABORATION",
    trackLabel: /^Gemensamt agerande/,
    variantLabel: /^Samordning/,
    checks: false,
  },
];

for (const journey of JOURNEYS)
  test(`an association goes from registration to a submitted ${journey.track} application`, async ({
    page,
    browser,
  }) => {
    test.setTimeout(180_000);
    const { checks } = journey;
    const email = `forening-${Date.now()}@exempel.se`;
    // The journey with every check is also the one whose confirmation mail comes late.
    await register(page, "Fatima Ali", email, !checks);
    await createOrganisation(page, "Föreningen Trygga Kvällar");
    await page.getByRole("button", { name: "Börja på ansökan" }).click();
    await expect(page.getByTestId("task-list")).toBeVisible();
    const applicationUrl = page.url();
    await expectNoSeriousA11yViolations(page);

    // Grunduppgifter
    await openPart(page, "Grunduppgifter");
    await expectNoSeriousA11yViolations(page);
    await page.getByLabel("Projektets titel").fill("Trygga kvällar i Skärholmen");
    await page
      .getByLabel("Sammanfattning")
      .fill("Kvällsöppen mötesplats för unga och deras föräldrar.");
    await page.getByRole("radio", { name: journey.trackLabel }).check();
    if (journey.variantLabel) await page.getByRole("radio", { name: journey.variantLabel }).check();
    await page.getByRole("checkbox", { name: "Trygghet" }).check();
    await page.getByLabel("Startdatum").fill(`${nextYear}-01-01`);
    if (checks) {
      await page.getByLabel("Slutdatum").fill(`${nextYear + 3}-06-30`);
      // A period that is too long is flagged live, in Swedish.
      await expect(page.getByTestId("checklist")).toContainText(
        "Projektperioden får vara högst 36 månader",
      );
    }
    await page.getByLabel("Slutdatum").fill(`${nextYear + 1}-12-31`);
    await waitSaved(page);
    if (checks) {
      // Reload in the middle: everything is still there.
      await page.reload();
      await expect(page.getByLabel("Projektets titel")).toHaveValue("Trygga kvällar i Skärholmen");
      await expect(page.getByLabel("Slutdatum")).toHaveValue(`${nextYear + 1}-12-31`);
    }
    await page.getByRole("button", { name: "Spara och gå tillbaka" }).click();
    await expect(page.getByTestId("task-list")).toBeVisible();

    // Område och behov
    await openPart(page, "Område och behov");
    await page.getByRole("button", { name: "Lägg till ett område" }).click();
    await page.getByLabel("Kommun för område 1").selectOption({ label: "Stockholm" });
    await page.getByLabel("Namn på område 1").fill("Skärholmen");
    await page
      .getByLabel("Behoven i området")
      .fill("Unga saknar trygga platser på kvällarna och föräldrarna vill vara med.");
    if (journey.track === "INTERVENTION") {
      await page.getByRole("radio", { name: "Genom samverkan med andra aktörer" }).check();
      await page
        .getByLabel("Beskriv hur behovet togs fram")
        .fill("Samtal med stadsdelsförvaltningen, skolan och 40 föräldrar.");
    }
    await expectNoSeriousA11yViolations(page);
    await waitSaved(page);
    await page.getByRole("button", { name: "Spara och gå tillbaka" }).click();

    // Genomförande
    await openPart(page, "Genomförande");
    if (journey.track === "KNOWLEDGE") {
      await expect(page.getByTestId("checklist")).toContainText("Välj minst en metod");
      await page.getByRole("checkbox", { name: "Enkät" }).check();
      await page.getByRole("checkbox", { name: "Intervjuer" }).check();
    }
    if (journey.track === "COLLABORATION") {
      await page
        .getByLabel("Strategiskt ramverk")
        .fill("Stadens strategi mot segregation; en styrgrupp med alla parter möts varje kvartal.");
    }
    await page
      .getByLabel("Jämställdhet")
      .fill("Egna tider för tjejer och uppföljning av deltagandet per kön.");
    await page
      .getByLabel("Långsiktighet")
      .fill("Stadsdelen tar över lokalen genom ett IOP efter två år.");
    await expectNoSeriousA11yViolations(page);
    await waitSaved(page);
    await page.getByRole("button", { name: "Spara och gå tillbaka" }).click();

    // Partner
    await openPart(page, "Partner och avsiktsförklaringar");
    for (const [i, name, email2] of [
      [1, "Skärholmens stadsdelsförvaltning", `anna-${Date.now()}@stockholm.se`],
      [2, "Skärholmens gymnasium", ""],
    ] as const) {
      await page.getByRole("button", { name: "Lägg till en partner" }).click();
      const group = page.getByRole("group", { name: new RegExp(`^Partner ${i}`) });
      await group.getByLabel("Namn", { exact: true }).fill(name);
      await group
        .getByLabel("Sektor")
        .selectOption(i === 1 ? "DISTRICT_ADMINISTRATION" : "MUNICIPALITY");
      if (i === 1) await group.getByLabel("Partnern har lokal förankring i området").check();
      await group
        .getByLabel("Partnerns roll")
        .fill(i === 1 ? "Ansvarar för lokalen." : "Når unga och föräldrar.");
      await group.getByLabel(/^Aktiviteter/).fill("Deltar i kvällsverksamheten.");
      if (email2) {
        await group.getByLabel("Kontaktperson (frivilligt)").fill("Anna Andersson");
        await group.getByLabel("Kontaktpersonens e-postadress (frivilligt)").fill(email2);
      }
    }
    await expectNoSeriousA11yViolations(page);
    await waitSaved(page);
    await page.getByRole("button", { name: "Spara och gå tillbaka" }).click();

    // Budget
    await openPart(page, "Budget och annan finansiering");
    await page.getByRole("button", { name: "Lägg till en budgetrad" }).click();
    await page.getByLabel("Belopp i kronor, rad 1").fill("200 000");
    await page.getByRole("button", { name: "Lägg till en budgetrad" }).click();
    await page.getByLabel("År, rad 2").selectOption(String(nextYear + 1));
    await page.getByLabel("Belopp i kronor, rad 2").fill("150000");
    await page.getByLabel("Egen medfinansiering i kronor").fill("50000");
    await expect(page.getByTestId("requested")).toHaveText("300 000 kr");
    await page.getByRole("radio", { name: "Nej" }).check();
    await expectNoSeriousA11yViolations(page);
    await waitSaved(page);
    await page.getByRole("button", { name: "Spara och gå tillbaka" }).click();

    // Intyganden
    await openPart(page, "Intyganden");
    await page.getByLabel("När bildades organisationen?").fill("2015-03-01");
    for (const checkbox of await page.getByRole("checkbox").all()) await checkbox.check();
    await expectNoSeriousA11yViolations(page);
    await waitSaved(page);
    await page.getByRole("button", { name: "Spara och gå tillbaka" }).click();

    // A missing letter of intent blocks submission.
    await page.getByRole("link", { name: "Granska och skicka in" }).click();
    await expect(page.getByTestId("checklist")).toContainText(
      "Det saknas en underskriven avsiktsförklaring från Skärholmens stadsdelsförvaltning",
    );
    if (checks) {
      await expectNoSeriousA11yViolations(page);
      await page.getByRole("button", { name: "Skicka in ansökan" }).click();
      // The address is not confirmed yet: that is said first, in Swedish.
      await expect(page.getByTestId("error-summary")).toContainText(
        "Du behöver bekräfta din e-postadress först",
      );
    }

    // Letters: one by e-mailed link, one uploaded as PDF (a non-PDF is refused first).
    await page.goto(`${applicationUrl}/avsiktsforklaringar`);
    await expectNoSeriousA11yViolations(page);
    const first = page.getByTestId("letter-Skärholmens stadsdelsförvaltning");
    await first.getByRole("button", { name: "Skicka länk till partnern" }).click();
    await first
      .getByLabel("Kompetens som partnern bidrar med")
      .fill("Kunskap om stadsdelens trygghetsarbete.");
    await first.getByLabel("Resurser som partnern bidrar med").fill("Lokal två kvällar i veckan.");
    await first.getByRole("button", { name: "Skicka länken" }).click();
    await expect(first.getByTestId("letter-status")).toContainText("Väntar på svar");

    const second = page.getByTestId("letter-Skärholmens gymnasium");
    await second.getByRole("button", { name: "Ladda upp underskriven PDF" }).click();
    await second.getByLabel("Kompetens som partnern bidrar med").fill("Pedagogik.");
    await second.getByLabel("Resurser som partnern bidrar med").fill("Lärare fyra kvällar per år.");
    await second.getByLabel("Underskriven av (namn och titel)").fill("Lars Holm, rektor");
    await second.getByLabel("Datum för underskriften").fill(`${nextYear - 1}-11-01`);
    if (checks) {
      await second.getByLabel(/Underskriven avsiktsförklaring/).setInputFiles({
        name: "avsikt.pdf",
        mimeType: "application/pdf",
        buffer: Buffer.from("inte en pdf alls"),
      });
      await second.getByRole("button", { name: "Ladda upp" }).click();
      await expect(second.getByTestId("error-summary")).toContainText("Filen är inte en PDF");
      await expect(second.getByLabel("Underskriven av (namn och titel)")).toHaveValue(
        "Lars Holm, rektor",
      );
    }
    await second.getByLabel(/Underskriven avsiktsförklaring/).setInputFiles({
      name: "avsiktsförklaring gymnasiet.pdf",
      mimeType: "application/pdf",
      buffer: PDF,
    });
    await second.getByRole("button", { name: "Ladda upp" }).click();
    await expect(second.getByTestId("letter-status")).toContainText("Underskriven");

    // The partner's contact confirms in a separate browser, without an account.
    const applicationId = applicationUrl.split("/").pop();
    const partnerEmail = (
      await query<{ contactEmail: string }>(
        `SELECT "contactEmail" FROM "Partner" WHERE name = 'Skärholmens stadsdelsförvaltning' AND "applicationId" = $1`,
        [applicationId],
      )
    )[0].contactEmail;
    const mail = await latestMail(partnerEmail, "%Avsiktsförklaring%");
    const partnerLink = linkIn(mail.text, "/avsiktsforklaring");
    const partnerContext = await browser.newContext();
    const partnerPage = await partnerContext.newPage();
    await partnerPage.goto(partnerLink);
    await expect(partnerPage.getByText("Trygga kvällar i Skärholmen")).toBeVisible();
    await expect(partnerPage.getByText("Lokal två kvällar i veckan.")).toBeVisible();
    await expectNoSeriousA11yViolations(partnerPage);
    await partnerPage.getByLabel("Ditt namn och din titel").fill("Anna Andersson, avdelningschef");
    await partnerPage.getByRole("checkbox").check();
    await partnerPage.getByRole("button", { name: "Bekräfta" }).click();
    await expect(partnerPage.getByTestId("partner-done")).toContainText("bekräftad");
    // The link works once.
    if (checks) {
      await partnerPage.goto(partnerLink);
      await expect(partnerPage.getByTestId("link-refused")).toContainText("redan använts");
    }
    await partnerContext.close();

    // Submit with a double click: one submission, one reference number.
    await page.goto(`${applicationUrl}/granska`);
    await expect(page.getByTestId("checklist")).toContainText("Allt ser bra ut");
    if (checks) {
      // Everything is in order but the address: refused until the link from the mail is opened.
      await page.getByRole("button", { name: "Skicka in ansökan" }).click();
      await expect(page.getByTestId("error-summary")).toContainText(
        "Du behöver bekräfta din e-postadress först",
      );
      const banner = page.getByTestId("verify-email-banner");
      await banner.getByRole("button", { name: "Skicka länken igen" }).click();
      await expect(banner.getByRole("status")).toHaveText(
        `En ny länk är skickad till ${email}. Den gäller i 48 timmar.`,
      );
      await expect(banner.getByRole("status")).toBeFocused();
      await expectNoSeriousA11yViolations(page);
      expect(
        await query(`SELECT id FROM "Application" WHERE id = $1 AND status = 'DRAFT'`, [
          applicationId,
        ]),
      ).toHaveLength(1);
      // Signed in in this browser: the link confirms with a button, no password asked.
      await openConfirmationLink(page, email);
      await page.goto(`${applicationUrl}/granska`);
    }
    if (checks) await page.getByRole("button", { name: "Skicka in ansökan" }).dblclick();
    else await page.getByRole("button", { name: "Skicka in ansökan" }).click();
    await expect(page.getByTestId("confirmation")).toBeVisible();
    // The confirmation page names itself in the title, so a screen reader announces where the person is.
    await expect(page).toHaveTitle("Ansökan är inskickad – Samverka");
    const reference = await page.getByTestId("confirmation-reference").textContent();
    expect(reference).toMatch(/^\d{4}\/\d{4}$/);
    await expectNoSeriousA11yViolations(page);
    const versions = await query(
      `SELECT number FROM "ApplicationVersion" WHERE "applicationId" = $1`,
      [applicationId],
    );
    expect(versions).toHaveLength(1);
    const confirmation = await latestMail(email, "%mottagen%");
    expect(confirmation.subject).toContain(reference!);

    // After submission: status and timeline; the parts can no longer be changed.
    await page.goto(applicationUrl);
    await expect(page.getByTestId("reference-number")).toHaveText(reference!);
    await expect(page.getByTestId("timeline")).toContainText("Ansökan inskickad");
    await page.goto(`${applicationUrl}/grunduppgifter`);
    await expect(page).toHaveURL(applicationUrl);
  });
