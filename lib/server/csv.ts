import "server-only";
import type { Options } from "csv-stringify";

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
