import { Readable } from "node:stream";
import { getActor } from "@/lib/server/actor";
import { basisCsv, basisPdf, decisionBasis, meetingRounds } from "@/lib/server/meeting";
import { DomainError } from "@/lib/server/errors";
import { badParametersResponse, notFoundDownload } from "@/lib/server/file-response";

export const dynamic = "force-dynamic";

/** A round's decision basis as CSV or PDF (?round=…&format=csv|pdf&track=…&county=…), for staff. */
export async function GET(request: Request) {
  const actor = await getActor();
  if (!actor) return notFoundDownload(request);
  const params = new URL(request.url).searchParams;
  const round = params.get("round");
  const format = params.get("format") ?? "csv";
  const filter = { track: params.get("track"), county: params.get("county") };
  try {
    if (!round || (format !== "csv" && format !== "pdf")) {
      // Outsiders learn nothing, not even that the parameters were wrong.
      await meetingRounds(actor);
      return badParametersResponse();
    }
    const basis = await decisionBasis(actor, round);
    const name = `beslutsunderlag-${basis.round.year}`;
    if (format === "pdf")
      return new Response(new Uint8Array(await basisPdf(basis, filter)), {
        headers: {
          "Content-Type": "application/pdf",
          "Content-Disposition": `attachment; filename="${name}.pdf"`,
          "X-Content-Type-Options": "nosniff",
          "Cache-Control": "private, no-store",
        },
      });
    return new Response(Readable.toWeb(basisCsv(basis, filter)) as ReadableStream, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${name}.csv"`,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof DomainError) return notFoundDownload(request);
    throw error;
  }
}
