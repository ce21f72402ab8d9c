import Link from "next/link";
import { requirePageRole, type Actor } from "@/lib/server/actor";
import { getForApplicant, timelineFor } from "@/lib/server/applications";
import { orNotFound } from "@/lib/server/page";
import { draftOf, roundOf } from "@/lib/server/wizard-data";
import { checkDraft, partStatuses, PARTS, type Part, type PartStatus } from "@/lib/domain/application-parts";
import { applicantMayEdit, applicantMayWithdraw } from "@/lib/domain/lifecycle";
import { todayInStockholm } from "@/lib/domain/dates";
import { formatDate, formatDateTime, formatSek } from "@/lib/domain/format";
import { LETTER_STATUS_LABELS, TRACK_LABELS } from "@/lib/domain/labels";
import { Checklist } from "@/components/wizard/checklist";
import { PART_TITLES } from "@/lib/domain/application-parts";
import { StatusTag } from "@/components/applications/status-tag";
import { WithdrawForm } from "@/components/applications/withdraw-form";
import { Tag } from "@/components/ui/tag";
import { ButtonLink } from "@/components/ui/button";

export const metadata = { title: "Ansökan" };

const PART_TAG: Record<PartStatus, { text: string; tone: "neutral" | "blue" | "green" | "red" }> = {
  NOT_STARTED: { text: "Ej påbörjad", tone: "neutral" },
  IN_PROGRESS: { text: "Påbörjad", tone: "blue" },
  DONE: { text: "Klar", tone: "green" },
  NEEDS_ACTION: { text: "Behöver åtgärdas", tone: "red" },
};

const TIMELINE_TEXT: Record<string, string> = {
  "application.created": "Utkast skapat",
  "application.submitted": "Ansökan inskickad",
  "application.review_started": "Handläggningen har börjat",
  "application.complement_requested": "Komplettering begärd",
  "application.completed": "Komplettering inskickad",
  "application.withdrawn": "Ansökan återkallad",
  "decision.made": "Beslut fattat",
};

export default async function ApplicationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageRole(["APPLICANT"]);
  const app = await orNotFound(getForApplicant(actor, id));
  const editable = applicantMayEdit(app.status);
  const openRequest = app.complementRequests.find((r) => !r.answeredAt);

  return (
    <div>
      <p className="mb-2"><Link href="/ansokningar">Mina ansökningar</Link></p>
      <p className="text-muted">{app.organisation.name} · {app.round.title}</p>
      <h1 className="text-3xl font-bold">{app.title || "Ny ansökan"}</h1>
      <p className="mt-3 flex flex-wrap items-center gap-3">
        <StatusTag status={app.status} />
        {app.referenceNumber ? <span>Diarienummer <strong data-testid="reference-number">{app.referenceNumber}</strong></span> : null}
        {app.track ? <span>{TRACK_LABELS[app.track]}</span> : null}
      </p>

      {openRequest ? (
        <section aria-labelledby="complement-title" className="mt-6 border-4 border-[#ffbf47] bg-warning-bg p-4">
          <h2 id="complement-title" className="text-xl font-bold">Komplettering begärd – vi behöver mer information från dig</h2>
          <p className="mt-2 whitespace-pre-line" data-testid="complement-message">{openRequest.message}</p>
          {openRequest.dueDate ? <p className="mt-2 font-semibold">Komplettera senast {formatDate(openRequest.dueDate)}.</p> : null}
          <p className="mt-2">Ändra det som behövs i delarna nedan och skicka sedan in ansökan igen. Den tidigare versionen sparas.</p>
        </section>
      ) : null}

      {editable ? <TaskList app={app} /> : <Status app={app} actor={actor} />}
    </div>
  );
}

async function TaskList({ app }: { app: Awaited<ReturnType<typeof getForApplicant>> }) {
  const { draft } = draftOf(app);
  const problems = checkDraft(draft, { today: todayInStockholm(), round: roundOf(app) });
  const statuses = partStatuses(draft, problems, app.status === "COMPLEMENT_REQUESTED" ? new Set(PARTS) : new Set<Part>());
  return (
    <>
      <h2 className="mt-8 mb-3 text-2xl font-bold">Ansökans delar</h2>
      <p className="mb-4 text-muted">Fyll i delarna i den ordning som passar dig. Allt sparas medan du skriver, så du kan fortsätta en annan dag.</p>
      <ol className="mb-8 divide-y divide-line border-y border-line" data-testid="task-list">
        {PARTS.map((part) => (
          <li key={part} className="flex flex-wrap items-center justify-between gap-2 py-3">
            <Link href={`/ansokningar/${app.id}/${part}`} className="text-lg font-semibold">{PART_TITLES[part]}</Link>
            <Tag tone={PART_TAG[statuses[part]].tone}>{PART_TAG[statuses[part]].text}</Tag>
          </li>
        ))}
        <li className="flex flex-wrap items-center justify-between gap-2 py-3">
          <Link href={`/ansokningar/${app.id}/avsiktsforklaringar`} className="text-lg font-semibold">Avsiktsförklaringar från partner</Link>
          <span className="text-muted">
            {app.partners.length === 0 ? "Lägg till partner först" : `${app.partners.filter((p) => p.letter?.status === "SIGNED").length} av ${app.partners.length} underskrivna`}
          </span>
        </li>
        <li className="flex flex-wrap items-center justify-between gap-2 py-3">
          <Link href={`/ansokningar/${app.id}/granska`} className="text-lg font-semibold">Granska och skicka in</Link>
          <Tag tone={problems.length ? "neutral" : "green"}>{problems.length ? "Kan inte skickas ännu" : "Redo att skickas in"}</Tag>
        </li>
      </ol>
      <Checklist problems={problems} applicationId={app.id} />
      {applicantMayWithdraw(app.status) && app.status !== "DRAFT" ? <WithdrawForm applicationId={app.id} /> : null}
    </>
  );
}

async function Status({ app, actor }: { app: Awaited<ReturnType<typeof getForApplicant>>; actor: Actor }) {
  const timeline = await timelineFor(actor, app.id);
  const decision = app.decisions[0];
  return (
    <>
      {decision ? (
        <section aria-labelledby="decision-title" className={`mt-6 border-l-4 p-4 ${decision.outcome === "APPROVED" ? "border-success bg-[#e6f2ec]" : "border-error bg-[#fbeae8]"}`}>
          <h2 id="decision-title" className="text-xl font-bold">{decision.outcome === "APPROVED" ? `Beviljad: ${formatSek(decision.amountSek ?? 0)}` : "Avslagen"}</h2>
          <p className="mt-1">Beslut den {formatDate(decision.decidedOn)}.</p>
          <p className="mt-2 whitespace-pre-line">{decision.reasons}</p>
          <p className="mt-2"><a href={`/api/beslut/${decision.id}/beslutsbrev`}>Ladda ner beslutsbrevet (PDF)</a></p>
        </section>
      ) : null}
      {app.instalments.length ? (
        <section aria-labelledby="plan-title" className="mt-8">
          <h2 id="plan-title" className="mb-3 text-2xl font-bold">Utbetalning och återrapportering</h2>
          <ul className="mb-4 list-disc pl-6" data-testid="instalments">
            {app.instalments.map((i) => <li key={i.id}>Delbetalning {i.number}: {formatSek(i.amountSek)}, {formatDate(i.dueDate)} – {({ PLANNED: "planerad", RELEASED: "frisläppt för utbetalning", PAID: "utbetald" } as const)[i.status]}</li>)}
          </ul>
          <ul className="space-y-2" data-testid="reports">
            {app.reports.map((r) => (
              <li key={r.id}>
                <Link href={`/ansokningar/${app.id}/rapport/${r.id}`}>{r.kind === "FINAL" ? "Slutredovisning" : "Lägesrapport"}</Link>, senast {formatDate(r.dueDate)} –{" "}
                {({ NOT_STARTED: "inte påbörjad", DRAFT: "utkast", SUBMITTED: "inskickad", COMPLEMENT_REQUESTED: "komplettering begärd", ACCEPTED: "godkänd" } as const)[r.status]}
              </li>
            ))}
          </ul>
          {app.repaymentClaims.map((c) => (
            <p key={c.id} className="mt-4 border-l-4 border-error pl-4" data-testid="repayment-claim">Återkrav: <strong>{formatSek(c.amountSek)}</strong> senast {formatDate(c.dueDate)}. {c.reasons}</p>
          ))}
        </section>
      ) : null}
      <section aria-labelledby="timeline-title" className="mt-8">
        <h2 id="timeline-title" className="mb-3 text-2xl font-bold">Händelser</h2>
        <ol className="border-l-4 border-accent pl-6" data-testid="timeline">
          {timeline.map((event) => (
            <li key={event.id.toString()} className="mb-3">
              <p className="font-semibold">{TIMELINE_TEXT[event.action] ?? event.action}</p>
              <p className="text-muted">{formatDateTime(event.at)}</p>
            </li>
          ))}
        </ol>
      </section>
      {app.versions.length ? (
        <section aria-labelledby="versions-title" className="mt-8">
          <h2 id="versions-title" className="mb-3 text-2xl font-bold">Inskickade versioner</h2>
          <ul className="list-disc pl-6">
            {app.versions.map((v) => (
              <li key={v.id}>Version {v.number} ({v.reason === "SUBMISSION" ? "ansökan" : "komplettering"}), {formatDateTime(v.createdAt)}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="letters-title" className="mt-8">
        <h2 id="letters-title" className="mb-3 text-2xl font-bold">Partner</h2>
        <ul className="list-disc pl-6">
          {app.partners.map((p) => <li key={p.id}>{p.name}: {p.letter ? LETTER_STATUS_LABELS[p.letter.status] : "ingen avsiktsförklaring"}</li>)}
        </ul>
      </section>
      {applicantMayWithdraw(app.status) ? <div className="mt-8"><WithdrawForm applicationId={app.id} /></div> : null}
      <p className="mt-8"><ButtonLink href="/ansokningar" variant="secondary">Till mina ansökningar</ButtonLink></p>
    </>
  );
}
