import { getActor } from "@/lib/server/actor";
import { protocolFile } from "@/lib/server/meeting";
import { DomainError } from "@/lib/server/errors";
import { fileResponse, notFoundDownload } from "@/lib/server/file-response";

export const dynamic = "force-dynamic";

/** A decision meeting's protocol (beslutsprotokoll), for staff. */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ meetingId: string }> },
) {
  const { meetingId } = await params;
  const actor = await getActor();
  if (!actor) return notFoundDownload(request);
  try {
    return fileResponse(await protocolFile(actor, meetingId), "beslutsprotokoll.pdf");
  } catch (error) {
    if (error instanceof DomainError) return notFoundDownload(request);
    throw error;
  }
}
