"use server";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/server/actor";
import { parseInput, runAction } from "@/lib/server/action";
import { NotFound } from "@/lib/server/errors";
import {
  acceptStaffInvitation,
  acceptStaffInvitationAsUser,
  findStaffInvitation,
} from "@/lib/server/users";
import { AcceptStaffInvitationInput } from "@/lib/validation/users";

// Accepting a staff invitation. The token is the credential for the roles only: a new address
// chooses its password here, an existing account accepts while signed in as itself. Both end on
// the success page (the invitation page itself says "used" once it is accepted).

/** A new address: the account is created with the chosen password. */
export async function acceptStaffInvitationAction(token: string, values: Record<string, unknown>) {
  const result = await runAction(async () => {
    // Before the password is read: a token that does not exist is "not found", whatever was sent.
    if ((await findStaffInvitation(token)).state === "unknown") throw new NotFound();
    const { password } = parseInput(AcceptStaffInvitationInput, values);
    await acceptStaffInvitation(token, password);
  });
  if (!result.ok) {
    // The password rules speak in keys of "auth" (shared with registration).
    const t = await getTranslations("auth");
    const errors = Object.fromEntries(
      Object.entries(result.errors).map(([field, key]) => [field, t.has(key) ? t(key) : key]),
    );
    return { ...result, errors };
  }
  redirect("/personal/valkommen?konto=nytt");
}

/** An existing account, signed in as itself: the roles are added and its sessions end. */
export async function acceptStaffInvitationAsUserAction(token: string) {
  const result = await runAction(async () =>
    acceptStaffInvitationAsUser(await requireActor(), token),
  );
  if (!result.ok) return result;
  redirect("/personal/valkommen?konto=befintligt");
}
