import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeading } from "@/components/ui/page-heading";
import { AreaMessages } from "@/components/layout/area-messages";
import { MeetingBasis, type MeetingRow } from "@/components/meeting/meeting-basis";
import { requirePageRole } from "@/lib/server/actor";
import { orNotFound } from "@/lib/server/page";
import { decisionBasis, meetingRounds } from "@/lib/server/meeting";
import { STAFF_ROLES, hasAnyRole } from "@/lib/domain/roles";
import { formatDate, formatSek, type UiLocale } from "@/lib/domain/format";
import { LABELS } from "@/lib/domain/labels";
import { holdMeetingAction, moveCaseAction } from "./actions";

export async function generateMetadata() {
  return { title: (await getTranslations("meeting"))("metaTitle") };
}

/** The decision meeting of a round (docs/domain.md §7): its decision basis, and deciding it. */
export default async function MeetingPage({
  searchParams,
}: {
  searchParams: Promise<{ round?: string }>;
}) {
  const actor = await requirePageRole(STAFF_ROLES);
  const t = await getTranslations("meeting");
  const locale = (await getLocale()) as UiLocale;
  const { round } = await searchParams;

  if (!round) {
    const rounds = await meetingRounds(actor);
    return (
      <>
        <PageHeading title={t("chooseTitle")} lead={t("chooseLead")} />
        {rounds.length ? (
          <ul className="list-disc pl-6">
            {rounds.map((r) => (
              <li key={r.id}>
                <Link href={`/beslut/mote?round=${r.id}`}>
                  {r.title} ({r.year})
                </Link>{" "}
                – {t("proposedCount", { count: r.proposed })}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("noRounds")}</p>
        )}
      </>
    );
  }

  const basis = await orNotFound(decisionBasis(actor, round));
  const rows: MeetingRow[] = basis.rows.map((r) => ({
    id: r.id,
    version: r.version,
    referenceNumber: r.referenceNumber,
    standing: r.standing,
    hidden: r.hidden,
    title: r.title,
    organisation: r.organisation,
    track: r.track,
    trackLabel: r.track ? LABELS[locale].track[r.track] : "",
    countyCode: r.countyCode,
    county: r.county,
    meanScore: r.meanScore,
    support: r.support,
    requestedSek: r.requestedSek,
    proposal: r.proposal
      ? {
          outcome: r.proposal.outcome,
          amountSek: r.proposal.amountSek,
          presenter: r.proposal.presenter,
        }
      : null,
    moved: r.moved ? { reason: r.moved.reason, by: r.moved.by } : null,
  }));
  const canDecide = actor.roles.includes("DECIDER");
  return (
    <>
      <PageHeading
        title={t("title", { round: basis.round.title })}
        lead={canDecide ? t("leadDecider") : t("lead")}
      />
      <dl className="mb-6 grid max-w-2xl grid-cols-[auto_1fr] gap-x-6 gap-y-1">
        <dt className="font-semibold">{t("budget")}</dt>
        <dd>{formatSek(basis.round.budgetSek, locale)}</dd>
        <dt className="font-semibold">{t("approvedBefore")}</dt>
        <dd>{formatSek(basis.approvedBeforeSek, locale)}</dd>
        <dt className="font-semibold">{t("proposedCases")}</dt>
        <dd>{t("cases", { count: rows.length })}</dd>
      </dl>
      <AreaMessages namespaces={["meeting"]}>
        <MeetingBasis
          roundId={basis.round.id}
          rows={rows}
          frameLeftSek={basis.frameLeftSek}
          canDecide={canDecide}
          canMove={hasAnyRole(actor.roles, ["REVIEWER", "DECIDER"])}
          locale={locale}
          downloadBase="/api/beslut/mote/underlag"
          holdMeeting={holdMeetingAction}
          moveCase={moveCaseAction}
        />
      </AreaMessages>
      {basis.meetings.length ? (
        <section aria-labelledby="meetings-title" className="mt-10">
          <h2 id="meetings-title" className="text-xl font-bold">
            {t("meetingsTitle")}
          </h2>
          <ul className="mt-2 list-disc pl-6" data-testid="meetings">
            {basis.meetings.map((m) => (
              <li key={m.id}>
                <a href={`/api/beslut/mote/${m.id}/protokoll`}>
                  {t("protocolOf", { date: formatDate(m.heldOn, locale) })}
                </a>{" "}
                – {t("meetingSummary", { name: m.decider, count: m.cases })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
