import "server-only";
import { NextResponse } from "next/server";
import { safeFileName, type FileContent } from "./storage";
import sv from "@/messages/sv.json";

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

// The not-found page for a download that a person opened in the browser: the same Swedish text as
// app/not-found.tsx, self-contained (a route handler has no layout), with nothing from the request.
const NOT_FOUND_PAGE = `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${sv.errors.notFoundTitle} – Samverka</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}h1{font-size:1.875rem}a{color:#0b5394}</style>
</head>
<body>
<main>
<h1>${sv.errors.notFoundTitle}</h1>
<p>${sv.errors.notFound}</p>
<p><a href="/">${sv.common.backHome}</a></p>
</main>
</body>
</html>
`;

/**
 * 404 for a file download (a decision letter, a letter of intent, an attachment): a Swedish page
 * when a browser navigated to it, JSON for a program.
 */
export function notFoundDownload(request: Request) {
  const navigated =
    request.headers.get("sec-fetch-mode") === "navigate" ||
    (request.headers.get("accept") ?? "").includes("text/html");
  if (!navigated) return notFoundResponse();
  return new NextResponse(NOT_FOUND_PAGE, {
    status: 404,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
      "Content-Security-Policy":
        "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    },
  });
}

/** 400 for a request whose parameters are not valid: never a 200 with a file cut short. */
export const badParametersResponse = () =>
  NextResponse.json(
    { ok: false, message: "Parametrarna i adressen är inte giltiga." },
    { status: 400, headers: { "Cache-Control": "no-store" } },
  );
