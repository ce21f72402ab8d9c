import { expect, test } from "@playwright/test";
import ExcelJS from "@protobi/exceljs";
import { parse } from "csv-parse/sync";
import { DEMO, expectNoSeriousA11yViolations, signIn } from "./support";
import { query } from "./db";

// The staff invitation journey: tests/e2e/staff-invitation.spec.ts.
test("an admin creates and opens a round", async ({ page }) => {
  await signIn(page, DEMO.admin);
  await expectNoSeriousA11yViolations(page);
  const title = `Statsbidrag mot segregation – testutlysning ${Date.now()}`;
  await page.goto("/admin/utlysningar/ny");
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel("Namn på utlysningen").fill(title);
  await page.getByLabel("Öppnar (svensk tid)").fill("2026-01-01T08:00");
  await page.getByLabel("Stänger (svensk tid)").fill("2030-12-31T23:59");
  await page.getByLabel("Budgetram i kronor").fill("5000000");
  await page.getByLabel("Antal bedömningar innan förslag till beslut").fill("0");
  await page.getByRole("button", { name: "Skapa utlysningen" }).click();
  await expect(
    page.getByText("Minst en bedömning behövs innan ett ärende kan föreslås."),
  ).toHaveCount(2);
  await page.getByLabel("Antal bedömningar innan förslag till beslut").fill("2");
  await page.getByRole("button", { name: "Skapa utlysningen" }).click();
  // Creating a round lands on the new round.
  await expect(page).toHaveURL(/\/admin\/utlysningar\/[a-z0-9]+\?skapad=1$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByTestId("round-created")).toContainText("Utlysningen är skapad");
  await expect(page.getByLabel("Antal bedömningar innan förslag till beslut")).toHaveValue("2");
  await page.getByRole("button", { name: "Öppna utlysningen" }).click();
  await expect(page.getByRole("button", { name: "Stäng utlysningen" })).toBeVisible();
  const [round] = await query<{ status: string; closesAt: Date }>(
    `SELECT status, "closesAt" FROM "GrantRound" WHERE title = $1`,
    [title],
  );
  expect(round.status).toBe("OPEN");
  expect(round.closesAt.toISOString()).toBe("2030-12-31T22:59:00.000Z");
  await page.goto("/");
  await expect(page.getByText(title)).toBeVisible();

  await page.goto("/statistik");
  await expect(page.getByTestId("approval-rate")).toContainText("%");
  await expectNoSeriousA11yViolations(page);
});

test("an admin exports approved grants as CSV and XLSX, matching the database row by row", async ({
  page,
}) => {
  const [{ roundId }] = await query<{ roundId: string }>(
    `SELECT "roundId" FROM "Application" WHERE title = 'Kulturskola för alla i Rosengård'`,
  );
  const expected = await query<{
    reference: string;
    title: string;
    organisation: string;
    amount: number;
  }>(
    `SELECT a."referenceNumber" AS reference, a.title, o.name AS organisation, d."amountSek" AS amount
     FROM "Decision" d JOIN "Application" a ON a.id = d."applicationId" JOIN "Organisation" o ON o.id = a."organisationId"
     WHERE d."roundId" = $1 AND d.outcome = 'APPROVED' ORDER BY a."referenceNumber"`,
    [roundId],
  );
  expect(expected.length).toBeGreaterThanOrEqual(3);
  await signIn(page, DEMO.admin);

  const csv = await page.request.get(`/api/admin/export?format=csv&round=${roundId}`);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const text = (await csv.body()).toString("utf8");
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const rows = parse<Record<string, string>>(text, { bom: true, columns: true });
  expect(Object.keys(rows[0])).toEqual([
    "Identifier",
    "Title",
    "Description",
    "Currency",
    "Amount Awarded",
    "Award Date",
    "Planned Dates:Start Date",
    "Planned Dates:End Date",
    "Recipient Org:Identifier",
    "Recipient Org:Name",
    "Recipient Org:Charity Number",
    "Funding Org:Identifier",
    "Funding Org:Name",
    "Grant Programme:Title",
    "Beneficiary Location:Name",
    "Beneficiary Location:Geographic Code",
    "Reference Number",
  ]);
  const byReference = (list: { reference: string }[]) =>
    [...list].sort((a, b) => a.reference.localeCompare(b.reference));
  expect(
    byReference(
      rows.map((r) => ({
        reference: r["Reference Number"],
        title: r.Title,
        organisation: r["Recipient Org:Name"],
        amount: Number(r["Amount Awarded"]),
      })),
    ),
  ).toEqual(byReference(expected));
  expect(rows.map((r) => r["Recipient Org:Name"])).toContain("Rosengårds Kulturförening");

  // "CSV för Excel": semicolons, Swedish headers, decimal commas, UTF-8 with a BOM.
  const excel = await page.request.get(`/api/admin/export?format=excel&round=${roundId}`);
  expect(excel.headers()["content-disposition"]).toContain("-excel.csv");
  const excelText = (await excel.body()).toString("utf8");
  expect(excelText.charCodeAt(0)).toBe(0xfeff);
  const excelRows = parse<Record<string, string>>(excelText, {
    bom: true,
    columns: true,
    delimiter: ";",
  });
  expect(Object.keys(excelRows[0]).slice(0, 4)).toEqual([
    "Diarienummer",
    "Projekt",
    "Beskrivning",
    "Organisation",
  ]);
  expect(
    byReference(
      excelRows.map((r) => ({
        reference: r.Diarienummer,
        title: r.Projekt,
        organisation: r.Organisation,
        amount: Number(r["Beviljat belopp (kr)"]),
      })),
    ),
  ).toEqual(byReference(expected));

  const xlsx = await page.request.get(`/api/admin/export?format=xlsx&round=${roundId}`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await xlsx.body()) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const fromXlsx = [];
  for (let i = 2; i <= sheet.rowCount; i++) {
    const row = sheet.getRow(i);
    expect(typeof row.getCell(5).value).toBe("number");
    expect(row.getCell(6).value).toBeInstanceOf(Date);
    fromXlsx.push({
      reference: row.getCell(17).text,
      title: row.getCell(2).text,
      organisation: row.getCell(10).text,
      amount: Number(row.getCell(5).value),
    });
  }
  expect(byReference(fromXlsx)).toEqual(byReference(expected));
  const [logged] = await query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "AuditEvent" WHERE action = 'export.approved_grants'`,
  );
  expect(logged.n).toBeGreaterThanOrEqual(2);

  // The log of one case, by its reference number: Swedish labels and a readable before/after.
  const [approved] = await query<{ reference: string }>(
    `SELECT a."referenceNumber" AS reference FROM "Application" a JOIN "Decision" d ON d."applicationId" = a.id
     WHERE d.outcome = 'APPROVED' ORDER BY a."referenceNumber" LIMIT 1`,
  );
  await page.goto("/admin/logg");
  await page.getByLabel("Diarienummer").fill(approved.reference);
  await page.getByRole("button", { name: "Filtrera" }).click();
  const caseRows = page.getByTestId("audit-rows").getByRole("row");
  await expect(caseRows.filter({ hasText: "Beslut fattat" })).toHaveCount(1);
  await expect(caseRows.filter({ hasText: "Ansökan inskickad" })).toHaveCount(1);
  await expect(caseRows.filter({ hasText: "Status: Förslag till beslut → Beviljad" })).toHaveCount(
    1,
  );
  await expect(page.getByTestId("audit-rows")).not.toContainText("{");
  // A round without decisions: each chart gives way to a short sentence.
  const [open] = await query<{ id: string }>(
    `SELECT r.id FROM "GrantRound" r WHERE NOT EXISTS (SELECT 1 FROM "Decision" d WHERE d."roundId" = r.id)
     AND EXISTS (SELECT 1 FROM "Application" a WHERE a."roundId" = r.id AND a.status <> 'DRAFT') LIMIT 1`,
  );
  await page.goto(`/statistik?round=${open.id}`);
  await expect(page.getByTestId("chart-empty").first()).toHaveText(
    "Det finns inget att visa i diagrammet ännu.",
  );
  await page.goto("/statistik");
  await expect(page.getByRole("img", { name: /Diagram: Per inriktning/ })).toContainText("tkr");

  for (const row of await caseRows.all()) await expect(row).toContainText(approved.reference);
  await expectNoSeriousA11yViolations(page);
});

test("the public list shows exactly the approved grants, without personal data, with open-data downloads", async ({
  page,
  request,
}) => {
  const approved = await query<{ title: string }>(
    `SELECT a.title FROM "Decision" d JOIN "Application" a ON a.id = d."applicationId" WHERE d.outcome = 'APPROVED'`,
  );
  await page.goto("/beviljade");
  await expectNoSeriousA11yViolations(page);
  await expect(page.getByTestId("granted-total")).toContainText(`${approved.length} bidrag`);
  // The project cell reads the title, then the track.
  const startsWith = (text: string) =>
    new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}( |$)`);
  for (const { title } of approved)
    await expect(page.getByRole("cell", { name: startsWith(title) })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Unga röster i Husby" })).toHaveCount(0);
  const html = await page.content();
  expect(html).not.toMatch(
    /sokande@|husby@|rosengard@|info@skarholmen|Anna Andersson|Amina Hassan/,
  );
  const json = (await (await request.get("/api/open-data/beviljade?format=json")).json()) as {
    grants: unknown[];
  };
  expect(json.grants).toHaveLength(approved.length);
  expect(JSON.stringify(json)).not.toMatch(/@|signedBy|contact/i);
});

test("non-admins cannot reach admin pages or exports", async ({ page, request }) => {
  expect((await request.get("/api/admin/export?format=csv")).status()).toBe(404);
  expect((await request.get("/api/admin/logg")).status()).toBe(404);
  await signIn(page, DEMO.reviewer);
  for (const path of ["/admin", "/admin/anvandare", "/admin/utlysningar/ny", "/admin/logg"])
    expect((await page.goto(path))?.status(), path).toBe(404);
  expect((await page.request.get("/api/admin/export?format=xlsx")).status()).toBe(404);
});
