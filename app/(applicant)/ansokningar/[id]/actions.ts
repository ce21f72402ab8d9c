"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireActor } from "@/lib/server/actor";
import { parseInput, runAction } from "@/lib/server/action";
import {
  requireApplicationMember,
  saveDraftPart,
  submitApplication,
  withdrawApplication,
} from "@/lib/server/applications";
import { sendLetterLink } from "@/lib/server/letters";
import { RuleViolation } from "@/lib/server/errors";
import { LetterRequest, WithdrawalInput, type PartName } from "@/lib/validation/draft";
import { PARTS } from "@/lib/domain/application-parts";

// Thin: who is calling and whether they are a member (outsiders get "not found" whatever they
// sent), then the service, which checks what they may do to which application.

export async function saveDraftPartAction(
  applicationId: string,
  version: number,
  part: PartName,
  data: unknown,
) {
  return runAction(async () => {
    await requireApplicationMember(await requireActor(), applicationId);
    if (!PARTS.includes(part))
      throw new RuleViolation([
        { code: "INVALID_FIELD", path: "part", message: "Okänd del av ansökan." },
      ]);
    const actor = await requireActor();
    // No revalidation: the form on screen is the newest copy, and the other pages of the
    // application are rendered afresh when the person goes to them.
    return saveDraftPart(actor, applicationId, version, part, data);
  });
}

/** On success the server sends the browser to the confirmation page (in the same response, so nothing races it). */
export async function submitApplicationAction(applicationId: string) {
  const result = await runAction(async () =>
    submitApplication(await requireActor(), applicationId),
  );
  if (!result.ok) return result;
  revalidatePath(`/ansokningar/${applicationId}`, "layout");
  redirect(`/ansokningar/${applicationId}/skickad`);
}

export async function withdrawApplicationAction(applicationId: string, reason: string) {
  return runAction(async () => {
    const actor = await requireActor();
    await requireApplicationMember(actor, applicationId);
    const { reason: why } = parseInput(WithdrawalInput, { reason });
    await withdrawApplication(actor, applicationId, why);
    revalidatePath(`/ansokningar/${applicationId}`, "layout");
  });
}

export async function sendLetterLinkAction(
  applicationId: string,
  partnerId: string,
  input: unknown,
  reminder: boolean,
) {
  return runAction(async () => {
    await requireApplicationMember(await requireActor(), applicationId);
    const terms = parseInput(LetterRequest, input);
    await sendLetterLink(await requireActor(), applicationId, partnerId, terms, reminder);
    revalidatePath(`/ansokningar/${applicationId}`, "layout");
  });
}
