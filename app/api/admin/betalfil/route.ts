import { Readable } from "node:stream";
import { z } from "@/lib/validation/zod";
import { getActor } from "@/lib/server/actor";
import { paymentFile } from "@/lib/server/follow-up";
import { DomainError } from "@/lib/server/errors";
import { notFoundResponse } from "@/lib/server/file-response";

export const dynamic = "force-dynamic";
const Range = z.object({ from: z.iso.date(), to: z.iso.date() });

/** The payment file (CSV) of released instalments due in a date range. Admins only; logged. */
export async function GET(request: Request) {
  const actor = await getActor();
  if (!actor) return notFoundResponse();
  const range = Range.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!range.success)
    return Response.json({ message: "Ange från- och till-datum som ÅÅÅÅ-MM-DD." }, { status: 400 });
  try {
    const stream = await paymentFile(actor, range.data.from, range.data.to);
    return new Response(Readable.toWeb(stream) as ReadableStream, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="betalfil-${range.data.from}-${range.data.to}.csv"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (error instanceof DomainError) return notFoundResponse();
    throw error;
  }
}
