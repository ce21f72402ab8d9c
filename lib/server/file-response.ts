import "server-only";
import { NextResponse } from "next/server";
import { safeFileName, type FileContent } from "./storage";

/**
 * A stored file as a download: always a PDF with a ".pdf" name (every stored file is one), never
 * rendered inline, never sniffed, never cached by shared caches. `asciiName` is a fixed fallback
 * name ending in ".pdf"; the user's name goes in RFC 5987 `filename*`.
 */
export function fileResponse(file: Pick<FileContent, "data" | "fileName">, asciiName: string) {
  return new NextResponse(new Uint8Array(file.data), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${safeFileName(asciiName)}"; filename*=UTF-8''${encodeURIComponent(safeFileName(file.fileName))}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}

export const notFoundResponse = () =>
  NextResponse.json({ message: "Sidan finns inte." }, { status: 404 });

/** 400 for a request whose parameters are not valid: never a 200 with a file cut short. */
export const badParametersResponse = () =>
  NextResponse.json(
    { ok: false, message: "Parametrarna i adressen är inte giltiga." },
    { status: 400, headers: { "Cache-Control": "no-store" } },
  );
