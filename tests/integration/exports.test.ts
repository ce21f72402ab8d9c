import { describe, expect, it } from "vitest";
import ExcelJS from "@protobi/exceljs";
import { db } from "@/lib/server/db";
import { exportStream } from "@/lib/server/exports";
import { listApprovedGrants } from "@/lib/server/grants";
import { EXCEL_COLUMNS, EXPORT_COLUMNS } from "@/lib/domain/grant-export";
import { makeDraft, makeRound, makeUser } from "../factories";

async function read(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

async function approved(
  roundId: string,
  title: string,
  amountSek: number,
  decidedOn = "2026-12-10",
  outcome: "APPROVED" | "REJECTED" = "APPROVED",
) {
  const applicant = await makeUser();
  const draft = await makeDraft(applicant, { roundId });
  const reference = `2026/${String(Math.floor(Math.random() * 9000) + 1000)}`;
  await db.application.update({
    where: { id: draft.id },
    data: { title, status: outcome, referenceNumber: reference, countyCode: "01" },
  });
  await db.decision.create({
    data: {
      applicationId: draft.id,
      roundId,
      outcome,
      amountSek: outcome === "APPROVED" ? amountSek : null,
      reasons: "Skäl för beslutet.",
      decidedOn: new Date(`${decidedOn}T00:00:00Z`),
      deciderId: (await makeUser(["DECIDER"])).id,
    },
  });
  return {
    reference,
    orgNumber: (await db.organisation.findUniqueOrThrow({ where: { id: draft.organisationId } }))
      .orgNumber,
  };
}

describe("export of approved grants (docs/domain.md §6)", () => {
  it("writes CSV with BOM, the 360Giving columns in order, every approved grant and nothing else", async () => {
    const round = await makeRound();
    const a = await approved(round.id, "Mötesplats för äldre i Årsta", 450_000);
    const b = await approved(round.id, '=HYPERLINK("http://evil")', 100_000);
    const c = await approved(round.id, "x;=2+5;y", 100_000);
    await approved(round.id, "Avslagen ansökan", 0, "2026-12-10", "REJECTED");
    const csv = (await read(exportStream("csv", { roundId: round.id }))).toString("utf8");
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const lines = csv.slice(1).trimEnd().split("\r\n");
    expect(lines[0]).toBe(EXPORT_COLUMNS.map((c) => `"${c}"`).join(","));
    expect(lines).toHaveLength(4);
    const row = lines.find((l) => l.includes("Årsta"))!;
    expect(row).toContain(`360G-delmos-${a.reference.replace("/", "-")}`);
    expect(row).toContain(`SE-ON-${a.orgNumber}`);
    expect(row).toContain(`,"SEK",450000,"2026-12-10",`);
    expect(row).toContain("Gemensamt agerande och strategisk samverkan");
    expect(row).toContain(`,"Stockholm","0180",`);
    expect(csv).not.toContain("Avslagen ansökan");
    expect(lines.find((l) => l.includes(b.reference))).toContain(`"'=HYPERLINK(""http://evil"")"`);
    // Every text cell is quoted, and a formula after a ; is neutralised too (Swedish Excel splits on ;).
    expect(lines.find((l) => l.includes(c.reference))).toContain(`,"x;'=2+5;y",`);
  });

  it("writes CSV för Excel: semicolons, Swedish headers, UTF-8 with BOM, formulas neutralised", async () => {
    const round = await makeRound();
    const a = await approved(round.id, "Mötesplats för äldre i Årsta", 450_000);
    const b = await approved(round.id, "x;=2+5;y", 100_000);
    const csv = (await read(exportStream("excel", { roundId: round.id }))).toString("utf8");
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const lines = csv.slice(1).trimEnd().split("\r\n");
    expect(lines[0]).toBe(EXCEL_COLUMNS.map((c) => `"${c}"`).join(";"));
    expect(lines).toHaveLength(3);
    const row = lines.find((l) => l.includes(a.reference))!;
    expect(row).toContain(`"Mötesplats för äldre i Årsta"`);
    expect(row).toContain(`;"Stockholm";"0180";450000;"2026-12-10";`);
    expect(lines.find((l) => l.includes(b.reference))).toContain(`;"x;'=2+5;y";`);
  });

  it("writes XLSX with numbers as numbers and dates as dates", async () => {
    const round = await makeRound();
    await approved(round.id, "Läxhjälp i Hjällbo", 275_000);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await read(exportStream("xlsx", { roundId: round.id }))) as unknown as ArrayBuffer,
    );
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).values).toEqual([undefined, ...EXPORT_COLUMNS]);
    const row = sheet.getRow(2);
    expect(row.getCell(5).value).toBe(275_000);
    expect(row.getCell(6).value).toBeInstanceOf(Date);
    expect((row.getCell(6).value as Date).toISOString().slice(0, 10)).toBe("2026-12-10");
    expect(row.getCell(2).value).toBe("Läxhjälp i Hjällbo");
  });

  it("writes 360Giving-style JSON", async () => {
    const round = await makeRound();
    const a = await approved(round.id, "Trygghet i Navestad", 90_000);
    const json = JSON.parse(
      (await read(exportStream("json", { roundId: round.id }))).toString("utf8"),
    ) as { grants: unknown[] };
    expect(json.grants).toHaveLength(1);
    expect(json.grants[0]).toMatchObject({
      id: `360G-delmos-${a.reference.replace("/", "-")}`,
      currency: "SEK",
      amountAwarded: 90_000,
      recipientOrganization: [{ id: `SE-ON-${a.orgNumber}` }],
      referenceNumber: a.reference,
    });
  });

  it("filters the public list by year and county, with totals and no personal data", async () => {
    const round = await makeRound();
    await approved(round.id, "Bidrag 2026", 100_000, "2026-06-01");
    await approved(round.id, "Bidrag 2025", 200_000, "2025-06-01");
    const list2026 = await listApprovedGrants({ roundId: round.id, year: 2026 });
    expect(list2026.grants.map((g) => g.title)).toEqual(["Bidrag 2026"]);
    expect([list2026.count, list2026.totalSek]).toEqual([1, 100_000]);
    expect((await listApprovedGrants({ roundId: round.id, county: "14" })).count).toBe(0);
    expect(JSON.stringify(list2026.grants)).not.toMatch(/@|contact/i);
  });

  it("pages the public list, newest decisions first, with totals over every page", async () => {
    const round = await makeRound();
    for (const day of ["01", "02", "03"])
      await approved(round.id, `Bidrag ${day}`, 10_000, `2026-03-${day}`);
    const first = await listApprovedGrants({ roundId: round.id }, 1, 2);
    const second = await listApprovedGrants({ roundId: round.id }, 2, 2);
    expect(first.grants.map((g) => g.title)).toEqual(["Bidrag 03", "Bidrag 02"]);
    expect(second.grants.map((g) => g.title)).toEqual(["Bidrag 01"]);
    expect([first.count, first.totalSek]).toEqual([3, 30_000]);
  });
});
