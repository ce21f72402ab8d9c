"use server";
import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/server/actor";
import { parseInput, runAction } from "@/lib/server/action";
import { acceptInvitation, createOrganisation, inviteMember } from "@/lib/server/organisations";
import { InviteMemberInput, OrganisationInput } from "@/lib/validation/organisation";

export async function createOrganisationAction(input: unknown) {
  return runAction(async () => {
    const org = await createOrganisation(
      await requireActor(),
      parseInput(OrganisationInput, input),
    );
    revalidatePath("/ansokningar");
    return org.id;
  });
}

export async function inviteMemberAction(organisationId: string, input: unknown) {
  return runAction(async () => {
    await inviteMember(
      await requireActor(),
      organisationId,
      parseInput(InviteMemberInput, input).email,
    );
    revalidatePath(`/organisationer/${organisationId}`);
  });
}

export async function acceptInvitationAction(token: string) {
  return runAction(async () => acceptInvitation(await requireActor(), token));
}
