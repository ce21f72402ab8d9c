import Link from "next/link";
import { requirePageRole } from "@/lib/server/actor";
import { getForApplicant } from "@/lib/server/applications";
import { orNotFound } from "@/lib/server/page";
import { applicantMayEdit } from "@/lib/domain/lifecycle";
import { formatDate, isoDate } from "@/lib/domain/format";
import { LetterPanel } from "@/components/wizard/letter-panel";

export const metadata = { title: "Avsiktsförklaringar" };

export default async function LettersPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageRole(["APPLICANT"]);
  const app = await orNotFound(getForApplicant(actor, id));
  const iso = (d: Date | null) => (d ? isoDate(d) : "");
  return (
    <div>
      <p className="mb-2"><Link href={`/ansokningar/${id}`}>Tillbaka till ansökans delar</Link></p>
      <h1 className="text-3xl font-bold">Avsiktsförklaringar</h1>
      <p className="mt-2 mb-8 max-w-2xl text-lg text-muted">
        Varje partner ska skriva under en avsiktsförklaring: vilken kompetens och vilka resurser partnern bidrar med, och under vilken period.
        Skicka en länk till partnerns kontaktperson, eller ladda upp en avsiktsförklaring som redan är underskriven.
      </p>
      {app.partners.length === 0 ? <p>Lägg först till partner under <Link href={`/ansokningar/${id}/partner`}>Partner</Link>.</p> : null}
      {app.partners.map((p) => {
        const link = p.letter?.links[0];
        return (
          <LetterPanel key={p.id} applicationId={id} editable={applicantMayEdit(app.status)} period={{ start: iso(app.periodStart), end: iso(app.periodEnd) }}
            partner={{ id: p.id, name: p.name, contactName: p.contactName ?? "", contactEmail: p.contactEmail ?? "" }}
            letter={p.letter ? {
              status: p.letter.status, channel: p.letter.channel, competences: p.letter.competences, resources: p.letter.resources,
              from: iso(p.letter.fromDate), to: iso(p.letter.toDate), signedBy: p.letter.signedBy ?? "", signedAt: p.letter.signedAt ? formatDate(p.letter.signedAt) : "",
              declinedReason: p.letter.declinedReason ?? "", fileName: p.letter.file?.fileName ?? null,
              linkSentTo: link && !link.usedAt && !link.revokedAt ? link.sentTo : null, linkExpiresAt: link ? formatDate(link.expiresAt) : null,
            } : null} />
        );
      })}
    </div>
  );
}
