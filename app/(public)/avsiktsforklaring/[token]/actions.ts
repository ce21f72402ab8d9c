"use server";
import { parseInput, runAction } from "@/lib/server/action";
import { answerLetterLink } from "@/lib/server/letters";
import { clientAddress, enforce } from "@/lib/server/rate-limit";
import { PartnerConfirmation, PartnerDecline } from "@/lib/validation/draft";

// No account: the personal token is the credential, and it works once.

const limit = async () => enforce("letter", await clientAddress());

export async function confirmLetterAction(token: string, input: unknown) {
  return runAction(async () => {
    await limit();
    await answerLetterLink(token, {
      confirm: true,
      signedBy: parseInput(PartnerConfirmation, input).signedBy,
    });
  });
}

export async function declineLetterAction(token: string, input: unknown) {
  return runAction(async () => {
    await limit();
    await answerLetterLink(token, {
      confirm: false,
      reason: parseInput(PartnerDecline, input).reason,
    });
  });
}
