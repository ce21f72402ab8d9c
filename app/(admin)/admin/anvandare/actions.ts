"use server";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/lib/server/actor";
import { parseInput, runAction } from "@/lib/server/action";
import { acceptStaffInvitation, inviteStaff, setDeactivated, setRoles } from "@/lib/server/users";
import { AcceptStaffInvitationInput, RolesInput, StaffInviteInput } from "@/lib/validation/users";
import { ROLES } from "@/lib/domain/roles";
import { resetTwoFactor } from "@/lib/server/two-factor";

const chosenRoles = (values: Record<string, unknown>) =>
  ROLES.filter((r) => values[`role_${r}`] === true);

export async function inviteStaffAction(values: Record<string, unknown>) {
  return runAction(async () => {
    await inviteStaff(
      await requireActor(),
      parseInput(StaffInviteInput, { ...values, roles: chosenRoles(values) }),
    );
  });
}

export async function setRolesAction(userId: string, values: Record<string, unknown>) {
  return runAction(async () => {
    await setRoles(
      await requireActor(),
      userId,
      parseInput(RolesInput, { roles: chosenRoles(values) }).roles,
    );
    revalidatePath("/admin/anvandare");
  });
}

export async function toggleDeactivatedAction(userId: string, deactivate: boolean) {
  return runAction(async () => {
    await setDeactivated(await requireActor(), userId, deactivate);
    revalidatePath("/admin/anvandare");
  });
}

/** A lost phone and lost recovery codes: the person enrols again at their next sign-in. */
export async function resetTwoFactorAction(userId: string) {
  return runAction(async () => {
    await resetTwoFactor(await requireActor(), userId);
    revalidatePath("/admin/anvandare");
  });
}

/** Public: the invitation token is the credential. */
export async function acceptStaffInvitationAction(token: string, values: Record<string, unknown>) {
  const result = await runAction(async () => {
    await acceptStaffInvitation(token, parseInput(AcceptStaffInvitationInput, values).password);
  });
  if (result.ok) return result;
  // The password rule is shared with registration and answers with keys of the "auth" texts.
  const t = await getTranslations("auth");
  const errors = Object.fromEntries(
    Object.entries(result.errors).map(([field, message]) => [
      field,
      t.has(message) ? t(message) : message,
    ]),
  );
  return { ...result, errors };
}
