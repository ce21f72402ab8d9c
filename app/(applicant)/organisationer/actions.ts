"use server";
import { revalidatePath } from "next/cache";
import { requireActor, requireRole } from "@/lib/server/actor";
import { parseInput, runAction } from "@/lib/server/action";
import {
  acceptInvitation,
  createOrganisation,
  decideMembershipRequest,
  findOrganisationToJoin,
  getMyOrganisation,
  inviteMember,
  requestMembership,
  saveBoard,
  requireMembershipRequest,
} from "@/lib/server/organisations";
import { BoardInput } from "@/lib/validation/people";
import {
  DecideMembershipRequestInput,
  FindOrganisationInput,
  InviteMemberInput,
  JoinOrganisationInput,
  OrganisationInput,
} from "@/lib/validation/organisation";

export async function createOrganisationAction(input: unknown) {
  return runAction(async () => {
    await requireRole(["APPLICANT"], "organisation.create");
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
    await getMyOrganisation(await requireActor(), organisationId);
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

/** Finds an organisation by its number, to confirm before asking to join it. */
export async function findOrganisationToJoinAction(input: unknown) {
  return runAction(async () => {
    await requireRole(["APPLICANT"], "organisation.join");
    return findOrganisationToJoin(
      await requireActor(),
      parseInput(FindOrganisationInput, input).orgNumber,
    );
  });
}

export async function requestMembershipAction(input: unknown) {
  return runAction(async () => {
    await requireRole(["APPLICANT"], "organisation.join");
    const { orgNumber, message } = parseInput(JoinOrganisationInput, input);
    const answer = await requestMembership(await requireActor(), orgNumber, message);
    revalidatePath("/ansokningar");
    return answer;
  });
}

export async function decideMembershipRequestAction(input: unknown) {
  return runAction(async () => {
    const raw = input as { requestId?: unknown } | null;
    await requireMembershipRequest(await requireActor(), raw?.requestId);
    const { requestId, approve } = parseInput(DecideMembershipRequestInput, input);
    const answer = await decideMembershipRequest(await requireActor(), requestId, approve);
    revalidatePath(`/organisationer/${answer.organisationId}`);
    return { approved: answer.approved, name: answer.name };
  });
}

export async function saveBoardAction(organisationId: string, input: unknown) {
  return runAction(async () => {
    await getMyOrganisation(await requireActor(), organisationId);
    await saveBoard(await requireActor(), organisationId, parseInput(BoardInput, input));
    revalidatePath(`/organisationer/${organisationId}`);
  });
}
