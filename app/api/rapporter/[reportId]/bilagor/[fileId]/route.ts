import { getActor } from "@/lib/server/actor";
import { reportAttachmentFile } from "@/lib/server/follow-up";
import { DomainError } from "@/lib/server/errors";
import { fileResponse, notFoundDownload } from "@/lib/server/file-response";

export const dynamic = "force-dynamic";

export async function GET(
  request: Request,
  { params }: { params: Promise<{ reportId: string; fileId: string }> },
) {
  const { reportId, fileId } = await params;
  const actor = await getActor();
  if (!actor) return notFoundDownload(request);
  try {
    return fileResponse(await reportAttachmentFile(actor, reportId, fileId), "bilaga.pdf");
  } catch (error) {
    if (error instanceof DomainError) return notFoundDownload(request);
    throw error;
  }
}
