import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePageRole, type Actor } from "@/lib/server/actor";
import {
  gateInfo,
  getForReview,
  reviewersForAssignment,
  type ReviewCase,
} from "@/lib/server/review";
import { orNotFound } from "@/lib/server/page";
import { mayOpen, CRITERIA, meanScore, type MissingStep } from "@/lib/domain/review";
import { LABELS } from "@/lib/domain/labels";
import {
  formatDate,
  formatDateTime,
  formatDecimal,
  formatSek,
  isoDate,
  type UiLocale,
} from "@/lib/domain/format";
import { todayInStockholm } from "@/lib/domain/dates";
import {
  caseAgeDays,
  COMPLETION_DAYS_DEFAULT,
  completionOverdue,
  defaultCompletionDue,
} from "@/lib/domain/case-time";
import { municipalityName } from "@/lib/reference/municipalities";
import type { ApplicationContract } from "@/lib/validation/application";
import type { RuleResult } from "@/lib/domain/rules";
import { StatusTag } from "@/components/applications/status-tag";
import { SimpleForm } from "@/components/ui/simple-form";
import { Tag } from "@/components/ui/tag";
import { DecisionForm } from "@/components/review/decision-form";
import { CasePeople } from "@/components/applications/case-people";
import {
  assignAction,
  commentAction,
  completionAction,
  decisionAction,
  declareConflictAction,
  formalCheckAction,
  proposalAction,
  reviewAction,
} from "./actions";

export async function generateMetadata() {
  return { title: (await getTranslations("officer.case"))("metaTitle") };
}

export default async function CasePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageRole(["REVIEWER", "DECIDER", "ADMIN"]);
  const gate = await orNotFound(gateInfo(actor, id));
  if (!mayOpen(gate.declaration)) return <Gate gate={gate} />;
  const app = await orNotFound(getForReview(actor, id));
  return <Case app={app} actor={actor} />;
}

async function Gate({ gate }: { gate: Awaited<ReturnType<typeof gateInfo>> }) {
  const t = await getTranslations("officer.case");
  return (
    <div className="max-w-3xl">
      <p className="mb-2">
        <Link href="/handlaggning">{t("back")}</Link>
      </p>
      <h1 className="text-3xl font-bold">
        {t("gateTitle", { reference: gate.referenceNumber ?? "" })}
      </h1>
      <p className="mt-2 text-lg text-muted">{t("gateLead")}</p>
      <dl className="my-6 grid grid-cols-[auto_1fr] gap-x-6 gap-y-2">
        <dt className="font-semibold">{t("reference")}</dt>
        <dd>{gate.referenceNumber}</dd>
        <dt className="font-semibold">{t("applicant")}</dt>
        <dd>
          {gate.organisation} ({gate.orgNumber})
        </dd>
      </dl>
      <CasePeople contact={gate.contact} board={gate.board} partners={gate.partners} />
      <div className="mt-8" />
      {gate.declaration ? (
        <div className="border-l-4 border-error bg-[#fbeae8] p-4" data-testid="conflict-declared">
          <h2 className="text-xl font-bold">{t("conflictDeclaredTitle")}</h2>
          <p className="mt-1">{t("conflictDeclaredText")}</p>
          {gate.declaration.status === "CONFIRMED" ? (
            <p className="mt-1 font-semibold">{t("conflictConfirmed")}</p>
          ) : null}
        </div>
      ) : (
        <SimpleForm
          id="conflict"
          submitLabel={t("conflictSubmit")}
          action={declareConflictAction.bind(null, gate.id)}
          fields={[
            {
              name: "answer",
              type: "radio",
              label: t("conflictQuestion"),
              options: [
                { value: "NONE", label: t("conflictNo") },
                { value: "CONFLICT", label: t("conflictYes") },
              ],
            },
            {
              name: "description",
              type: "textarea",
              label: t("conflictDescription"),
              optional: true,
            },
          ]}
        />
      )}
    </div>
  );
}

async function Case({ app, actor }: { app: ReviewCase; actor: Actor }) {
  const latest = app.versions.at(-1);
  const content = latest?.content as unknown as ApplicationContract | undefined;
  const rules = latest?.ruleResult as unknown as RuleResult | undefined;
  const previous =
    app.versions.length > 1
      ? (app.versions.at(-2)!.content as unknown as Record<string, unknown>)
      : null;
  const changed =
    previous && content
      ? Object.keys(content).filter(
          (k) =>
            JSON.stringify((content as unknown as Record<string, unknown>)[k]) !==
            JSON.stringify(previous[k]),
        )
      : [];
  const reviewer = actor.roles.includes("REVIEWER");
  const decider = actor.roles.includes("DECIDER");
  const myReview = app.reviews.find((r) => r.reviewer.id === actor.id);
  const openProposal = app.proposals.find((p) => p.status === "OPEN");
  const inReview = app.status === "SUBMITTED" || app.status === "IN_REVIEW";
  const reviewers = actor.roles.includes("ADMIN") ? await reviewersForAssignment() : [];
  const section = "mt-10 border-t-2 border-line pt-6";
  const t = await getTranslations("officer.case");
  const tc = await getTranslations("common");
  const tFile = await getTranslations("caseFile");
  const locale = (await getLocale()) as UiLocale;
  const L = LABELS[locale];
  const sek = (amount: number) => formatSek(amount, locale);
  const dateTime = (value: Date) => formatDateTime(value, locale);
  const criterion = (c: (typeof CRITERIA)[number]) => t(`criteria.${c}.title`);
  const today = todayInStockholm();
  const openCompletion = app.complementRequests.find((r) => !r.answeredAt) ?? null;
  const lateness = (r: (typeof app.complementRequests)[number]) =>
    completionOverdue(
      { dueDate: r.dueDate ? isoDate(r.dueDate) : null, answered: r.answeredAt !== null },
      today,
    );
  const completionLate = openCompletion ? lateness(openCompletion) : false;

  return (
    <div>
      <p className="mb-2">
        <Link href="/handlaggning">{t("back")}</Link>
      </p>
      <p className="text-muted">
        {app.organisation.name} ({app.organisation.orgNumber}) · {app.round.title}
      </p>
      <h1 className="text-3xl font-bold">{app.title}</h1>
      <p className="mt-3 flex flex-wrap items-center gap-3">
        <StatusTag status={app.status} />
        <span>
          {t("reference")} <strong data-testid="case-reference">{app.referenceNumber}</strong>
        </span>
        {app.assessmentStep ? <Tag tone="blue">{t(`step.${app.assessmentStep}`)}</Tag> : null}
        <span>{t("officer", { name: app.assignedTo?.name ?? t("noOfficer") })}</span>
      </p>
      <p className="mt-2">
        <Link href={`/handlaggning/${app.id}/akt`}>{tFile("open")}</Link>
      </p>

      {app.submittedAt ? (
        <p className="mt-2" data-testid="case-age">
          {t("age", {
            days: caseAgeDays(app.submittedAt),
            date: formatDate(app.submittedAt, locale),
          })}
          {app.round.targetDecisionOn
            ? ` · ${t("targetDecision", { date: formatDate(app.round.targetDecisionOn, locale) })}`
            : ""}
        </p>
      ) : null}
      {openCompletion && completionLate ? (
        <p className="mt-3" data-testid="completion-overdue-flag">
          <Tag tone="red">{t("completionOverdue")}</Tag>{" "}
          {t("completionOverdueText", {
            date: formatDate(openCompletion.dueDate!, locale),
          })}
        </p>
      ) : null}

      <section aria-labelledby="people" className={section}>
        <h2 id="people" className="text-2xl font-bold">
          {t("peopleTitle")}
        </h2>
        <CasePeople
          headingLevel="h3"
          contact={
            app.contactName
              ? { name: app.contactName, email: app.contactEmail, phone: app.contactPhone }
              : null
          }
          board={app.organisation.boardMembers}
          partners={app.partners}
        />
        <p className="mt-4 text-muted">
          {t("organisationContact", {
            contact:
              [app.organisation.contactEmail, app.organisation.contactPhone]
                .filter(Boolean)
                .join(", ") || "–",
          })}
        </p>
      </section>

      {inReview && (reviewer || actor.roles.includes("ADMIN")) ? (
        <div className="mt-4 flex flex-wrap gap-4">
          {reviewer && app.assignedTo?.id !== actor.id ? (
            <SimpleForm
              id="take"
              fields={[]}
              submitLabel={t("take")}
              variant="secondary"
              action={assignAction.bind(null, app.id)}
            />
          ) : null}
          {reviewers.length ? (
            <SimpleForm
              id="assign"
              submitLabel={t("assign")}
              variant="secondary"
              action={assignAction.bind(null, app.id)}
              fields={[
                {
                  name: "userId",
                  type: "radio",
                  label: t("assignOfficer"),
                  options: reviewers.map((r) => ({ value: r.id, label: r.name })),
                },
              ]}
            />
          ) : null}
        </div>
      ) : null}

      <section aria-labelledby="formal" className={section}>
        <h2 id="formal" className="text-2xl font-bold">
          {t("formalTitle")}
        </h2>
        <p className="mt-1 text-muted">
          {t("rulesAt", { date: latest ? dateTime(latest.createdAt) : "–" })}
        </p>
        {rules?.valid ? (
          <p className="mt-2 font-semibold text-success" data-testid="rules-ok">
            {t("rulesOk")}
          </p>
        ) : (
          <ul className="mt-2 list-disc pl-6">
            {rules?.problems.map((p, i) => (
              <li key={i}>
                {p.message} ({p.code})
              </li>
            ))}
          </ul>
        )}
        {rules?.warnings?.length ? (
          <ul className="mt-2 list-disc pl-6">
            {rules.warnings.map((w, i) => (
              <li key={i}>{t("warning", { message: w.message })}</li>
            ))}
          </ul>
        ) : null}
        {app.formalCheckAt ? (
          <p className="mt-2">
            {t.rich("formalResult", {
              result: app.formalCheckPassed ? t("formalPassed") : t("formalFailed"),
              date: dateTime(app.formalCheckAt),
              strong: (chunks) => <strong>{chunks}</strong>,
            })}
            {app.formalCheckNote ? ` – ${app.formalCheckNote}` : ""}
          </p>
        ) : null}
        {reviewer && inReview ? (
          <div className="mt-4">
            <SimpleForm
              id="formal-check"
              submitLabel={t("formalSave")}
              successText={t("formalSaved")}
              action={formalCheckAction.bind(null, app.id)}
              fields={[
                {
                  name: "passed",
                  type: "radio",
                  label: t("formalQuestion"),
                  options: [
                    { value: "yes", label: t("formalYes") },
                    { value: "no", label: t("formalNo") },
                  ],
                  defaultValue:
                    app.formalCheckPassed === null
                      ? undefined
                      : app.formalCheckPassed
                        ? "yes"
                        : "no",
                },
                {
                  name: "note",
                  type: "textarea",
                  label: t("note"),
                  optional: true,
                  defaultValue: app.formalCheckNote ?? "",
                },
              ]}
            />
          </div>
        ) : null}
      </section>

      {content ? <Content content={content} changed={changed} versions={app.versions} /> : null}

      <section aria-labelledby="letters" className={section}>
        <h2 id="letters" className="text-2xl font-bold">
          {t("letters")}
        </h2>
        <ul className="mt-2 space-y-2">
          {app.partners.map((p) => (
            <li key={p.id}>
              <strong>{p.name}</strong> ({L.sector[p.sector]}
              {p.localAnchoring ? t("localAnchoring") : ""}):{" "}
              {p.letter ? L.letterStatus[p.letter.status] : t("letterMissing")}
              {p.letter?.signedBy ? t("letterSignedBy", { name: p.letter.signedBy }) : ""}
              {p.letter?.file ? (
                <>
                  {" "}
                  ·{" "}
                  <a href={`/api/handlaggning/${app.id}/partner/${p.id}/avsiktsforklaring`}>
                    {t("viewPdf", { fileName: p.letter.file.fileName })}
                  </a>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="reviews" className={section}>
        <h2 id="reviews" className="text-2xl font-bold">
          {t("reviewsTitle")}
        </h2>
        {app.reviews.length === 0 ? (
          <p className="mt-2">{t("noReviews")}</p>
        ) : (
          <ul className="mt-2 space-y-3">
            {app.reviews.map((r) => (
              <li key={r.id} className="border-l-4 border-line pl-4">
                <p>
                  {t.rich("reviewLine", {
                    name: r.reviewer.name,
                    mean: ((m) => (m === null ? "–" : formatDecimal(m, locale)))(
                      meanScore(r.scores),
                    ),
                    recommendation:
                      r.recommendation === "APPROVE"
                        ? t("recommendApprove")
                        : r.recommendation === "REJECT"
                          ? t("recommendReject")
                          : "–",
                    strong: (chunks) => <strong>{chunks}</strong>,
                  })}
                </p>
                <ul className="text-sm">
                  {CRITERIA.map((c) => {
                    const s = r.scores.find((x) => x.criterion === c);
                    return (
                      <li key={c}>
                        {criterion(c)}: {s?.score ?? "–"}
                        {s?.comment ? ` – ${s.comment}` : ""}
                      </li>
                    );
                  })}
                </ul>
                {r.summary ? <p className="mt-1">{r.summary}</p> : null}
              </li>
            ))}
          </ul>
        )}
        {reviewer && inReview ? (
          <div className="mt-6">
            <SimpleForm
              id="review"
              title={myReview ? t("changeReview") : t("yourReview")}
              submitLabel={t("saveReview")}
              successText={t("reviewSaved")}
              action={reviewAction.bind(null, app.id)}
              fields={[
                ...CRITERIA.flatMap((c) => {
                  const s = myReview?.scores.find((x) => x.criterion === c);
                  return [
                    {
                      name: `score_${c}`,
                      type: "radio" as const,
                      label: t("score", { criterion: criterion(c) }),
                      hint: t(`criteria.${c}.hint`),
                      options: [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: String(n) })),
                      defaultValue: s ? String(s.score) : undefined,
                    },
                    {
                      name: `comment_${c}`,
                      type: "textarea" as const,
                      label: t("comment", { criterion: criterion(c).toLowerCase() }),
                      optional: true,
                      defaultValue: s?.comment ?? "",
                    },
                  ];
                }),
                {
                  name: "recommendation",
                  type: "radio",
                  label: t("recommendation"),
                  options: [
                    { value: "APPROVE", label: t("approve") },
                    { value: "REJECT", label: t("reject") },
                  ],
                  defaultValue: myReview?.recommendation ?? undefined,
                },
                {
                  name: "summary",
                  type: "textarea",
                  label: t("summary"),
                  optional: true,
                  defaultValue: myReview?.summary ?? "",
                },
              ]}
            />
          </div>
        ) : null}
      </section>

      <section aria-labelledby="completion" className={section}>
        <h2 id="completion" className="text-2xl font-bold">
          {t("completionTitle")}
        </h2>
        {app.complementRequests.length === 0 ? (
          <p className="mt-2">{t("noCompletion")}</p>
        ) : (
          <ul className="mt-2 space-y-2">
            {app.complementRequests.map((r) => (
              <li key={r.id}>
                {dateTime(r.createdAt)}, {r.requestedBy.name}: {r.message}{" "}
                {r.dueDate ? t("dueBy", { date: formatDate(r.dueDate, locale) }) : ""}{" "}
                {r.answeredAt
                  ? t("answered", { date: dateTime(r.answeredAt) })
                  : t("awaitingAnswer")}
                {lateness(r) ? (
                  <>
                    {" "}
                    <Tag tone="red">{t("completionOverdue")}</Tag>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {reviewer && inReview ? (
          <div className="mt-4">
            <SimpleForm
              id="complement"
              submitLabel={t("requestCompletion")}
              action={completionAction.bind(null, app.id)}
              fields={[
                {
                  name: "message",
                  type: "textarea",
                  label: t("whatIsMissing"),
                  hint: t("whatIsMissingHint"),
                },
                {
                  name: "dueDate",
                  type: "date",
                  label: t("completeBy"),
                  hint: t("completeByHint", { days: COMPLETION_DAYS_DEFAULT }),
                  defaultValue: defaultCompletionDue(today),
                },
              ]}
            />
          </div>
        ) : null}
      </section>

      <section aria-labelledby="decision" className={section}>
        <h2 id="decision" className="text-2xl font-bold">
          {t("decisionTitle")}
        </h2>
        {app.proposals.map((p) => (
          <p key={p.id} className="mt-2">
            {t.rich("proposalLine", {
              name: p.proposedBy.name,
              date: dateTime(p.createdAt),
              outcome:
                p.outcome === "APPROVED"
                  ? t("proposalApprove", { amount: sek(p.amountSek ?? 0) })
                  : t("proposalReject"),
              strong: (chunks) => <strong>{chunks}</strong>,
            })}{" "}
            {p.reasons}{" "}
            {p.status === "RETURNED"
              ? t("proposalReturned", { reason: String(p.returnReason) })
              : p.status === "DECIDED"
                ? t("proposalDecided")
                : ""}
          </p>
        ))}
        {app.decisions.map((d) => (
          <div
            key={d.id}
            className="mt-3 border-l-4 border-success bg-[#e6f2ec] p-3"
            data-testid="decision"
          >
            <p>
              {t.rich("decisionLine", {
                outcome:
                  d.outcome === "APPROVED"
                    ? t("approved", { amount: sek(d.amountSek ?? 0) })
                    : t("rejected"),
                date: formatDate(d.decidedOn, locale),
                name: d.decider.name,
                strong: (chunks) => <strong>{chunks}</strong>,
              })}
            </p>
            <p>{d.reasons}</p>
            {d.letterFileId ? (
              <p>
                <a href={`/api/beslut/${d.id}/beslutsbrev`}>{t("downloadLetter")}</a>
              </p>
            ) : null}
          </div>
        ))}
        {reviewer && app.status === "IN_REVIEW" ? (
          <div className="mt-4">
            <MissingSteps missing={app.missing} />
            <SimpleForm
              id="proposal"
              submitLabel={t("propose")}
              action={proposalAction.bind(null, app.id)}
              fields={[
                {
                  name: "outcome",
                  type: "radio",
                  label: t("proposal"),
                  options: [
                    { value: "APPROVED", label: t("approve") },
                    { value: "REJECTED", label: t("reject") },
                  ],
                },
                {
                  name: "amountSek",
                  type: "number",
                  label: t("amountIfApproved"),
                  hint: t("amountHint", { amount: sek(app.requestedSek) }),
                  defaultValue: app.requestedSek,
                },
                { name: "reasons", type: "textarea", label: t("reasons") },
              ]}
            />
          </div>
        ) : null}
        {decider && openProposal ? (
          <div className="mt-4">
            <DecisionForm
              locale={locale}
              defaultAmount={openProposal.amountSek ?? app.requestedSek}
              defaultReasons={openProposal.reasons}
              budgetLeftSek={app.budgetLeftSek}
              action={decisionAction.bind(null, app.id)}
              text={{
                decision: t("decision"),
                grant: t("grant"),
                refuse: t("refuse"),
                sendBack: t("sendBack"),
                amount: t("amountIfApproved"),
                reasons: t("reasons"),
                decide: t("decide"),
                errorSummary: tc("errorSummaryTitle"),
                confirmTitle: t("confirm.title"),
                confirmLead: t("confirm.lead"),
                confirmOutcome: t("confirm.outcome"),
                confirmAmount: t("confirm.amount"),
                confirmBudgetLeft: t("confirm.budgetLeft"),
                confirmOverBudget: t("confirm.overBudget"),
                confirmReasons: t("confirm.reasons"),
                confirm: t("confirm.submit"),
                change: t("confirm.change"),
              }}
            />
          </div>
        ) : null}
      </section>

      <section aria-labelledby="comments" className={section}>
        <h2 id="comments" className="text-2xl font-bold">
          {t("commentsTitle")}
        </h2>
        <p className="text-muted">{t("commentsLead")}</p>
        <ul className="my-3 space-y-2">
          {app.comments.map((c) => (
            <li key={c.id}>
              <strong>{c.author.name}</strong>, {dateTime(c.createdAt)}: {c.body}
            </li>
          ))}
        </ul>
        <SimpleForm
          id="comment"
          submitLabel={t("addComment")}
          successText={t("commentSaved")}
          clearOnSuccess
          action={commentAction.bind(null, app.id)}
          fields={[{ name: "body", type: "textarea", label: t("commentLabel") }]}
        />
      </section>
    </div>
  );
}

/** Steps that can't be skipped: what the case still lacks before it can be proposed. */
async function MissingSteps({ missing }: { missing: MissingStep[] }) {
  const t = await getTranslations("officer.case.steps");
  if (!missing.length)
    return (
      <p className="mb-4 font-semibold text-success" data-testid="steps-done">
        {t("done")}
      </p>
    );
  return (
    <div className="mb-4 border-l-4 border-accent bg-warning-bg p-4" data-testid="steps-missing">
      <h3 className="text-xl font-bold">{t("title")}</h3>
      <ul className="mt-2 list-disc pl-6">
        {missing.map((m) => (
          <li key={m.step}>
            {m.step === "FORMAL_CHECK"
              ? t("formalCheck")
              : t("reviews", { completed: m.completed, required: m.required })}
          </li>
        ))}
      </ul>
    </div>
  );
}

async function Content({
  content: c,
  changed,
  versions,
}: {
  content: ApplicationContract;
  changed: string[];
  versions: ReviewCase["versions"];
}) {
  const t = await getTranslations("officer.case");
  const ta = await getTranslations("applications");
  const locale = (await getLocale()) as UiLocale;
  const L = LABELS[locale];
  const sek = (amount: number) => formatSek(amount, locale);
  const date = (value: string | Date) => formatDate(value, locale);
  const row = (key: string, rowKey: string, value: React.ReactNode) => (
    <div
      key={key}
      className={`grid gap-2 py-2 sm:grid-cols-[14rem_1fr] ${changed.includes(key) ? "bg-warning-bg" : ""}`}
    >
      <dt className="font-semibold">
        {t(`rows.${rowKey}`)}
        {changed.includes(key) ? (
          <span className="block text-sm font-normal">{t("changedInCompletion")}</span>
        ) : null}
      </dt>
      <dd className="whitespace-pre-line">{value || "–"}</dd>
    </div>
  );
  return (
    <section aria-labelledby="content" className="mt-10 border-t-2 border-line pt-6">
      <h2 id="content" className="text-2xl font-bold">
        {t("contentTitle")}
      </h2>
      <p className="mt-1 text-muted">
        {t("versions", {
          list: versions
            .map((v) =>
              t("versionItem", {
                number: v.number,
                reason: ta(`versionReason.${v.reason}`),
                date: date(v.createdAt),
              }),
            )
            .join(", "),
        })}{" "}
        {changed.length ? t("changedFields", { count: changed.length }) : ""}
      </p>
      <dl className="mt-3 divide-y divide-line">
        {row(
          "track",
          "track",
          `${L.track[c.track]}${c.variant ? ` – ${L.variant[c.variant]}` : ""}`,
        )}
        {row("summary", "summary", c.summary)}
        {row(
          "areas",
          "areas",
          c.areas
            .map((a) => `${a.name} (${municipalityName(a.municipalityCode) ?? a.municipalityCode})`)
            .join(", "),
        )}
        {row("focusAreas", "focusAreas", c.focusAreas.map((f) => L.focusArea[f]).join(", "))}
        {row("needsDescription", "needs", c.needsDescription)}
        {c.needBasis
          ? row(
              "needBasis",
              "needBasis",
              `${c.needBasis.kind ? L.needBasis[c.needBasis.kind] : ""}\n${c.needBasis.description ?? ""}`,
            )
          : null}
        {c.previousGrantReference
          ? row("previousGrantReference", "previousGrant", c.previousGrantReference)
          : null}
        {c.strategicFramework
          ? row("strategicFramework", "strategicFramework", c.strategicFramework)
          : null}
        {row("methods", "methods", c.methods.map((m) => L.method[m]).join(", "))}
        {row("genderEqualityPerspective", "genderEquality", c.genderEqualityPerspective)}
        {row("longTermPlan", "longTerm", c.longTermPlan)}
        {row("period", "period", `${date(c.period.start)} – ${date(c.period.end)}`)}
        {row(
          "budget",
          "budget",
          c.budget
            .map(
              (b) =>
                `${b.year} ${L.budgetCategory[b.category]}: ${sek(b.amountSek)}${b.description ? ` (${b.description})` : ""}`,
            )
            .join("\n"),
        )}
        {row("cofinancingSek", "cofinancing", sek(c.cofinancingSek))}
        {row("requestedSek", "requested", sek(c.requestedSek))}
        {row(
          "otherFunding",
          "otherFunding",
          c.otherFunding
            .map(
              (f) =>
                `${f.funder}: ${sek(f.amountSek)} (${f.status === "GRANTED" ? t("fundingGranted") : t("fundingApplied")})`,
            )
            .join("\n"),
        )}
        {row("stateAid", "stateAid", c.stateAid ? t("stateAidYes") : t("stateAidNo"))}
        {row("partners", "partners", c.partners.map((p) => `${p.name}: ${p.role}`).join("\n"))}
      </dl>
    </section>
  );
}
