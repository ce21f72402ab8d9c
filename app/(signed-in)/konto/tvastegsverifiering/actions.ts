"use server";
import { requireRole } from "@/lib/server/actor";
import { parseInput, runAction } from "@/lib/server/action";
import { confirmEnrolment, regenerateRecoveryCodes } from "@/lib/server/two-factor";
import { markSessionSecondFactor } from "@/lib/server/session-token";
import { SecondFactorInput } from "@/lib/validation/auth";
import { STAFF_ROLES } from "@/lib/domain/roles";

/** Confirms the authenticator with a first code; the session then counts as signed in with two factors. */
export async function confirmEnrolmentAction(input: unknown) {
  return runAction(async () => {
    const actor = await requireRole(STAFF_ROLES, "two_factor", { awaiting: true });
    const { code } = parseInput(SecondFactorInput, input);
    const codes = await confirmEnrolment(actor, code);
    await markSessionSecondFactor(actor.id);
    return codes;
  });
}

export async function renewRecoveryCodesAction(input: unknown) {
  return runAction(async () => {
    const actor = await requireRole(STAFF_ROLES, "two_factor", { awaiting: true });
    const { code } = parseInput(SecondFactorInput, input);
    return regenerateRecoveryCodes(actor, code);
  });
}
