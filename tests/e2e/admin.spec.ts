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
  await page.getByRole("button", { name: "Skapa utlysningen" }).click();
  await expect(page.getByText("Utlysningen är skapad")).toBeVisible();
  await page.goto("/admin");
  await page.getByRole("link", { name: title, exact: true }).click();
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
  for (const { title } of approved)
    await expect(page.getByRole("cell", { name: title, exact: true })).toBeVisible();
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
