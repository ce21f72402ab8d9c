import "server-only";
import { NextResponse } from "next/server";
import type { FileContent } from "./storage";

/** A stored file as a download: never rendered inline, never sniffed, never cached by shared caches. */
export function fileResponse(file: FileContent, asciiName: string) {
  return new NextResponse(new Uint8Array(file.data), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
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
