import "server-only";
import type { Actor } from "../actor";
import { submittedApplication } from "./case-access";

/**
 * What an officer may see before the conflict declaration: the reference, the organisation with
 * its board and signatories, the contact person and the partners (with their contact persons) –
 * the people and organisations a conflict of interest could concern, and nothing of the content.
 */
export async function gateInfo(actor: Actor, id: string) {
  const app = await submittedApplication(actor, id, "application.gate");
  return {
    id: app.id,
    referenceNumber: app.referenceNumber,
    status: app.status,
    organisation: app.organisation.name,
    orgNumber: app.organisation.orgNumber,
    board: app.organisation.boardMembers,
    contact: app.contactName
      ? { name: app.contactName, email: app.contactEmail, phone: app.contactPhone }
      : null,
    partners: app.partners,
    declaration: app.conflicts[0] ?? null,
  };
}
