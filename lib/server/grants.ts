import "server-only";
import { db } from "./db";

/** The public list of approved grants: no personal data (no contact persons, no e-mail addresses). */
export async function listApprovedGrants() {
  const decisions = await db.decision.findMany({
    where: { outcome: "APPROVED", correctedBy: null },
    orderBy: [{ decidedOn: "desc" }, { id: "asc" }],
    take: 500,
    select: {
      id: true,
      amountSek: true,
      decidedOn: true,
      application: {
        select: {
          referenceNumber: true, title: true, track: true, periodStart: true, periodEnd: true,
          organisation: { select: { name: true, municipalityCode: true } },
          areas: { select: { municipalityCode: true, name: true }, orderBy: { position: "asc" }, take: 1 },
        },
      },
    },
  });
  return decisions.map((d) => ({
    id: d.id,
    referenceNumber: d.application.referenceNumber,
    organisation: d.application.organisation.name,
    title: d.application.title,
    track: d.application.track,
    municipalityCode: d.application.areas[0]?.municipalityCode ?? d.application.organisation.municipalityCode,
    amountSek: d.amountSek ?? 0,
    periodStart: d.application.periodStart,
    periodEnd: d.application.periodEnd,
    decidedOn: d.decidedOn,
  }));
}
