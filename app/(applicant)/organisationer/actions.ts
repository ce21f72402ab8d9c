"use server";
import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/server/actor";
import { runAction } from "@/lib/server/action";
import { RuleViolation } from "@/lib/server/errors";
import { acceptInvitation, createOrganisation, inviteMember } from "@/lib/server/organisations";
import { InviteMemberInput, OrganisationInput } from "@/lib/validation/organisation";

const invalid = (issues: { path: PropertyKey[]; message: string }[]) =>
  new RuleViolation(issues.map((i) => ({ code: "INVALID_FIELD", path: i.path.join("."), message: i.message })));

export async function createOrganisationAction(input: unknown) {
  return runAction(async () => {
    const parsed = OrganisationInput.safeParse(input);
    if (!parsed.success) throw invalid(parsed.error.issues);
    const org = await createOrganisation(await requireActor(), parsed.data);
    revalidatePath("/ansokningar");
    return org.id;
  });
}

export async function inviteMemberAction(organisationId: string, input: unknown) {
  return runAction(async () => {
    const parsed = InviteMemberInput.safeParse(input);
    if (!parsed.success) throw invalid(parsed.error.issues);
    await inviteMember(await requireActor(), organisationId, parsed.data.email);
    revalidatePath(`/organisationer/${organisationId}`);
  });
}

export async function acceptInvitationAction(token: string) {
  return runAction(async () => acceptInvitation(await requireActor(), token));
}
