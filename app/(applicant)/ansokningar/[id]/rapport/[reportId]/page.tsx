import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePageRole } from "@/lib/server/actor";
import { getReportForApplicant, listReportAttachments } from "@/lib/server/follow-up";
import { AttachmentUpload } from "@/components/follow-up/attachment-upload";
import { orNotFound } from "@/lib/server/page";
import { finalReportForMember } from "@/lib/server/learning-examples";
import { formatDate, type UiLocale } from "@/lib/domain/format";
import type { Spending } from "@/lib/domain/follow-up";
import { PageHeading } from "@/components/ui/page-heading";
import { ReportForm } from "@/components/follow-up/report-form";
import { LearningExampleForm } from "@/components/follow-up/learning-example-form";
import { EXAMPLE_PARTS, granteeMayEdit } from "@/lib/domain/learning-examples";
import { saveExampleAction, saveReportAction, submitExampleAction } from "./actions";

export async function generateMetadata() {
  return { title: (await getTranslations("followUp.report"))("metaTitle") };
}

export default async function ReportPage({
  params,
}: {
  params: Promise<{ id: string; reportId: string }>;
}) {
  const { id, reportId } = await params;
  const actor = await requirePageRole(["APPLICANT"]);
  const report = await orNotFound(getReportForApplicant(actor, reportId));
  const budget: Spending = {};
  for (const l of report.application.budgetLines)
    budget[l.category] = (budget[l.category] ?? 0) + l.amountSek;
  const editable = ["NOT_STARTED", "DRAFT", "COMPLEMENT_REQUESTED"].includes(report.status);
  const attachments = await listReportAttachments(reportId);
  const t = await getTranslations("followUp.report");
  const ta = await getTranslations("applications");
  const locale = (await getLocale()) as UiLocale;
  return (
    <>
      <p className="mb-2">
        <Link href={`/ansokningar/${id}`}>{t("back")}</Link>
      </p>
      <PageHeading
        title={ta(`reportKind.${report.kind}`)}
        lead={t("lead", {
          title: report.application.title,
          reference: String(report.application.referenceNumber),
          date: formatDate(report.dueDate, locale),
        })}
      />
      {report.status === "COMPLEMENT_REQUESTED" && report.completionMessage ? (
        <div className="mb-8 border-4 border-[#ffbf47] bg-warning-bg p-4">
          <h2 className="text-xl font-bold">{t("complementTitle")}</h2>
          <p className="mt-1 whitespace-pre-line" data-testid="report-completion-message">
            {report.completionMessage}
          </p>
        </div>
      ) : null}
      {!editable ? (
        <p className="mb-6 font-semibold">
          {report.status === "ACCEPTED" ? t("submittedAccepted") : t("submitted")}
        </p>
      ) : null}
      <section aria-labelledby="attachments" className="mb-8">
        <h2 id="attachments" className="mb-2 text-2xl font-bold">
          {t("attachments")}
        </h2>
        <ul className="mb-3 list-disc pl-6" data-testid="attachments">
          {attachments.map((a) => (
            <li key={a.fileId}>
              <a href={`/api/rapporter/${reportId}/bilagor/${a.fileId}`}>{a.file.fileName}</a>
            </li>
          ))}
        </ul>
        {editable ? <AttachmentUpload reportId={reportId} /> : null}
      </section>
      <ReportForm
        reportId={reportId}
        applicationId={id}
        version={report.version}
        editable={editable}
        saveReport={saveReportAction}
        budget={budget}
        grantedSek={report.application.decisions[0]?.amountSek ?? 0}
        initial={{
          meetingsHeld: report.meetingsHeld,
          participantsWomen: report.participantsWomen,
          participantsMen: report.participantsMen,
          participantsOther: report.participantsOther,
          collaborationsStarted: report.collaborationsStarted,
          collaborationsNote: report.collaborationsNote ?? "",
          spending: (report.spending ?? {}) as Spending,
          unspentSek: report.unspentSek,
          whatWasDone: report.whatWasDone ?? "",
          resultsForResidents: report.resultsForResidents ?? "",
          lessonsLearned: report.lessonsLearned ?? "",
          continuation: report.continuation ?? "",
        }}
      />
      {report.kind === "FINAL" ? <ExampleSection reportId={reportId} /> : null}
    </>
  );
}

/** The final report's optional public summary (erfarenhetsexempel, docs/domain.md §8). */
async function ExampleSection({ reportId }: { reportId: string }) {
  const actor = await requirePageRole(["APPLICANT"]);
  const { learningExample: example } = await finalReportForMember(actor, reportId);
  const t = await getTranslations("followUp.example");
  const status = example?.status ?? null;
  return (
    <section
      id="sammanfattning"
      aria-labelledby="example-title"
      className="mt-12 max-w-3xl border-t-2 border-line pt-8"
    >
      <h2 id="example-title" className="mb-2 text-2xl font-bold">
        {t("title")}
      </h2>
      <p className="mb-2">{t("lead")}</p>
      <p className="mb-6 text-muted">{t("leadPrivacy")}</p>
      {status ? (
        <p className="mb-4 font-semibold" data-testid="example-status">
          {t(`status.${status}`)}
        </p>
      ) : null}
      {status === "CHANGES_REQUESTED" && example?.changesMessage ? (
        <div className="mb-6 border-4 border-[#ffbf47] bg-warning-bg p-4">
          <h3 className="text-xl font-bold">{t("changesTitle")}</h3>
          <p className="mt-1 whitespace-pre-line" data-testid="example-changes-message">
            {example.changesMessage}
          </p>
        </div>
      ) : null}
      {status === "PUBLISHED" && example ? (
        <p className="mb-6">
          <Link href={`/erfarenheter/${example.id}`}>{t("publishedLink")}</Link>
        </p>
      ) : null}
      {status === "UNPUBLISHED" && example?.unpublishReason ? (
        <p className="mb-6 whitespace-pre-line" data-testid="example-unpublish-reason">
          {t("unpublishedReason", { reason: example.unpublishReason })}
        </p>
      ) : null}
      {granteeMayEdit(status) || example ? (
        <LearningExampleForm
          reportId={reportId}
          version={example?.version ?? 0}
          saveExample={saveExampleAction}
          submitExample={submitExampleAction}
          editable={granteeMayEdit(status)}
          sentText={
            example ? (
              <dl className="grid gap-3" data-testid="example-sent-text">
                {EXAMPLE_PARTS.map((part) => (
                  <div key={part}>
                    <dt className="font-semibold">{t(`parts.${part}.label`)}</dt>
                    <dd className="whitespace-pre-line">{example[part]}</dd>
                  </div>
                ))}
              </dl>
            ) : null
          }
          initial={{
            place: example?.place ?? "",
            purpose: example?.purpose ?? "",
            process: example?.process ?? "",
            results: example?.results ?? "",
            lessons: example?.lessons ?? "",
            consent: Boolean(example?.consentedAt),
          }}
        />
      ) : null}
    </section>
  );
}
