"use server";
import { parseInput, runAction } from "@/lib/server/action";
import { answerLetterLink, findLetterLink } from "@/lib/server/letters";
import { NotFound } from "@/lib/server/errors";
import { clientAddress, enforce } from "@/lib/server/rate-limit";
import { PartnerConfirmation, PartnerDecline } from "@/lib/validation/draft";

// No account: the personal token is the credential, and it works once.

const limit = async () => enforce("letter", await clientAddress());
/** Before the answer is read: a link that does not exist is "not found", whatever was sent. */
const known = async (token: string) => {
  if ((await findLetterLink(token)).state === "unknown") throw new NotFound();
};

export async function confirmLetterAction(token: string, input: unknown) {
  return runAction(async () => {
    await limit();
    await known(token);
    await answerLetterLink(token, {
      confirm: true,
      signedBy: parseInput(PartnerConfirmation, input).signedBy,
    });
  });
}

export async function declineLetterAction(token: string, input: unknown) {
  return runAction(async () => {
    await limit();
    await known(token);
    await answerLetterLink(token, {
      confirm: false,
      reason: parseInput(PartnerDecline, input).reason,
    });
  });
}
