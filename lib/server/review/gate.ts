import "server-only";
import type { Actor } from "../actor";
import { submittedApplication } from "./case-access";

/** What an officer may see before the conflict declaration: reference, organisation and partners' names. */
export async function gateInfo(actor: Actor, id: string) {
  const app = await submittedApplication(actor, id, "application.gate");
  return {
    id: app.id,
    referenceNumber: app.referenceNumber,
    status: app.status,
    organisation: app.organisation.name,
    orgNumber: app.organisation.orgNumber,
    partners: app.partners.map((p) => p.name),
    declaration: app.conflicts[0] ?? null,
  };
}
