import { getActor } from "@/lib/server/actor";
import { decisionLetterFile } from "@/lib/server/review";
import { DomainError } from "@/lib/server/errors";
import { fileResponse, notFoundDownload } from "@/lib/server/file-response";

export const dynamic = "force-dynamic";

/** The decision letter, for members of the applying organisation and officers who may open the case. */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ decisionId: string }> },
) {
  const { decisionId } = await params;
  const actor = await getActor();
  if (!actor) return notFoundDownload(request);
  try {
    return fileResponse(await decisionLetterFile(actor, decisionId), "beslutsbrev.pdf");
  } catch (error) {
    if (error instanceof DomainError) return notFoundDownload(request);
    throw error;
  }
}
