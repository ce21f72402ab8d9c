"use server";
import { getActor, requireActor } from "@/lib/server/actor";
import { parseInput, runAction } from "@/lib/server/action";
import {
  confirmEmail,
  findConfirmationLink,
  resendConfirmationLink,
} from "@/lib/server/email-verification";
import { NotFound } from "@/lib/server/errors";
import { ConfirmEmailInput } from "@/lib/validation/auth";

/**
 * Public: the link's token and, unless the person is signed in to that account, the password
 * chosen at registration are the credential (lib/server/email-verification.ts).
 */
export async function confirmEmailAction(token: string, values: { password?: string }) {
  return runAction(async () => {
    const actor = await getActor();
    // Before the password is read: a link that does not exist is "not found", whatever was sent.
    if ((await findConfirmationLink(token, null)).state === "unknown") throw new NotFound();
    const password =
      values.password === undefined ? undefined : parseInput(ConfirmEmailInput, values).password;
    // No revalidation: this page would be drawn again saying the link is used; the form shows
    // the outcome and refreshes as the person goes on.
    return confirmEmail(token, actor, password);
  });
}

/** The signed-in person asks for a new confirmation link (a few an hour). */
export async function resendConfirmationAction() {
  return runAction(async () => resendConfirmationLink(await requireActor()));
}
