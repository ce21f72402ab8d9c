import "server-only";
// The organisations service: creating one, its members, invitations and requests to join.
// Callers import "@/lib/server/organisations".
export { listMyOrganisations, getMyOrganisation, listMembers } from "./access";
export { createOrganisation } from "./create";
export { listBoard, saveBoard } from "./board";
export { inviteMember, findInvitation, acceptInvitation } from "./invitations";
export { findOrganisationToJoin } from "./find-to-join";
export { requestMembership } from "./request-membership";
export { listMembershipRequests, listMyMembershipRequests } from "./membership-requests";
export { decideMembershipRequest, requireMembershipRequest } from "./decide-membership-request";
