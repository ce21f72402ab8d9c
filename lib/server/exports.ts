import "server-only";
import { PassThrough, Readable } from "node:stream";
import { stringify as stringifySync } from "csv-stringify/sync";
import { db } from "./db";
import { logger } from "./logger";
import { CSV_OPTIONS, EXCEL_CSV_OPTIONS } from "./csv";
import {
  EXCEL_COLUMNS,
  EXPORT_COLUMNS,
  excelRow,
  exportRow,
  grantJson,
  safeCell,
  type GrantRecord,
  type Publisher,
} from "@/lib/domain/grant-export";
import { municipalityName } from "@/lib/reference/municipalities";
import { isoDate } from "@/lib/domain/format";
import { Prisma } from "@/lib/generated/prisma/client";

// Exports of approved grants, streamed in batches so that 100 000 grants never sit in memory at once.

const publisher = (): Publisher => ({
  prefix: process.env.SAMVERKA_GRANT_PREFIX ?? "delmos",
  funderId: process.env.SAMVERKA_FUNDER_ID ?? "SE-ON-202100-6362",
  funderName: process.env.SAMVERKA_FUNDER_NAME ?? "Delegationen mot segregation",
});

export type GrantFilter = {
  roundId?: string;
  year?: number;
  track?: "KNOWLEDGE" | "COLLABORATION" | "INTERVENTION";
  county?: string;
  /** One grant by its reference number (diarienummer): the link from its learning example. */
  reference?: string;
};
export type ExportFormat = "csv" | "excel" | "xlsx" | "json";
const BATCH = 5000;

type GrantRow = {
  id: string;
  amountSek: number | null;
  decidedOn: Date;
  referenceNumber: string | null;
  title: string;
  summary: string;
  track: string | null;
  periodStart: Date | null;
  periodEnd: Date | null;
  orgName: string;
  orgNumber: string;
  orgMunicipality: string;
  areaMunicipality: string | null;
};

export function grantConditions(f: GrantFilter) {
  const where: Prisma.Sql[] = [
    Prisma.sql`d.outcome = 'APPROVED'`,
    Prisma.sql`NOT EXISTS (SELECT 1 FROM "Decision" c WHERE c."correctsId" = d.id)`,
  ];
  if (f.roundId) where.push(Prisma.sql`d."roundId" = ${f.roundId}`);
  if (f.year)
    where.push(
      Prisma.sql`d."decidedOn" >= ${new Date(Date.UTC(f.year, 0, 1))}::date AND d."decidedOn" < ${new Date(Date.UTC(f.year + 1, 0, 1))}::date`,
    );
  if (f.track) where.push(Prisma.sql`a.track::text = ${f.track}`);
  if (f.county) where.push(Prisma.sql`a."countyCode" = ${f.county}`);
  if (f.reference) where.push(Prisma.sql`a."referenceNumber" = ${f.reference}`);
  return where;
}

/**
 * Approved grants in batches of flat rows (one SQL statement per batch, keyset on the decision id),
 * as plain records without personal data. The next batch is fetched while the current one is
 * written, so the database and the encoder work at the same time.
 */
async function* approvedGrants(filter: GrantFilter): AsyncGenerator<GrantRecord> {
  const fetchAfter = (after: string | null) => db.$queryRaw<GrantRow[]>`
    SELECT d.id, d."amountSek", d."decidedOn", a."referenceNumber", a.title, a.summary, a.track::text, a."periodStart", a."periodEnd",
           o.name AS "orgName", o."orgNumber", o."municipalityCode" AS "orgMunicipality",
           coalesce(a."primaryMunicipalityCode", (SELECT ar."municipalityCode" FROM "ApplicationArea" ar WHERE ar."applicationId" = a.id ORDER BY ar.position LIMIT 1)) AS "areaMunicipality"
    FROM "Decision" d JOIN "Application" a ON a.id = d."applicationId" JOIN "Organisation" o ON o.id = a."organisationId"
    WHERE ${Prisma.join([...grantConditions(filter), after ? Prisma.sql`d.id > ${after}` : Prisma.sql`TRUE`], " AND ")}
    ORDER BY d.id LIMIT ${BATCH}`;
  let pending = fetchAfter(null);
  for (;;) {
    const batch = await pending;
    if (batch.length === BATCH) pending = fetchAfter(batch[batch.length - 1].id);
    for (const d of batch) {
      const code = d.areaMunicipality ?? d.orgMunicipality;
      yield {
        referenceNumber: d.referenceNumber ?? "",
        title: d.title,
        summary: d.summary,
        amountSek: d.amountSek ?? 0,
        decidedOn: isoDate(d.decidedOn),
        periodStart: d.periodStart ? isoDate(d.periodStart) : null,
        periodEnd: d.periodEnd ? isoDate(d.periodEnd) : null,
        orgNumber: d.orgNumber,
        organisation: d.orgName,
        track: (d.track ?? "INTERVENTION") as GrantRecord["track"],
        locationName: municipalityName(code) ?? code,
        locationCode: code,
      };
    }
    if (batch.length < BATCH) return;
  }
}

function csvStream(filter: GrantFilter, p: Publisher): Readable {
  // csv-stringify's synchronous API, a few hundred rows at a time: the same RFC 4180 output as its
  // stream, without a stream transform per record (the export of 100 000 rows is CPU-bound).
  const options = { ...CSV_OPTIONS, bom: false, columns: [...EXPORT_COLUMNS] };
  return Readable.from(
    (async function* () {
      yield stringifySync([], { ...CSV_OPTIONS, columns: [...EXPORT_COLUMNS], header: true });
      let rows: (string | number)[][] = [];
      for await (const g of approvedGrants(filter)) {
        const row = exportRow(g, p);
        rows.push(EXPORT_COLUMNS.map((c) => safeCell(row[c]) ?? ""));
        if (rows.length === 500) {
          yield stringifySync(rows, options);
          rows = [];
        }
      }
      if (rows.length) yield stringifySync(rows, options);
    })(),
  );
}

/**
 * "CSV för Excel": what Swedish Excel opens with a double click. Semicolons between cells, Swedish
 * headers, decimal commas, UTF-8 with a BOM; text cells quoted and guarded against formulas.
 */
function excelCsvStream(filter: GrantFilter): Readable {
  const options = EXCEL_CSV_OPTIONS;
  return Readable.from(
    (async function* () {
      yield stringifySync([], { ...options, columns: [...EXCEL_COLUMNS], header: true });
      let rows: (string | number)[][] = [];
      for await (const g of approvedGrants(filter)) {
        const row = excelRow(g);
        rows.push(EXCEL_COLUMNS.map((c) => safeCell(row[c]) ?? ""));
        if (rows.length === 500) {
          yield stringifySync(rows, { ...options, bom: false });
          rows = [];
        }
      }
      if (rows.length) yield stringifySync(rows, { ...options, bom: false });
    })(),
  );
}

function xlsxStream(filter: GrantFilter, p: Publisher): Readable {
  const out = new PassThrough();
  const dateColumns = new Set(["Award Date", "Planned Dates:Start Date", "Planned Dates:End Date"]);
  void (async () => {
    try {
      // exceljs is large: loaded when someone asks for a spreadsheet, not with every export.
      const { default: ExcelJS } = await import("@protobi/exceljs");
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
        stream: out,
        useSharedStrings: false,
        useStyles: true,
      });
      const sheet = workbook.addWorksheet("Beviljade bidrag");
      sheet.columns = EXPORT_COLUMNS.map((c) => ({
        header: c,
        key: c,
        width: c === "Description" ? 60 : 22,
        style: dateColumns.has(c)
          ? { numFmt: "yyyy-mm-dd" }
          : c === "Amount Awarded"
            ? { numFmt: "#,##0" }
            : {},
      }));
      for await (const g of approvedGrants(filter)) {
        const row = exportRow(g, p);
        // Numbers as numbers, dates as dates; text guarded against formulas.
        sheet
          .addRow(
            EXPORT_COLUMNS.map((c) =>
              dateColumns.has(c)
                ? row[c]
                  ? new Date(`${row[c]}T00:00:00Z`)
                  : null
                : safeCell(row[c]),
            ),
          )
          .commit();
      }
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      out.destroy(error as Error);
    }
  })();
  return out;
}

function jsonStream(filter: GrantFilter, p: Publisher): Readable {
  return Readable.from(
    (async function* () {
      yield '{"grants":[';
      let first = true;
      for await (const g of approvedGrants(filter)) {
        yield `${first ? "" : ","}\n${JSON.stringify(grantJson(g, p))}`;
        first = false;
      }
      yield "\n]}\n";
    })(),
  );
}

const EXPORT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  excel: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  json: "application/json; charset=utf-8",
};

export function exportStream(format: ExportFormat, filter: GrantFilter): Readable {
  const p = publisher();
  return format === "csv"
    ? csvStream(filter, p)
    : format === "excel"
      ? excelCsvStream(filter)
      : format === "xlsx"
        ? xlsxStream(filter, p)
        : jsonStream(filter, p);
}

/**
 * A streamed download. The filter is tried on the database first (one row at most), so a query
 * that fails answers 500 before any byte is sent, not a 200 with a file cut short.
 */
export async function exportResponse(format: ExportFormat, filter: GrantFilter, name: string) {
  try {
    await db.$queryRaw`
      SELECT 1 FROM "Decision" d JOIN "Application" a ON a.id = d."applicationId"
      WHERE ${Prisma.join(grantConditions(filter), " AND ")} LIMIT 1`;
  } catch (error) {
    logger.error({ err: error }, "export failed before streaming");
    return Response.json(
      { ok: false, message: "Exporten kunde inte göras. Försök igen om en stund." },
      { status: 500, headers: { "Cache-Control": "no-store" } },
    );
  }
  const body = Readable.toWeb(exportStream(format, filter)) as ReadableStream;
  return new Response(body, {
    headers: {
      "Content-Type": EXPORT_TYPES[format],
      "Content-Disposition": `attachment; filename="${format === "excel" ? `${name}-excel.csv` : `${name}.${format}`}"`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "no-store",
    },
  });
}
