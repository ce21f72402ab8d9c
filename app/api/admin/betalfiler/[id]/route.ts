import { NextResponse } from "next/server";
import { getActor } from "@/lib/server/actor";
import { paymentFileDownload } from "@/lib/server/follow-up";
import { DomainError } from "@/lib/server/errors";
import { badParametersResponse, notFoundDownload } from "@/lib/server/file-response";

export const dynamic = "force-dynamic";

const TYPES = { xml: "application/xml; charset=utf-8", csv: "text/csv; charset=utf-8" } as const;

/**
 * A stored payment file, byte for byte: the pain.001 XML for the bank (`?format=xml`, the default)
 * or the CSV for people (`?format=csv`). Administrators without a conflict in its grants; logged.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await getActor();
  if (!actor) return notFoundDownload(request);
  const format = new URL(request.url).searchParams.get("format") ?? "xml";
  if (format !== "xml" && format !== "csv") {
    if (!actor.roles.includes("ADMIN")) return notFoundDownload(request);
    return badParametersResponse();
  }
  try {
    const file = await paymentFileDownload(actor, id, format);
    return new NextResponse(new Uint8Array(file.data), {
      headers: {
        "Content-Type": TYPES[format],
        "Content-Disposition": `attachment; filename="${file.fileName}"`,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
        ...(format === "xml" ? { "X-Checksum-SHA256": file.sha256 } : {}),
      },
    });
  } catch (error) {
    if (error instanceof DomainError) return notFoundDownload(request);
    throw error;
  }
}
