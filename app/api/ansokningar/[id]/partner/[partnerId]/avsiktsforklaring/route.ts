import { NextResponse } from "next/server";
import { getActor } from "@/lib/server/actor";
import { letterFileForApplicant, MAX_LETTER_BYTES, uploadLetter } from "@/lib/server/letters";
import { toActionError } from "@/lib/server/action";
import { fileResponse, notFoundDownload } from "@/lib/server/file-response";
import { NotFound } from "@/lib/server/errors";
import { getForApplicant } from "@/lib/server/applications";
import { LetterUpload } from "@/lib/validation/draft";
import { readFormBody } from "@/lib/server/request-body";
import { refuseForeignOrigin } from "@/lib/server/request-origin";

export const dynamic = "force-dynamic";
type Params = { params: Promise<{ id: string; partnerId: string }> };

const problem = (status: number, message: string, errors: Record<string, string> = {}) =>
  NextResponse.json({ ok: false, message, errors }, { status });

/** Upload of a signed letter of intent (PDF, at most 10 MB), with its terms. */
export async function POST(request: Request, { params }: Params) {
  const foreign = refuseForeignOrigin(request);
  if (foreign) return foreign;
  const { id, partnerId } = await params;
  const actor = await getActor();
  if (!actor) return problem(404, "Sidan finns inte.");
  // Outsiders get "not found" before anything else is looked at.
  try {
    await getForApplicant(actor, id);
  } catch (error) {
    if (error instanceof NotFound) return problem(404, "Sidan finns inte.");
    throw error;
  }
  // Refuse a large body before parsing it: 10 MB for the file plus room for the form fields.
  const body = await readFormBody(request, MAX_LETTER_BYTES + 64 * 1024);
  if (!body.ok)
    return problem(413, "Filen är större än 10 MB. Spara den i lägre upplösning och försök igen.", {
      file: "Filen är större än 10 MB.",
    });
  const form = body.form;
  if (!form) return problem(400, "Uppladdningen kunde inte läsas. Försök igen.");
  const file = form.get("file");
  const fields = Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string"));
  const parsed = LetterUpload.safeParse(fields);
  const errors: Record<string, string> = {};
  if (!(file instanceof File) || file.size === 0)
    errors.file = "Välj den underskrivna avsiktsförklaringen som PDF.";
  if (!parsed.success)
    for (const issue of parsed.error.issues) errors[issue.path.join(".")] ??= issue.message;
  if (Object.keys(errors).length) return problem(400, "Det finns fel i formuläret.", errors);
  try {
    const data = Buffer.from(await (file as File).arrayBuffer());
    await uploadLetter(actor, id, partnerId, data, (file as File).name, parsed.data!);
    return NextResponse.json({ ok: true });
  } catch (error) {
    const answer = toActionError(error);
    return NextResponse.json(answer, { status: error instanceof NotFound ? 404 : 400 });
  }
}

/** The uploaded PDF, for members of the applying organisation; served as an attachment. */
export async function GET(request: Request, { params }: Params) {
  const { id, partnerId } = await params;
  const actor = await getActor();
  if (!actor) return notFoundDownload(request);
  try {
    return fileResponse(
      await letterFileForApplicant(actor, id, partnerId),
      "avsiktsforklaring.pdf",
    );
  } catch (error) {
    if (error instanceof NotFound) return notFoundDownload(request);
    throw error;
  }
}
