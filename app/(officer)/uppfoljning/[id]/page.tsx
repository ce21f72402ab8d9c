import Link from "next/link";
import { requirePageRole } from "@/lib/server/actor";
import { grantForOfficer } from "@/lib/server/follow-up";
import { orNotFound } from "@/lib/server/page";
import { formatDate, formatSek, isoDate } from "@/lib/domain/format";
import { BUDGET_CATEGORY_LABELS } from "@/lib/domain/labels";
import { PageHeading } from "@/components/ui/page-heading";
import { SimpleForm } from "@/components/ui/simple-form";
import { acceptReportAction, dueDateAction, markPaidAction, releaseAction, repaymentAction, reportCompletionAction } from "../actions";

export const metadata = { title: "Uppföljning av bidrag" };
const REPORT_STATUS = { NOT_STARTED: "Inte påbörjad", DRAFT: "Utkast hos den sökande", SUBMITTED: "Inskickad", COMPLEMENT_REQUESTED: "Komplettering begärd", ACCEPTED: "Godkänd" } as const;

export default async function GrantFollowUpPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageRole(["REVIEWER", "DECIDER", "ADMIN"]);
  const g = await orNotFound(grantForOfficer(actor, id));
  const officer = actor.roles.includes("REVIEWER") || actor.roles.includes("ADMIN");
  return (
    <>
      <p className="mb-2"><Link href="/uppfoljning">Tillbaka till uppföljning</Link></p>
      <PageHeading title={`${g.referenceNumber} – ${g.title}`} lead={`${g.organisation.name}. Beviljat ${formatSek(g.decisions[0]?.amountSek ?? 0)}. Utbetalning till ${g.organisation.payoutType === "PLUSGIRO" ? "plusgiro" : "bankgiro"} ${g.organisation.payoutAccount ?? "–"}.`} />
      <section aria-labelledby="instalments" className="mb-10">
        <h2 id="instalments" className="mb-3 text-2xl font-bold">Delbetalningar</h2>
        <ul className="space-y-3">
          {g.instalments.map((i) => (
            <li key={i.id} className="border-l-4 border-line pl-4" data-testid={`instalment-${i.number}`}>
              <p>Delbetalning {i.number}: <strong>{formatSek(i.amountSek)}</strong>, förfaller {formatDate(i.dueDate)} – {({ PLANNED: "planerad", RELEASED: "frisläppt", PAID: "betald" } as const)[i.status]}</p>
              {i.status === "PLANNED" && i.blocked ? <p className="text-muted">Väntar på att lägesrapporten före den godkänns.</p> : null}
              {officer && i.status === "PLANNED" && !i.blocked ? <SimpleForm id={`release-${i.number}`} fields={[]} submitLabel={`Frisläpp delbetalning ${i.number}`} action={releaseAction.bind(null, i.id)} /> : null}
              {actor.roles.includes("ADMIN") && i.status === "RELEASED" ? <SimpleForm id={`paid-${i.number}`} fields={[]} variant="secondary" submitLabel={`Markera delbetalning ${i.number} som betald`} action={markPaidAction.bind(null, [i.id])} /> : null}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="reports" className="mb-10">
        <h2 id="reports" className="mb-3 text-2xl font-bold">Rapporter</h2>
        {g.reports.map((r) => (
          <article key={r.id} className="mb-8 border-l-4 border-accent pl-4" data-testid={`report-${r.kind}-${isoDate(r.dueDate)}`}>
            <h3 className="text-xl font-bold">{r.kind === "FINAL" ? "Slutredovisning" : "Lägesrapport"}, senast {formatDate(r.dueDate)}</h3>
            <p className="font-semibold">{REPORT_STATUS[r.status]}</p>
            {r.submittedAt ? (
              <dl className="my-2 grid grid-cols-[auto_1fr] gap-x-4 text-sm">
                <dt>Möten</dt><dd>{r.meetingsHeld ?? "–"}</dd>
                <dt>Deltagare</dt><dd>{r.participantsWomen ?? 0} kvinnor, {r.participantsMen ?? 0} män, {r.participantsOther ?? 0} annat/okänt</dd>
                <dt>Samverkan</dt><dd>{r.collaborationsStarted ?? 0} {r.collaborationsNote ? `– ${r.collaborationsNote}` : ""}</dd>
                <dt>Använt</dt><dd>{Object.entries((r.spending ?? {}) as Record<string, number>).map(([c, n]) => `${BUDGET_CATEGORY_LABELS[c as keyof typeof BUDGET_CATEGORY_LABELS]}: ${formatSek(n)}`).join(", ")}</dd>
                <dt>Oanvänt</dt><dd>{formatSek(r.unspentSek ?? 0)}</dd>
                <dt>Gjort</dt><dd className="whitespace-pre-line">{r.whatWasDone}</dd>
                <dt>För de boende</dt><dd className="whitespace-pre-line">{r.resultsForResidents}</dd>
                <dt>Lärdomar</dt><dd className="whitespace-pre-line">{r.lessonsLearned}</dd>
                <dt>Fortsättning</dt><dd className="whitespace-pre-line">{r.continuation}</dd>
              </dl>
            ) : null}
            {officer && r.status === "SUBMITTED" ? (
              <div className="mt-3 grid gap-6 sm:grid-cols-2">
                <SimpleForm id={`accept-${r.id}`} fields={[]} submitLabel="Godkänn rapporten" action={acceptReportAction.bind(null, r.id)} />
                <SimpleForm id={`complete-${r.id}`} submitLabel="Begär komplettering" variant="secondary" action={reportCompletionAction.bind(null, r.id)} fields={[{ name: "message", type: "textarea", label: "Vad saknas i rapporten?" }]} />
              </div>
            ) : null}
            {officer && r.status !== "ACCEPTED" ? (
              <details className="mt-3"><summary className="cursor-pointer">Ändra sista dag</summary>
                <SimpleForm id={`due-${r.id}`} submitLabel="Spara datum" action={dueDateAction.bind(null, r.id)} fields={[{ name: "dueDate", type: "date", label: "Ny sista dag", defaultValue: isoDate(r.dueDate) }]} />
              </details>
            ) : null}
          </article>
        ))}
      </section>
      <section aria-labelledby="claims" className="mb-10">
        <h2 id="claims" className="mb-3 text-2xl font-bold">Återkrav</h2>
        {g.repaymentClaims.map((c) => <p key={c.id} className="mb-2">{formatSek(c.amountSek)} senast {formatDate(c.dueDate)}: {c.reasons}</p>)}
        {officer ? (
          <SimpleForm id="repayment" submitLabel="Besluta om återkrav" variant="warning" action={repaymentAction.bind(null, g.id)}
            fields={[
              { name: "amountSek", type: "number", label: "Belopp att betala tillbaka (kr)" },
              { name: "reasons", type: "textarea", label: "Skäl", hint: "Till exempel medel som inte har använts eller som har använts till annat än det beviljade." },
              { name: "dueDate", type: "date", label: "Sista betalningsdag" },
            ]} />
        ) : null}
      </section>
    </>
  );
}
