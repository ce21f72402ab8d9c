import { Readable } from "node:stream";
import { getActor } from "@/lib/server/actor";
import { auditLogCsv } from "@/lib/server/audit-log";
import { DomainError } from "@/lib/server/errors";
import { notFoundResponse } from "@/lib/server/file-response";
import { AuditFilterInput } from "@/lib/validation/audit";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const actor = await getActor();
  if (!actor) return notFoundResponse();
  try {
    const stream = await auditLogCsv(
      actor,
      AuditFilterInput.parse(Object.fromEntries(new URL(request.url).searchParams)),
    );
    return new Response(Readable.toWeb(stream) as ReadableStream, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": 'attachment; filename="granskningslogg.csv"',
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (error instanceof DomainError) return notFoundResponse();
    throw error;
  }
}
