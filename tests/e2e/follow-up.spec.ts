import { expect, test } from "@playwright/test";
import { DEMO, expectNoSeriousA11yViolations, signIn } from "./support";
import { PDF, query } from "./db";

const GRANT = "Kulturskola för alla i Rosengård";

test("instalments, a progress report with a completion, and the outcomes overview", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const [{ id, referenceNumber }] = await query<{ id: string; referenceNumber: string }>(
    `SELECT id, "referenceNumber" FROM "Application" WHERE title = $1`,
    [GRANT],
  );
  const officer = await (await browser.newContext()).newPage();
  await signIn(officer, DEMO.reviewer);
  await officer.goto("/uppfoljning");
  await expectNoSeriousA11yViolations(officer);
  await officer
    .getByRole("region", { name: "Beviljade bidrag" })
    .getByRole("link", { name: referenceNumber })
    .click();
  await expect(officer.getByTestId("instalment-2")).toContainText(
    "Väntar på att lägesrapporten före den godkänns",
  );
  await officer.getByRole("button", { name: "Frisläpp delbetalning 1" }).click();
  await expect(officer.getByTestId("instalment-1")).toContainText("frisläppt");
  await expectNoSeriousA11yViolations(officer);

  // Released by this officer, the instalment waits for a second person's attest.
  await expect(officer.getByTestId("instalment-1")).toContainText("En annan person attesterar den");
  await expect(officer.getByRole("button", { name: "Attestera delbetalning 1" })).toHaveCount(0);

  // The grantee files the progress report; spending over the grant is flagged and nothing is lost.
  const grantee = await (await browser.newContext()).newPage();
  await signIn(grantee, "rosengard@samverka.example");
  await grantee.goto(`/ansokningar/${id}`);
  await grantee.getByTestId("reports").getByRole("link", { name: "Lägesrapport" }).click();
  await expectNoSeriousA11yViolations(grantee);
  await grantee
    .getByLabel(/^Bilaga/)
    .setInputFiles({ name: "närvarolista.pdf", mimeType: "application/pdf", buffer: PDF });
  await grantee.getByRole("button", { name: "Ladda upp bilagan" }).click();
  await expect(grantee.getByTestId("attachments")).toContainText("närvarolista.pdf");
  await grantee.getByLabel("Antal möten och träffar").fill("12");
  await grantee.getByLabel("Deltagare: kvinnor och flickor").fill("40");
  await grantee.getByLabel("Deltagare: män och pojkar").fill("35");
  await grantee.getByLabel("Deltagare: annat eller okänt kön").fill("2");
  await grantee.getByLabel("Samverkan som har startat eller formaliserats").fill("1");
  await grantee.getByLabel(/^Personal/).fill("700000");
  await expect(grantee.getByTestId("spending-warning")).toContainText(
    "större än det beviljade beloppet",
  );
  await grantee.getByLabel("Vad har ni gjort?").fill("Kulturskola tre eftermiddagar i veckan.");
  await grantee.getByRole("button", { name: "Skicka in rapporten" }).click();
  await expect(grantee.getByTestId("error-summary")).toContainText(
    "större än det beviljade beloppet",
  );
  await expect(grantee.getByLabel("Vad har ni gjort?")).toHaveValue(
    "Kulturskola tre eftermiddagar i veckan.",
  );
  await grantee.getByLabel(/^Personal/).fill("200000");
  await grantee.getByRole("button", { name: "Skicka in rapporten" }).click();
  await expect(grantee).toHaveURL(new RegExp(`/ansokningar/${id}$`));

  // The officer asks for more; the grantee completes; the officer accepts; the second instalment opens.
  await officer.goto(`/uppfoljning/${id}`);
  await officer
    .getByLabel("Vad saknas i rapporten?")
    .fill("Beskriv hur många barn som deltog regelbundet.");
  await officer.getByRole("button", { name: "Begär komplettering" }).click();
  await expect(officer.getByText("Komplettering begärd").first()).toBeVisible();
  await grantee.goto(`/ansokningar/${id}`);
  await grantee.getByTestId("reports").getByRole("link", { name: "Lägesrapport" }).click();
  await expect(grantee.getByTestId("report-completion-message")).toContainText("hur många barn");
  await grantee
    .getByLabel("Vad har det lett till för de boende?")
    .fill("60 barn deltog varje vecka.");
  await grantee.getByRole("button", { name: "Skicka in rapporten" }).click();
  await expect(grantee).toHaveURL(new RegExp(`/ansokningar/${id}$`));
  await officer.goto(`/uppfoljning/${id}`);
  await officer.getByRole("button", { name: "Godkänn rapporten" }).click();
  await expect(officer.getByRole("button", { name: "Frisläpp delbetalning 2" })).toBeVisible();

  // In-app notifications reached the grantee, and the overview shows the reported figures.
  await grantee.goto("/notiser");
  await expect(grantee.getByTestId("notifications")).toContainText(
    "Komplettering begärd av rapporten",
  );
  await officer.goto("/uppfoljning/resultat");
  await expectNoSeriousA11yViolations(officer);
  const row = officer.getByRole("row", { name: /^Direkta insatser/ });
  await expect(row).toContainText("40");
  await expect(row).toContainText("12");
});
