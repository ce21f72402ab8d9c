import { NextResponse } from "next/server";
import { getActor } from "@/lib/server/actor";
import { submitApplication } from "@/lib/server/applications";
import {
  Conflict,
  DomainError,
  EmailNotVerified,
  Forbidden,
  NotFound,
  RuleViolation,
} from "@/lib/server/errors";
import { notFoundResponse } from "@/lib/server/file-response";
import { refuseForeignOrigin } from "@/lib/server/request-origin";

export const dynamic = "force-dynamic";

/**
 * Submits the caller's application (the same service as the form's button), for integrations and
 * for load tests of a deadline peak. Signed in by the session cookie; a request from another site
 * gets 403, a signed-out caller and anyone outside the organisation "not found". A repeated call
 * answers with the same reference number; a caller whose e-mail address is not
 * confirmed gets 403.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const foreign = refuseForeignOrigin(request);
  if (foreign) return foreign;
  const { id } = await params;
  const actor = await getActor();
  if (!actor) return notFoundResponse();
  try {
    const outcome = await submitApplication(actor, id);
    return NextResponse.json(outcome, { status: outcome.alreadySubmitted ? 200 : 201 });
  } catch (error) {
    if (error instanceof NotFound) return notFoundResponse();
    if (error instanceof RuleViolation)
      return NextResponse.json(
        { message: error.message, problems: error.problems },
        { status: 422 },
      );
    if (error instanceof EmailNotVerified)
      return NextResponse.json({ message: error.message, code: error.code }, { status: 403 });
    if (error instanceof Conflict || error instanceof Forbidden)
      return NextResponse.json({ message: error.message }, { status: 409 });
    if (error instanceof DomainError)
      return NextResponse.json({ message: error.message }, { status: 400 });
    throw error;
  }
}
