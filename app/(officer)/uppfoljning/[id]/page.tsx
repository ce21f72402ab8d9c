import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePageRole } from "@/lib/server/actor";
import { grantForOfficer } from "@/lib/server/follow-up";
import { orNotFound } from "@/lib/server/page";
import { formatDate, formatDateTime, formatSek, isoDate, type UiLocale } from "@/lib/domain/format";
import { LABELS } from "@/lib/domain/labels";
import { PageHeading } from "@/components/ui/page-heading";
import { SimpleForm } from "@/components/ui/simple-form";
import { Tag } from "@/components/ui/tag";
import { todayInStockholm } from "@/lib/domain/dates";
import { claimOverdue, instalmentOverdue } from "@/lib/domain/payments";
import { EXAMPLE_PARTS } from "@/lib/domain/learning-examples";
import {
  approveExampleAction,
  exampleChangesAction,
  unpublishExampleAction,
  acceptReportAction,
  attestAction,
  decideRepaymentAction,
  dueDateAction,
  releaseAction,
  repaymentAction,
  repaymentPaymentAction,
  reportCompletionAction,
} from "../actions";

export async function generateMetadata() {
  return { title: (await getTranslations("followUp.grant"))("metaTitle") };
}

export default async function GrantFollowUpPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageRole(["REVIEWER", "DECIDER", "ADMIN"]);
  const g = await orNotFound(grantForOfficer(actor, id));
  const officer = actor.roles.includes("REVIEWER") || actor.roles.includes("ADMIN");
  const t = await getTranslations("followUp.grant");
  const ta = await getTranslations("applications");
  const tl = await getTranslations("followUp.list");
  const locale = (await getLocale()) as UiLocale;
  const categories: Record<string, string> = LABELS[locale].budgetCategory;
  const sek = (amount: number) => formatSek(amount, locale);
  const date = (value: Date) => formatDate(value, locale);
  const when = (value: Date | null) => (value ? formatDateTime(value, locale) : "–");
  const today = todayInStockholm();
  const decider = actor.roles.includes("DECIDER");
  const finance = actor.roles.includes("ADMIN");
  return (
    <>
      <p className="mb-2">
        <Link href="/uppfoljning">{t("back")}</Link>
      </p>
      <PageHeading
        title={`${g.referenceNumber} – ${g.title}`}
        lead={t("lead", {
          organisation: g.organisation.name,
          amount: sek(g.decisions[0]?.amountSek ?? 0),
          accountType: g.organisation.payoutType === "PLUSGIRO" ? t("plusgiro") : t("bankgiro"),
          account: g.organisation.payoutAccount ?? "–",
        })}
      />
      <section aria-labelledby="instalments" className="mb-10">
        <h2 id="instalments" className="mb-3 text-2xl font-bold">
          {t("instalments")}
        </h2>
        <ul className="space-y-3">
          {g.instalments.map((i) => (
            <li
              key={i.id}
              className="border-l-4 border-line pl-4"
              data-testid={`instalment-${i.number}`}
            >
              <p>
                {t.rich("instalment", {
                  number: i.number,
                  amount: sek(i.amountSek),
                  date: date(i.dueDate),
                  status: tl(`instalmentStatus.${i.status}`),
                  strong: (chunks) => <strong>{chunks}</strong>,
                })}
              </p>
              {instalmentOverdue({ status: i.status, dueDate: isoDate(i.dueDate) }, today) ? (
                <p>
                  <Tag tone="red">{t("overdueTag")}</Tag>
                </p>
              ) : null}
              <ul className="text-sm text-muted" data-testid={`instalment-${i.number}-trail`}>
                {i.releasedAt ? (
                  <li>
                    {t("releasedBy", { name: g.nameOf(i.releasedById), at: when(i.releasedAt) })}
                  </li>
                ) : null}
                {i.attestedAt ? (
                  <li>
                    {t("attestedBy", { name: g.nameOf(i.attestedById), at: when(i.attestedAt) })}
                  </li>
                ) : null}
                {i.exportedAt ? <li>{t("exportedAt", { at: when(i.exportedAt) })}</li> : null}
                {i.paidAt ? (
                  <li>{t("paidBy", { name: g.nameOf(i.paidById), at: when(i.paidAt) })}</li>
                ) : null}
              </ul>
              {i.status === "PLANNED" && i.blocked ? (
                <p className="text-muted">{t("blocked")}</p>
              ) : null}
              {officer && i.status === "PLANNED" && !i.blocked ? (
                <SimpleForm
                  id={`release-${i.number}`}
                  fields={[]}
                  submitLabel={t("release", { number: i.number })}
                  action={releaseAction.bind(null, i.id)}
                />
              ) : null}
              {i.status === "RELEASED" && i.releasedById === actor.id ? (
                <p className="text-muted">{t("awaitingSecondPerson")}</p>
              ) : null}
              {i.status === "RELEASED" && i.releasedById !== actor.id ? (
                <SimpleForm
                  id={`attest-${i.number}`}
                  fields={[]}
                  submitLabel={t("attest", { number: i.number })}
                  action={attestAction.bind(null, i.id)}
                />
              ) : null}
              {i.status === "ATTESTED" && finance ? (
                <p>
                  <Link href="/admin/betalningar">{t("toPayments")}</Link>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="reports" className="mb-10">
        <h2 id="reports" className="mb-3 text-2xl font-bold">
          {t("reports")}
        </h2>
        {g.reports.map((r) => (
          <article
            key={r.id}
            className="mb-8 border-l-4 border-accent pl-4"
            data-testid={`report-${r.kind}-${isoDate(r.dueDate)}`}
          >
            <h3 className="text-xl font-bold">
              {t("reportTitle", { kind: ta(`reportKind.${r.kind}`), date: date(r.dueDate) })}
            </h3>
            <p className="font-semibold">{t(`reportStatus.${r.status}`)}</p>
            {r.submittedAt ? (
              <dl className="my-2 grid grid-cols-[auto_1fr] gap-x-4 text-sm">
                <dt>{t("meetings")}</dt>
                <dd>{r.meetingsHeld ?? "–"}</dd>
                <dt>{t("participants")}</dt>
                <dd>
                  {t("participantsValue", {
                    women: String(r.participantsWomen ?? 0),
                    men: String(r.participantsMen ?? 0),
                    other: String(r.participantsOther ?? 0),
                  })}
                </dd>
                <dt>{t("collaboration")}</dt>
                <dd>
                  {r.collaborationsStarted ?? 0}{" "}
                  {r.collaborationsNote ? `– ${r.collaborationsNote}` : ""}
                </dd>
                <dt>{t("spent")}</dt>
                <dd>
                  {Object.entries((r.spending ?? {}) as Record<string, number>)
                    .map(([c, n]) => `${categories[c]}: ${sek(n)}`)
                    .join(", ")}
                </dd>
                <dt>{t("unspent")}</dt>
                <dd>{sek(r.unspentSek ?? 0)}</dd>
                <dt>{t("done")}</dt>
                <dd className="whitespace-pre-line">{r.whatWasDone}</dd>
                <dt>{t("forResidents")}</dt>
                <dd className="whitespace-pre-line">{r.resultsForResidents}</dd>
                <dt>{t("lessons")}</dt>
                <dd className="whitespace-pre-line">{r.lessonsLearned}</dd>
                <dt>{t("continuation")}</dt>
                <dd className="whitespace-pre-line">{r.continuation}</dd>
              </dl>
            ) : null}
            {officer && r.status === "SUBMITTED" ? (
              <div className="mt-3 grid gap-6 sm:grid-cols-2">
                <SimpleForm
                  id={`accept-${r.id}`}
                  fields={[]}
                  submitLabel={t("accept")}
                  action={acceptReportAction.bind(null, r.id)}
                />
                <SimpleForm
                  id={`complete-${r.id}`}
                  submitLabel={t("requestCompletion")}
                  variant="secondary"
                  action={reportCompletionAction.bind(null, r.id)}
                  fields={[{ name: "message", type: "textarea", label: t("whatIsMissing") }]}
                />
              </div>
            ) : null}
            {r.learningExample ? (
              <ExampleReview example={r.learningExample} officer={officer} />
            ) : null}
            {officer && r.status !== "ACCEPTED" ? (
              <details className="mt-3">
                <summary className="cursor-pointer">{t("changeDueDate")}</summary>
                <SimpleForm
                  id={`due-${r.id}`}
                  submitLabel={t("saveDate")}
                  action={dueDateAction.bind(null, r.id)}
                  fields={[
                    {
                      name: "dueDate",
                      type: "date",
                      label: t("newDueDate"),
                      defaultValue: isoDate(r.dueDate),
                    },
                  ]}
                />
              </details>
            ) : null}
          </article>
        ))}
      </section>
      <section aria-labelledby="claims" className="mb-10">
        <h2 id="claims" className="mb-3 text-2xl font-bold">
          {t("claims")}
        </h2>
        {g.repaymentClaims.length ? null : <p className="mb-6">{t("noClaims")}</p>}
        <ul className="mb-6 space-y-4">
          {g.repaymentClaims.map((c) => {
            const paid = c.payments.reduce((sum, p) => sum + p.amountSek, 0);
            return (
              <li key={c.id} className="border-l-4 border-error pl-4" data-testid="claim">
                <p>
                  {t("claim", {
                    amount: sek(c.amountSek),
                    date: date(c.dueDate),
                    reasons: c.reasons,
                  })}
                </p>
                <p>
                  <Tag
                    tone={
                      c.status === "PROPOSED" ? "yellow" : c.status === "PAID" ? "green" : "neutral"
                    }
                  >
                    {t(`claimStatus.${c.status}`)}
                  </Tag>{" "}
                  {claimOverdue({ status: c.status, dueDate: isoDate(c.dueDate) }, today) ? (
                    <Tag tone="red">{t("overdueTag")}</Tag>
                  ) : null}
                </p>
                <ul className="text-sm text-muted">
                  <li>
                    {t("proposedBy", { name: g.nameOf(c.createdById), at: when(c.createdAt) })}
                  </li>
                  {c.decidedAt ? (
                    <li>
                      {t("decidedBy", { name: g.nameOf(c.decidedById), at: when(c.decidedAt) })}
                      {c.decisionNote ? ` – ${c.decisionNote}` : ""}
                    </li>
                  ) : null}
                  {c.status === "CLAIMED" || c.status === "PAID" ? (
                    <li>{t("claimPaid", { paid: sek(paid), left: sek(c.amountSek - paid) })}</li>
                  ) : null}
                </ul>
                {c.status === "PROPOSED" && decider && c.createdById !== actor.id ? (
                  <SimpleForm
                    id={`decide-claim-${c.id}`}
                    submitLabel={t("decideClaimSubmit")}
                    variant="warning"
                    action={decideRepaymentAction.bind(null, c.id)}
                    fields={[
                      {
                        name: "decision",
                        type: "radio",
                        label: t("claimDecision"),
                        options: [
                          { value: "CLAIM", label: t("claimDecisionClaim") },
                          { value: "REJECT", label: t("claimDecisionReject") },
                        ],
                      },
                      {
                        name: "note",
                        type: "textarea",
                        label: t("claimDecisionNote"),
                        optional: true,
                      },
                    ]}
                  />
                ) : null}
                {c.status === "PROPOSED" && c.createdById === actor.id ? (
                  <p className="text-muted">{t("claimAwaitingDecision")}</p>
                ) : null}
                {c.status === "CLAIMED" && finance ? (
                  <details className="mt-2">
                    <summary className="cursor-pointer">{t("recordRepayment")}</summary>
                    <SimpleForm
                      id={`claim-payment-${c.id}`}
                      submitLabel={t("recordRepaymentSubmit")}
                      action={repaymentPaymentAction.bind(null, c.id)}
                      fields={[
                        { name: "amountSek", type: "number", label: t("repaymentAmount") },
                        {
                          name: "receivedOn",
                          type: "date",
                          label: t("repaymentReceivedOn"),
                          defaultValue: today,
                        },
                      ]}
                    />
                  </details>
                ) : null}
              </li>
            );
          })}
        </ul>
        {officer ? (
          <SimpleForm
            id="repayment"
            title={t("proposeClaimTitle")}
            submitLabel={t("proposeClaim")}
            variant="warning"
            action={repaymentAction.bind(null, g.id)}
            fields={[
              { name: "amountSek", type: "number", label: t("claimAmount") },
              {
                name: "reasons",
                type: "textarea",
                label: t("claimReasons"),
                hint: t("claimReasonsHint"),
              },
              { name: "dueDate", type: "date", label: t("claimDueDate") },
            ]}
          />
        ) : null}
      </section>
    </>
  );
}

type Example = {
  id: string;
  status: "DRAFT" | "SUBMITTED" | "CHANGES_REQUESTED" | "PUBLISHED" | "UNPUBLISHED";
  place: string;
  purpose: string;
  process: string;
  results: string;
  lessons: string;
  changesMessage: string | null;
  unpublishReason: string | null;
};

/** The grantee's public summary and the officer's steps: publish, ask for changes, unpublish. */
async function ExampleReview({ example, officer }: { example: Example; officer: boolean }) {
  const t = await getTranslations("followUp.grant.example");
  const tp = await getTranslations("examples.parts");
  const sent = example.status !== "DRAFT";
  return (
    <section
      aria-labelledby={`example-${example.id}`}
      className="mt-6 border-2 border-line p-4"
      data-testid="example-review"
    >
      <h4 id={`example-${example.id}`} className="text-lg font-bold">
        {t("title")}
      </h4>
      <p className="mb-2 font-semibold" data-testid="example-review-status">
        {t(`status.${example.status}`)}
      </p>
      {example.status === "CHANGES_REQUESTED" && example.changesMessage ? (
        <p className="mb-2 whitespace-pre-line">
          {t("changesMessage", { message: example.changesMessage })}
        </p>
      ) : null}
      {example.status === "UNPUBLISHED" && example.unpublishReason ? (
        <p className="mb-2 whitespace-pre-line">
          {t("unpublishedReason", { reason: example.unpublishReason })}
        </p>
      ) : null}
      {example.status === "PUBLISHED" ? (
        <p className="mb-2">
          <Link href={`/erfarenheter/${example.id}`}>{t("publicLink")}</Link>
        </p>
      ) : null}
      {sent ? (
        <dl className="mb-4 grid gap-2" data-testid="example-review-text">
          {EXAMPLE_PARTS.map((part) => (
            <div key={part}>
              <dt className="font-semibold">{tp(part)}</dt>
              <dd className="whitespace-pre-line">{example[part]}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {officer && example.status === "SUBMITTED" ? (
        <div className="grid gap-6 sm:grid-cols-2">
          <SimpleForm
            id={`approve-example-${example.id}`}
            submitLabel={t("approve")}
            action={approveExampleAction.bind(null, example.id)}
            fields={[
              {
                name: "noIndividualsNamed",
                type: "checkbox",
                label: t("confirm"),
                hint: t("confirmHint"),
              },
            ]}
          />
          <SimpleForm
            id={`example-changes-${example.id}`}
            submitLabel={t("requestChanges")}
            variant="secondary"
            action={exampleChangesAction.bind(null, example.id)}
            fields={[
              {
                name: "message",
                type: "textarea",
                label: t("whatToChange"),
                hint: t("whatToChangeHint"),
              },
            ]}
          />
        </div>
      ) : null}
      {officer && example.status === "UNPUBLISHED" ? (
        <SimpleForm
          id={`example-changes-${example.id}`}
          submitLabel={t("requestChanges")}
          variant="secondary"
          action={exampleChangesAction.bind(null, example.id)}
          fields={[
            {
              name: "message",
              type: "textarea",
              label: t("whatToChange"),
              hint: t("whatToChangeHint"),
            },
          ]}
        />
      ) : null}
      {officer && example.status === "PUBLISHED" ? (
        <SimpleForm
          id={`unpublish-example-${example.id}`}
          submitLabel={t("unpublish")}
          variant="warning"
          action={unpublishExampleAction.bind(null, example.id)}
          fields={[
            {
              name: "reason",
              type: "textarea",
              label: t("unpublishReason"),
              hint: t("unpublishReasonHint"),
            },
          ]}
        />
      ) : null}
    </section>
  );
}
