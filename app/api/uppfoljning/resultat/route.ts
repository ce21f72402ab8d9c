import { Readable } from "node:stream";
import { getActor } from "@/lib/server/actor";
import { outcomes, outcomesCsv } from "@/lib/server/follow-up";
import { DomainError } from "@/lib/server/errors";
import { notFoundResponse } from "@/lib/server/file-response";

export const dynamic = "force-dynamic";

export async function GET() {
  const actor = await getActor();
  if (!actor) return notFoundResponse();
  try {
    const stream = outcomesCsv(await outcomes(actor));
    return new Response(Readable.toWeb(stream) as ReadableStream, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": 'attachment; filename="resultat.csv"',
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof DomainError) return notFoundResponse();
    throw error;
  }
}
