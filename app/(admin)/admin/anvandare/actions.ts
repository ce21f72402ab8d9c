"use server";
import { revalidatePath } from "next/cache";
import { requireActor, requireRole } from "@/lib/server/actor";
import { parseInput, runAction } from "@/lib/server/action";
import { inviteStaff, setDeactivated, setRoles } from "@/lib/server/users";
import { RolesInput, StaffInviteInput } from "@/lib/validation/users";
import { ROLES } from "@/lib/domain/roles";
import { resetTwoFactor } from "@/lib/server/two-factor";

const chosenRoles = (values: Record<string, unknown>) =>
  ROLES.filter((r) => values[`role_${r}`] === true);

export async function inviteStaffAction(values: Record<string, unknown>) {
  return runAction(async () => {
    await requireRole(["ADMIN"], "user.invite");
    await inviteStaff(
      await requireActor(),
      parseInput(StaffInviteInput, { ...values, roles: chosenRoles(values) }),
    );
  });
}

export async function setRolesAction(userId: string, values: Record<string, unknown>) {
  return runAction(async () => {
    await requireRole(["ADMIN"], "user.roles");
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
