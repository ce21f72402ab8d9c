"use server";
import { runAction } from "@/lib/server/action";
import { answerLetterLink } from "@/lib/server/letters";
import { RuleViolation } from "@/lib/server/errors";
import { PartnerConfirmation, PartnerDecline } from "@/lib/validation/draft";

// No account: the personal token is the credential, and it works once.
const invalid = (issues: { path: PropertyKey[]; message: string }[]) =>
  new RuleViolation(issues.map((i) => ({ code: "INVALID_FIELD", path: i.path.join("."), message: i.message })));

export async function confirmLetterAction(token: string, input: unknown) {
  return runAction(async () => {
    const parsed = PartnerConfirmation.safeParse(input);
    if (!parsed.success) throw invalid(parsed.error.issues);
    await answerLetterLink(token, { confirm: true, signedBy: parsed.data.signedBy });
  });
}

export async function declineLetterAction(token: string, input: unknown) {
  return runAction(async () => {
    const parsed = PartnerDecline.safeParse(input);
    if (!parsed.success) throw invalid(parsed.error.issues);
    await answerLetterLink(token, { confirm: false, reason: parsed.data.reason });
  });
}
