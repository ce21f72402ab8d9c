import { NextResponse } from "next/server";
import { getActor } from "@/lib/server/actor";
import {
  addReportAttachment,
  getReportForApplicant,
  MAX_ATTACHMENT_BYTES,
} from "@/lib/server/follow-up";
import { toActionError } from "@/lib/server/action";
import { NotFound } from "@/lib/server/errors";
import { notFoundResponse } from "@/lib/server/file-response";
import { readFormBody } from "@/lib/server/request-body";
import { refuseForeignOrigin } from "@/lib/server/request-origin";

export const dynamic = "force-dynamic";

/** Upload of a PDF attachment to a report; a body over the size is refused while it is read, before it is parsed. */
export async function POST(
  request: Request,
  { params }: { params: Promise<{ reportId: string }> },
) {
  const foreign = refuseForeignOrigin(request);
  if (foreign) return foreign;
  const { reportId } = await params;
  const actor = await getActor();
  if (!actor) return notFoundResponse();
  try {
    await getReportForApplicant(actor, reportId);
  } catch (error) {
    if (error instanceof NotFound) return notFoundResponse();
    throw error;
  }
  // 10 MB for the file plus room for the form's framing; refused before it is parsed.
  const body = await readFormBody(request, MAX_ATTACHMENT_BYTES + 64 * 1024);
  if (!body.ok)
    return NextResponse.json(
      {
        ok: false,
        message: "Filen är större än 10 MB.",
        errors: { file: "Filen är större än 10 MB." },
      },
      { status: 413 },
    );
  const file = body.form?.get("file");
  if (!(file instanceof File) || !file.size)
    return NextResponse.json(
      { ok: false, message: "Välj en PDF-fil.", errors: { file: "Välj en PDF-fil." } },
      { status: 400 },
    );
  try {
    await addReportAttachment(actor, reportId, Buffer.from(await file.arrayBuffer()), file.name);
    return NextResponse.json({ ok: true });
  } catch (error) {
    return NextResponse.json(toActionError(error), {
      status: error instanceof NotFound ? 404 : 400,
    });
  }
}
