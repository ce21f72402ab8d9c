import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { DEMO, expectNoSeriousA11yViolations, signIn } from "./support";
import { query } from "./db";

// Money out, as the people do it (docs/domain.md §5, payments): an officer releases an instalment,
// a second person attests it, the administrator makes a payment file (and cancels a wrong one),
// downloads it for the bank and marks it paid, and the grantee is told.

const GRANT = "Mötesplats Skärholmen";

test("from release to paid: attest by a second person, a payment file for the bank, and the grantee's notification", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const [{ id, referenceNumber }] = await query<{ id: string; referenceNumber: string }>(
    `SELECT id, "referenceNumber" FROM "Application" WHERE title = $1`,
    [GRANT],
  );

  // The officer releases the first instalment; it now waits for someone else's attest.
  const officer = await (await browser.newContext()).newPage();
  await signIn(officer, DEMO.reviewer);
  await officer.goto("/uppfoljning");
  await expect(officer.getByRole("heading", { name: /^Försenade delbetalningar/ })).toBeVisible();
  await officer
    .getByRole("region", { name: "Beviljade bidrag" })
    .getByRole("link", { name: referenceNumber })
    .click();
  await officer.getByRole("button", { name: "Frisläpp delbetalning 1" }).click();
  await expect(officer.getByTestId("instalment-1")).toContainText("frisläppt");
  await expect(officer.getByTestId("instalment-1-trail")).toContainText("Frisläppt av");
  await expect(officer.getByTestId("instalment-1")).toContainText("En annan person attesterar den");

  // The decider attests it.
  const decider = await (await browser.newContext()).newPage();
  await signIn(decider, DEMO.decider);
  await decider.goto(`/uppfoljning/${id}`);
  await decider.getByRole("button", { name: "Attestera delbetalning 1" }).click();
  await expect(decider.getByTestId("instalment-1")).toContainText("attesterad");
  await expect(decider.getByTestId("instalment-1-trail")).toContainText("Attesterad av");
  await expectNoSeriousA11yViolations(decider);

  // The administrator finds the payments from the start page and makes a payment file.
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, DEMO.admin);
  await admin.goto("/admin");
  await admin.getByRole("link", { name: "Betalningar", exact: true }).click();
  await expect(admin).toHaveURL(/\/admin\/betalningar$/);
  await expect(admin.getByTestId("ready")).toContainText(referenceNumber);
  await expectNoSeriousA11yViolations(admin);
  await admin.getByRole("button", { name: "Skapa betalfil" }).click();
  const newest = admin.getByTestId("payment-file").first();
  await expect(newest).toContainText("Skapad");
  await expect(admin.getByTestId("ready")).not.toContainText(referenceNumber);

  // A wrong file is cancelled, with the reason; its instalment is ready again for the next one.
  await newest.getByText("Makulera betalfilen").click();
  await newest
    .getByLabel("Varför makuleras filen?")
    .pressSequentially("Fel betalningsdag, görs om.");
  await newest.getByRole("button", { name: "Makulera", exact: true }).click();
  await expect(admin.getByTestId("payment-file").first()).toContainText("Makulerad");
  await expect(admin.getByTestId("ready")).toContainText(referenceNumber);
  await admin.getByRole("button", { name: "Skapa betalfil" }).click();
  const file = admin.getByTestId("payment-file").first();
  await expect(file).toContainText("Skapad");

  // The file for the bank: pain.001 with the grantee's bankgiro and the reference number.
  const [download] = await Promise.all([
    admin.waitForEvent("download"),
    file.getByRole("link", { name: "Ladda ner betalfilen till banken (XML)" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^betalfil-.*\.xml$/);
  const xml = await readFile(await download.path(), "utf8");
  expect(xml).toContain("urn:iso:std:iso:20022:tech:xsd:pain.001.001.03");
  expect(xml).toContain(`<Ustrd>Dnr ${referenceNumber} delbetalning 1 statsbidrag</Ustrd>`);
  expect(xml).toMatch(/<Id>54029681<\/Id>\s*<SchmeNm>\s*<Prtry>BGNR<\/Prtry>/);

  // The bank has paid: the administrator marks the file paid.
  await file.getByRole("button", { name: "Markera som betald" }).click();
  await expect(admin.getByTestId("payment-file").first()).toContainText("Betald");
  await expectNoSeriousA11yViolations(admin);

  // The grantee is told, and the payment plan says paid.
  const grantee = await (await browser.newContext()).newPage();
  await signIn(grantee, DEMO.applicant);
  await grantee.goto("/notiser");
  await expect(grantee.getByTestId("notifications")).toContainText(
    `Delbetalning 1 för ${referenceNumber} är utbetald`,
  );
  await grantee.goto(`/ansokningar/${id}`);
  await expect(grantee.getByTestId("instalments")).toContainText("utbetald");
});
