import "server-only";
import type { Options } from "csv-stringify";
import { excelNumber } from "@/lib/domain/grant-export";

/**
 * The options of every CSV the product writes: a BOM for Excel, CRLF line ends, and every text
 * cell quoted, so that a , or ; inside a text never splits it into cells, whichever separator the
 * reading program uses. Text cells also go through safeCell (lib/domain/grant-export.ts).
 */
export const CSV_OPTIONS = {
  bom: true,
  record_delimiter: "\r\n",
  quoted_string: true,
} as const satisfies Options;

/**
 * A CSV for people, as Swedish Excel opens it with a double click: semicolons between cells and
 * decimal commas, on top of CSV_OPTIONS.
 */
export const EXCEL_CSV_OPTIONS = {
  ...CSV_OPTIONS,
  delimiter: ";",
  cast: { number: (n: number) => excelNumber(n) },
} as const satisfies Options;
