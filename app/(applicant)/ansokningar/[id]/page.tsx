import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePageRole, type Actor } from "@/lib/server/actor";
import {
  draftOf,
  getForApplicant,
  keptDraft,
  roundOf,
  timelineFor,
} from "@/lib/server/applications";
import { orNotFound } from "@/lib/server/page";
import { withKeptProblems } from "@/lib/validation/draft-fields";

import {
  checkDraft,
  partStatuses,
  PARTS,
  type Part,
  type PartStatus,
} from "@/lib/domain/application-parts";
import { applicantMayEdit, applicantMayWithdraw } from "@/lib/domain/lifecycle";
import { todayInStockholm } from "@/lib/domain/dates";
import { formatDate, formatDateTime, formatSek, type UiLocale } from "@/lib/domain/format";
import { label } from "@/lib/domain/labels";
import { Checklist } from "@/components/wizard/checklist";
import { StatusTag } from "@/components/applications/status-tag";
import { WithdrawForm } from "@/components/applications/withdraw-form";
import { withdrawApplicationAction } from "./actions";
import { Tag } from "@/components/ui/tag";
import { ButtonLink } from "@/components/ui/button";

export async function generateMetadata() {
  return { title: (await getTranslations("applications"))("metaTitle") };
}

const PART_TONE: Record<PartStatus, "neutral" | "blue" | "green" | "red"> = {
  NOT_STARTED: "neutral",
  IN_PROGRESS: "blue",
  DONE: "green",
  NEEDS_ACTION: "red",
};

// Audit actions shown to the applicant, and their keys in the "applications.timeline" messages.
const TIMELINE_KEY: Record<string, string> = {
  "application.created": "created",
  "application.submitted": "submitted",
  "application.review_started": "reviewStarted",
  "application.complement_requested": "complementRequested",
  "application.completed": "completed",
  "application.withdrawn": "withdrawn",
  "decision.made": "decisionMade",
};

export default async function ApplicationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageRole(["APPLICANT"]);
  const app = await orNotFound(getForApplicant(actor, id));
  const editable = applicantMayEdit(app.status);
  const openRequest = app.complementRequests.find((r) => !r.answeredAt);
  const t = await getTranslations("applications");
  const ta = await getTranslations("applicant");
  const locale = (await getLocale()) as UiLocale;

  return (
    <div>
      <p className="mb-2">
        <Link href="/ansokningar">{ta("title")}</Link>
      </p>
      <p className="text-muted">
        {app.organisation.name} · {app.round.title}
      </p>
      <h1 className="text-3xl font-bold">{app.title || t("untitledDraft")}</h1>
      <p className="mt-3 flex flex-wrap items-center gap-3">
        <StatusTag status={app.status} />
        {app.referenceNumber ? (
          <span>
            {ta("reference")} <strong data-testid="reference-number">{app.referenceNumber}</strong>
          </span>
        ) : null}
        {app.track ? <span>{label(locale, "track", app.track)}</span> : null}
      </p>

      {openRequest ? (
        <section
          aria-labelledby="complement-title"
          className="mt-6 border-4 border-[#ffbf47] bg-warning-bg p-4"
        >
          <h2 id="complement-title" className="text-xl font-bold">
            {t("complementTitle")}
          </h2>
          <p className="mt-2 whitespace-pre-line" data-testid="complement-message">
            {openRequest.message}
          </p>
          {openRequest.dueDate ? (
            <p className="mt-2 font-semibold">
              {t("complementDue", { date: formatDate(openRequest.dueDate, locale) })}
            </p>
          ) : null}
          <p className="mt-2">{t("complementHowTo")}</p>
        </section>
      ) : null}

      {editable ? <TaskList app={app} /> : <Status app={app} actor={actor} />}
    </div>
  );
}

async function TaskList({ app }: { app: Awaited<ReturnType<typeof getForApplicant>> }) {
  const { draft } = draftOf(app);
  // Values typed but not valid yet count as problems of their part until they are fixed.
  const kept = keptDraft(app);
  const problems = withKeptProblems(
    checkDraft(draft, { today: todayInStockholm(), round: roundOf(app) }),
    kept,
  );
  const statuses = partStatuses(
    draft,
    problems,
    app.status === "COMPLEMENT_REQUESTED" ? new Set(PARTS) : new Set(Object.keys(kept) as Part[]),
  );
  const t = await getTranslations("applications");
  const tw = await getTranslations("wizard");
  // What the partner part still waits for, and on whom: the partner's contact, or the applicant.
  const now = new Date();
  const waiting = app.partners.flatMap((p, i) => {
    const partner = p.name || tw("partners.legend", { number: i + 1 });
    const link = p.letter?.links[0];
    const contact = p.contactName || link?.sentTo || "";
    if (!p.letter) return [t("letterNotRequested", { partner })];
    if (p.letter.status === "DECLINED") return [t("letterDeclined", { partner })];
    if (p.letter.status !== "PENDING") return [];
    if (link && !link.usedAt && (link.revokedAt || link.expiresAt < now))
      return [t("letterLinkExpired", { partner })];
    return [contact ? t("letterWaitingOn", { partner, contact }) : t("letterWaiting", { partner })];
  });
  return (
    <>
      <h2 className="mt-8 mb-3 text-2xl font-bold">{t("partsTitle")}</h2>
      <p className="mb-4 text-muted">{t("partsLead")}</p>
      <ol className="mb-8 divide-y divide-line border-y border-line" data-testid="task-list">
        {PARTS.map((part) => (
          <li key={part} className="flex flex-wrap items-center justify-between gap-2 py-3">
            <Link href={`/ansokningar/${app.id}/${part}`} className="text-lg font-semibold">
              {tw(`parts.${part}`)}
            </Link>
            <Tag tone={PART_TONE[statuses[part]]}>{tw(`partStatus.${statuses[part]}`)}</Tag>
            {part === "partner" && waiting.length ? (
              <ul className="w-full list-disc pl-6 text-muted" data-testid="partner-waiting">
                {waiting.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
        <li className="flex flex-wrap items-center justify-between gap-2 py-3">
          <Link
            href={`/ansokningar/${app.id}/avsiktsforklaringar`}
            className="text-lg font-semibold"
          >
            {t("lettersTask")}
          </Link>
          <span className="text-muted">
            {app.partners.length === 0
              ? t("addPartnersFirst")
              : t("lettersSigned", {
                  signed: app.partners.filter((p) => p.letter?.status === "SIGNED").length,
                  total: app.partners.length,
                })}
          </span>
        </li>
        <li className="flex flex-wrap items-center justify-between gap-2 py-3">
          <Link href={`/ansokningar/${app.id}/granska`} className="text-lg font-semibold">
            {t("reviewTask")}
          </Link>
          <Tag tone={problems.length ? "neutral" : "green"}>
            {problems.length ? t("cannotSubmitYet") : t("readyToSubmit")}
          </Tag>
        </li>
      </ol>
      <Checklist problems={problems} applicationId={app.id} />
      {applicantMayWithdraw(app.status) && app.status !== "DRAFT" ? (
        <WithdrawForm applicationId={app.id} withdraw={withdrawApplicationAction} />
      ) : null}
    </>
  );
}

async function Status({
  app,
  actor,
}: {
  app: Awaited<ReturnType<typeof getForApplicant>>;
  actor: Actor;
}) {
  const timeline = await timelineFor(actor, app.id);
  const decision = app.decisions[0];
  const t = await getTranslations("applications");
  const locale = (await getLocale()) as UiLocale;
  const date = (value: Date) => formatDate(value, locale);
  const sek = (value: number) => formatSek(value, locale);
  return (
    <>
      {decision ? (
        <section
          aria-labelledby="decision-title"
          className={`mt-6 border-l-4 p-4 ${decision.outcome === "APPROVED" ? "border-success bg-[#e6f2ec]" : "border-error bg-[#fbeae8]"}`}
        >
          <h2 id="decision-title" className="text-xl font-bold">
            {decision.outcome === "APPROVED"
              ? t("approvedAmount", { amount: sek(decision.amountSek ?? 0) })
              : t("rejected")}
          </h2>
          <p className="mt-1">{t("decidedOn", { date: date(decision.decidedOn) })}</p>
          <p className="mt-2 whitespace-pre-line">{decision.reasons}</p>
          {decision.letterFileId ? (
            <p className="mt-2">
              <a href={`/api/beslut/${decision.id}/beslutsbrev`}>{t("downloadDecisionLetter")}</a>
            </p>
          ) : null}
        </section>
      ) : null}
      {app.instalments.length ? (
        <section aria-labelledby="plan-title" className="mt-8">
          <h2 id="plan-title" className="mb-3 text-2xl font-bold">
            {t("paymentTitle")}
          </h2>
          <ul className="mb-4 list-disc pl-6" data-testid="instalments">
            {app.instalments.map((i) => (
              <li key={i.id}>
                {t("instalment", {
                  number: i.number,
                  amount: sek(i.amountSek),
                  date: date(i.dueDate),
                  status: t(`instalmentStatus.${i.status}`),
                })}
              </li>
            ))}
          </ul>
          <ul className="space-y-2" data-testid="reports">
            {app.reports.map((r) => (
              <li key={r.id}>
                {t.rich("reportLine", {
                  kind: t(`reportKind.${r.kind}`),
                  date: date(r.dueDate),
                  status: t(`reportStatus.${r.status}`),
                  link: (chunks) => (
                    <Link href={`/ansokningar/${app.id}/rapport/${r.id}`}>{chunks}</Link>
                  ),
                })}
              </li>
            ))}
          </ul>
          {app.repaymentClaims.map((c) => (
            <p
              key={c.id}
              className="mt-4 border-l-4 border-error pl-4"
              data-testid="repayment-claim"
            >
              {t.rich("repaymentClaim", {
                amount: sek(c.amountSek),
                date: date(c.dueDate),
                strong: (chunks) => <strong>{chunks}</strong>,
              })}{" "}
              {c.reasons}{" "}
              {c.status === "PAID"
                ? t("repaymentPaid")
                : t("repaymentLeft", {
                    amount: sek(c.amountSek - c.payments.reduce((sum, p) => sum + p.amountSek, 0)),
                  })}
            </p>
          ))}
        </section>
      ) : null}
      <section aria-labelledby="timeline-title" className="mt-8">
        <h2 id="timeline-title" className="mb-3 text-2xl font-bold">
          {t("timelineTitle")}
        </h2>
        <ol className="border-l-4 border-accent pl-6" data-testid="timeline">
          {timeline.map((event) => (
            <li key={event.id.toString()} className="mb-3">
              <p className="font-semibold">
                {TIMELINE_KEY[event.action]
                  ? t(`timeline.${TIMELINE_KEY[event.action]}`)
                  : event.action}
              </p>
              <p className="text-muted">{formatDateTime(event.at, locale)}</p>
            </li>
          ))}
        </ol>
      </section>
      {app.versions.length ? (
        <section aria-labelledby="versions-title" className="mt-8">
          <h2 id="versions-title" className="mb-3 text-2xl font-bold">
            {t("versionsTitle")}
          </h2>
          <ul className="list-disc pl-6">
            {app.versions.map((v) => (
              <li key={v.id}>
                {t("version", {
                  number: v.number,
                  reason: t(`versionReason.${v.reason}`),
                  date: formatDateTime(v.createdAt, locale),
                })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="letters-title" className="mt-8">
        <h2 id="letters-title" className="mb-3 text-2xl font-bold">
          {t("partnersTitle")}
        </h2>
        <ul className="list-disc pl-6">
          {app.partners.map((p) => (
            <li key={p.id}>
              {p.name}: {p.letter ? label(locale, "letterStatus", p.letter.status) : t("noLetter")}
            </li>
          ))}
        </ul>
      </section>
      {applicantMayWithdraw(app.status) ? (
        <div className="mt-8">
          <WithdrawForm applicationId={app.id} withdraw={withdrawApplicationAction} />
        </div>
      ) : null}
      <p className="mt-8">
        <ButtonLink href="/ansokningar" variant="secondary">
          {t("backToApplications")}
        </ButtonLink>
      </p>
    </>
  );
}
