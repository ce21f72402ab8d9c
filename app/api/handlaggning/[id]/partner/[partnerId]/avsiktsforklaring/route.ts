import { getActor } from "@/lib/server/actor";
import { letterFileForStaff } from "@/lib/server/review";
import { DomainError } from "@/lib/server/errors";
import { fileResponse, notFoundDownload } from "@/lib/server/file-response";

export const dynamic = "force-dynamic";

/** A letter of intent's PDF for an officer who has declared no conflict in the case. */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ id: string; partnerId: string }> },
) {
  const { id, partnerId } = await params;
  const actor = await getActor();
  if (!actor) return notFoundDownload(request);
  try {
    return fileResponse(await letterFileForStaff(actor, id, partnerId), "avsiktsforklaring.pdf");
  } catch (error) {
    if (error instanceof DomainError) return notFoundDownload(request);
    throw error;
  }
}
