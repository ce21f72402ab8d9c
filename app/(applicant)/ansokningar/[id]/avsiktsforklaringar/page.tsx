import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePageRole } from "@/lib/server/actor";
import { getForApplicant } from "@/lib/server/applications";
import { orNotFound } from "@/lib/server/page";
import { applicantMayEdit } from "@/lib/domain/lifecycle";
import { formatDate, isoDate, type UiLocale } from "@/lib/domain/format";
import { LetterPanel } from "@/components/wizard/letter-panel";
import { sendLetterLinkAction } from "../actions";

export async function generateMetadata() {
  return { title: (await getTranslations("letters"))("title") };
}

export default async function LettersPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageRole(["APPLICANT"]);
  const app = await orNotFound(getForApplicant(actor, id));
  const iso = (d: Date | null) => (d ? isoDate(d) : "");
  const t = await getTranslations("letters");
  const tw = await getTranslations("wizard");
  const locale = (await getLocale()) as UiLocale;
  return (
    <div>
      <p className="mb-2">
        <Link href={`/ansokningar/${id}`}>{tw("backToParts")}</Link>
      </p>
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="mt-2 mb-8 max-w-2xl text-lg text-muted">{t("lead")}</p>
      {app.partners.length === 0 ? (
        <p>
          {t.rich("addPartnersFirst", {
            link: (chunks) => <Link href={`/ansokningar/${id}/partner`}>{chunks}</Link>,
          })}
        </p>
      ) : null}
      {app.partners.map((p, index) => {
        const link = p.letter?.links[0];
        return (
          <LetterPanel
            key={p.id}
            applicationId={id}
            partnerIndex={index}
            sendLetterLink={sendLetterLinkAction}
            editable={applicantMayEdit(app.status)}
            period={{ start: iso(app.periodStart), end: iso(app.periodEnd) }}
            partner={{
              id: p.id,
              name: p.name,
              contactName: p.contactName ?? "",
              contactEmail: p.contactEmail ?? "",
            }}
            letter={
              p.letter
                ? {
                    status: p.letter.status,
                    channel: p.letter.channel,
                    competences: p.letter.competences,
                    resources: p.letter.resources,
                    from: iso(p.letter.fromDate),
                    to: iso(p.letter.toDate),
                    signedBy: p.letter.signedBy ?? "",
                    signedAt: p.letter.signedAt ? formatDate(p.letter.signedAt, locale) : "",
                    declinedReason: p.letter.declinedReason ?? "",
                    fileName: p.letter.file?.fileName ?? null,
                    linkSentTo: link && !link.usedAt && !link.revokedAt ? link.sentTo : null,
                    linkExpiresAt: link ? formatDate(link.expiresAt, locale) : null,
                  }
                : null
            }
          />
        );
      })}
    </div>
  );
}
