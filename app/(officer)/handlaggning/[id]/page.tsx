import Link from "next/link";
import { requirePageRole, type Actor } from "@/lib/server/actor";
import { gateInfo, getForReview, reviewersForAssignment, type ReviewCase } from "@/lib/server/review";
import { orNotFound } from "@/lib/server/page";
import { mayOpen, CRITERIA, CRITERION_LABELS, meanScore } from "@/lib/domain/review";
import { BUDGET_CATEGORY_LABELS, FOCUS_AREA_LABELS, LETTER_STATUS_LABELS, METHOD_LABELS, NEED_BASIS_LABELS, SECTOR_LABELS, TRACK_LABELS, VARIANT_LABELS } from "@/lib/domain/labels";
import { formatDate, formatDateTime, formatSek } from "@/lib/domain/format";
import { municipalityName } from "@/lib/reference/municipalities";
import type { ApplicationContract } from "@/lib/validation/application";
import type { RuleResult } from "@/lib/domain/rules";
import { StatusTag } from "@/components/applications/status-tag";
import { SimpleForm } from "@/components/ui/simple-form";
import { Tag } from "@/components/ui/tag";
import {
  assignAction, commentAction, completionAction, decisionAction, declareConflictAction, formalCheckAction, proposalAction, reviewAction,
} from "./actions";

export const metadata = { title: "Ärende" };

export default async function CasePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageRole(["REVIEWER", "DECIDER", "ADMIN"]);
  const gate = await orNotFound(gateInfo(actor, id));
  if (!mayOpen(gate.declaration)) return <Gate gate={gate} />;
  const app = await orNotFound(getForReview(actor, id));
  return <Case app={app} actor={actor} />;
}

function Gate({ gate }: { gate: Awaited<ReturnType<typeof gateInfo>> }) {
  return (
    <div className="max-w-3xl">
      <p className="mb-2"><Link href="/handlaggning">Tillbaka till handläggning</Link></p>
      <h1 className="text-3xl font-bold">Jävsprövning – {gate.referenceNumber}</h1>
      <p className="mt-2 text-lg text-muted">Innan du ser ansökans innehåll prövar du om du är jävig (förvaltningslagen 16–18 §§). Du är jävig om du eller någon närstående har ett intresse i ärendet, till exempel sitter i styrelsen för den sökande eller en partner.</p>
      <dl className="my-6 grid grid-cols-[auto_1fr] gap-x-6 gap-y-2">
        <dt className="font-semibold">Diarienummer</dt><dd>{gate.referenceNumber}</dd>
        <dt className="font-semibold">Sökande</dt><dd>{gate.organisation} ({gate.orgNumber})</dd>
        <dt className="font-semibold">Partner</dt><dd>{gate.partners.join(", ") || "–"}</dd>
      </dl>
      {gate.declaration ? (
        <div className="border-l-4 border-error bg-[#fbeae8] p-4" data-testid="conflict-declared">
          <h2 className="text-xl font-bold">Du har anmält jäv i ärendet</h2>
          <p className="mt-1">Du kan inte öppna, bedöma eller besluta i ärendet. En administratör prövar anmälan och kan häva den med skäl.</p>
          {gate.declaration.status === "CONFIRMED" ? <p className="mt-1 font-semibold">Jävet är fastställt.</p> : null}
        </div>
      ) : (
        <SimpleForm id="conflict" submitLabel="Lämna jävsprövning" action={declareConflictAction.bind(null, gate.id)}
          fields={[
            { name: "answer", type: "radio", label: "Är du jävig i ärendet?", options: [{ value: "NONE", label: "Nej, jag är inte jävig" }, { value: "CONFLICT", label: "Ja, jag kan vara jävig" }] },
            { name: "description", type: "textarea", label: "Om du kan vara jävig: beskriv varför", optional: true },
          ]} />
      )}
    </div>
  );
}

const STEP = { FORMAL: "Steg 1: formell kontroll", MATERIAL: "Steg 2: bedömning av relevans och måluppfyllelse", COMPLETE: "Bedömningen är klar" } as const;

async function Case({ app, actor }: { app: ReviewCase; actor: Actor }) {
  const latest = app.versions.at(-1);
  const content = latest?.content as unknown as ApplicationContract | undefined;
  const rules = latest?.ruleResult as unknown as RuleResult | undefined;
  const previous = app.versions.length > 1 ? (app.versions.at(-2)!.content as unknown as Record<string, unknown>) : null;
  const changed = previous && content ? Object.keys(content).filter((k) => JSON.stringify((content as unknown as Record<string, unknown>)[k]) !== JSON.stringify(previous[k])) : [];
  const reviewer = actor.roles.includes("REVIEWER");
  const decider = actor.roles.includes("DECIDER");
  const myReview = app.reviews.find((r) => r.reviewer.id === actor.id);
  const openProposal = app.proposals.find((p) => p.status === "OPEN");
  const inReview = app.status === "SUBMITTED" || app.status === "IN_REVIEW";
  const reviewers = actor.roles.includes("ADMIN") ? await reviewersForAssignment() : [];
  const section = "mt-10 border-t-2 border-line pt-6";

  return (
    <div>
      <p className="mb-2"><Link href="/handlaggning">Tillbaka till handläggning</Link></p>
      <p className="text-muted">{app.organisation.name} ({app.organisation.orgNumber}) · {app.round.title}</p>
      <h1 className="text-3xl font-bold">{app.title}</h1>
      <p className="mt-3 flex flex-wrap items-center gap-3">
        <StatusTag status={app.status} />
        <span>Diarienummer <strong data-testid="case-reference">{app.referenceNumber}</strong></span>
        {app.assessmentStep ? <Tag tone="blue">{STEP[app.assessmentStep]}</Tag> : null}
        <span>Handläggare: {app.assignedTo?.name ?? "ingen ännu"}</span>
      </p>

      {inReview && (reviewer || actor.roles.includes("ADMIN")) ? (
        <div className="mt-4 flex flex-wrap gap-4">
          {reviewer && app.assignedTo?.id !== actor.id ? <SimpleForm id="take" fields={[]} submitLabel="Ta ärendet" variant="secondary" action={assignAction.bind(null, app.id)} /> : null}
          {reviewers.length ? (
            <SimpleForm id="assign" submitLabel="Tilldela" variant="secondary" action={assignAction.bind(null, app.id)}
              fields={[{ name: "userId", type: "radio", label: "Tilldela handläggare", options: reviewers.map((r) => ({ value: r.id, label: r.name })) }]} />
          ) : null}
        </div>
      ) : null}

      <section aria-labelledby="formal" className={section}>
        <h2 id="formal" className="text-2xl font-bold">Steg 1: formell kontroll</h2>
        <p className="mt-1 text-muted">Reglerna vid senaste inskickningen ({latest ? formatDateTime(latest.createdAt) : "–"}):</p>
        {rules?.valid ? <p className="mt-2 font-semibold text-success" data-testid="rules-ok">Ansökan uppfyllde alla regler, intyganden och krav på fullständighet.</p> : (
          <ul className="mt-2 list-disc pl-6">{rules?.problems.map((p, i) => <li key={i}>{p.message} ({p.code})</li>)}</ul>
        )}
        {rules?.warnings?.length ? <ul className="mt-2 list-disc pl-6">{rules.warnings.map((w, i) => <li key={i}>Varning: {w.message}</li>)}</ul> : null}
        {app.formalCheckAt ? <p className="mt-2">Formell kontroll: <strong>{app.formalCheckPassed ? "godkänd" : "inte godkänd"}</strong> {formatDateTime(app.formalCheckAt)}{app.formalCheckNote ? ` – ${app.formalCheckNote}` : ""}</p> : null}
        {reviewer && inReview ? (
          <div className="mt-4">
            <SimpleForm id="formal-check" submitLabel="Spara formell kontroll" successText="Den formella kontrollen är sparad." action={formalCheckAction.bind(null, app.id)}
              fields={[
                { name: "passed", type: "radio", label: "Uppfyller ansökan de formella kraven?", options: [{ value: "yes", label: "Ja – gå vidare till bedömningen" }, { value: "no", label: "Nej" }], defaultValue: app.formalCheckPassed === null ? undefined : app.formalCheckPassed ? "yes" : "no" },
                { name: "note", type: "textarea", label: "Anteckning", optional: true, defaultValue: app.formalCheckNote ?? "" },
              ]} />
          </div>
        ) : null}
      </section>

      {content ? <Content content={content} changed={changed} versions={app.versions} /> : null}

      <section aria-labelledby="letters" className={section}>
        <h2 id="letters" className="text-2xl font-bold">Avsiktsförklaringar</h2>
        <ul className="mt-2 space-y-2">
          {app.partners.map((p) => (
            <li key={p.id}>
              <strong>{p.name}</strong> ({SECTOR_LABELS[p.sector]}{p.localAnchoring ? ", lokal förankring" : ""}): {p.letter ? LETTER_STATUS_LABELS[p.letter.status] : "saknas"}
              {p.letter?.signedBy ? `, underskriven av ${p.letter.signedBy}` : ""}
              {p.letter?.file ? <> · <a href={`/api/handlaggning/${app.id}/partner/${p.id}/avsiktsforklaring`}>Visa PDF ({p.letter.file.fileName})</a></> : null}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="reviews" className={section}>
        <h2 id="reviews" className="text-2xl font-bold">Steg 2: bedömning</h2>
        {app.reviews.length === 0 ? <p className="mt-2">Ingen bedömning ännu.</p> : (
          <ul className="mt-2 space-y-3">
            {app.reviews.map((r) => (
              <li key={r.id} className="border-l-4 border-line pl-4">
                <p><strong>{r.reviewer.name}</strong>: medelbetyg {meanScore(r.scores) ?? "–"}, rekommenderar {r.recommendation === "APPROVE" ? "bifall" : r.recommendation === "REJECT" ? "avslag" : "–"}</p>
                <ul className="text-sm">{CRITERIA.map((c) => { const s = r.scores.find((x) => x.criterion === c); return <li key={c}>{CRITERION_LABELS[c].title}: {s?.score ?? "–"}{s?.comment ? ` – ${s.comment}` : ""}</li>; })}</ul>
                {r.summary ? <p className="mt-1">{r.summary}</p> : null}
              </li>
            ))}
          </ul>
        )}
        {reviewer && inReview ? (
          <div className="mt-6">
            <SimpleForm id="review" title={myReview ? "Ändra din bedömning" : "Din bedömning"} submitLabel="Spara bedömningen" successText="Bedömningen är sparad." action={reviewAction.bind(null, app.id)}
              fields={[
                ...CRITERIA.flatMap((c) => {
                  const s = myReview?.scores.find((x) => x.criterion === c);
                  return [
                    { name: `score_${c}`, type: "radio" as const, label: `${CRITERION_LABELS[c].title} (1–5)`, hint: CRITERION_LABELS[c].hint, options: [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: String(n) })), defaultValue: s ? String(s.score) : undefined },
                    { name: `comment_${c}`, type: "textarea" as const, label: `Kommentar om ${CRITERION_LABELS[c].title.toLowerCase()}`, optional: true, defaultValue: s?.comment ?? "" },
                  ];
                }),
                { name: "recommendation", type: "radio", label: "Rekommendation", options: [{ value: "APPROVE", label: "Bifall" }, { value: "REJECT", label: "Avslag" }], defaultValue: myReview?.recommendation ?? undefined },
                { name: "summary", type: "textarea", label: "Sammanfattande bedömning", optional: true, defaultValue: myReview?.summary ?? "" },
              ]} />
          </div>
        ) : null}
      </section>

      <section aria-labelledby="completion" className={section}>
        <h2 id="completion" className="text-2xl font-bold">Komplettering</h2>
        {app.complementRequests.length === 0 ? <p className="mt-2">Ingen komplettering begärd.</p> : (
          <ul className="mt-2 space-y-2">{app.complementRequests.map((r) => <li key={r.id}>{formatDateTime(r.createdAt)}, {r.requestedBy.name}: {r.message} {r.answeredAt ? `(besvarad ${formatDateTime(r.answeredAt)})` : "(väntar på svar)"}</li>)}</ul>
        )}
        {reviewer && inReview ? (
          <div className="mt-4">
            <SimpleForm id="complement" submitLabel="Begär komplettering" action={completionAction.bind(null, app.id)}
              fields={[
                { name: "message", type: "textarea", label: "Vad saknas?", hint: "Den sökande får texten i ett mejl och på ansökans sida." },
                { name: "dueDate", type: "date", label: "Komplettera senast", optional: true },
              ]} />
          </div>
        ) : null}
      </section>

      <section aria-labelledby="decision" className={section}>
        <h2 id="decision" className="text-2xl font-bold">Förslag och beslut</h2>
        {app.proposals.map((p) => (
          <p key={p.id} className="mt-2">Förslag av {p.proposedBy.name} {formatDateTime(p.createdAt)}: <strong>{p.outcome === "APPROVED" ? `bifall ${formatSek(p.amountSek ?? 0)}` : "avslag"}</strong> – {p.reasons} {p.status === "RETURNED" ? `(återlämnat: ${p.returnReason})` : p.status === "DECIDED" ? "(beslutat)" : ""}</p>
        ))}
        {app.decisions.map((d) => (
          <div key={d.id} className="mt-3 border-l-4 border-success bg-[#e6f2ec] p-3" data-testid="decision">
            <p><strong>{d.outcome === "APPROVED" ? `Beviljad: ${formatSek(d.amountSek ?? 0)}` : "Avslagen"}</strong>, {formatDate(d.decidedOn)}, beslutsfattare {d.decider.name}</p>
            <p>{d.reasons}</p>
            {d.letterFileId ? <p><a href={`/api/beslut/${d.id}/beslutsbrev`}>Ladda ner beslutsbrevet (PDF)</a></p> : null}
          </div>
        ))}
        {reviewer && app.status === "IN_REVIEW" ? (
          <div className="mt-4">
            <SimpleForm id="proposal" submitLabel="Föreslå beslut" action={proposalAction.bind(null, app.id)}
              fields={[
                { name: "outcome", type: "radio", label: "Förslag", options: [{ value: "APPROVED", label: "Bifall" }, { value: "REJECTED", label: "Avslag" }] },
                { name: "amountSek", type: "number", label: "Belopp vid bifall (kr)", hint: `Högst det sökta beloppet, ${formatSek(app.requestedSek)}.`, defaultValue: app.requestedSek },
                { name: "reasons", type: "textarea", label: "Motivering" },
              ]} />
          </div>
        ) : null}
        {decider && openProposal ? (
          <div className="mt-4">
            <SimpleForm id="decide" submitLabel="Fatta beslut" action={decisionAction.bind(null, app.id)}
              fields={[
                { name: "action", type: "radio", label: "Beslut", options: [{ value: "APPROVE", label: "Bevilja" }, { value: "REJECT", label: "Avslå" }, { value: "SEND_BACK", label: "Skicka tillbaka till handläggaren" }] },
                { name: "amountSek", type: "number", label: "Belopp vid bifall (kr)", defaultValue: openProposal.amountSek ?? app.requestedSek },
                { name: "reasons", type: "textarea", label: "Motivering", defaultValue: openProposal.reasons },
              ]} />
          </div>
        ) : null}
      </section>

      <section aria-labelledby="comments" className={section}>
        <h2 id="comments" className="text-2xl font-bold">Interna kommentarer</h2>
        <p className="text-muted">Visas aldrig för den sökande.</p>
        <ul className="my-3 space-y-2">{app.comments.map((c) => <li key={c.id}><strong>{c.author.name}</strong>, {formatDateTime(c.createdAt)}: {c.body}</li>)}</ul>
        <SimpleForm id="comment" submitLabel="Lägg till kommentar" action={commentAction.bind(null, app.id)} fields={[{ name: "body", type: "textarea", label: "Kommentar" }]} />
      </section>
    </div>
  );
}

function Content({ content: c, changed, versions }: { content: ApplicationContract; changed: string[]; versions: ReviewCase["versions"] }) {
  const row = (key: string, label: string, value: React.ReactNode) => (
    <div key={key} className={`grid gap-2 py-2 sm:grid-cols-[14rem_1fr] ${changed.includes(key) ? "bg-warning-bg" : ""}`}>
      <dt className="font-semibold">{label}{changed.includes(key) ? <span className="block text-sm font-normal">Ändrad i kompletteringen</span> : null}</dt>
      <dd className="whitespace-pre-line">{value || "–"}</dd>
    </div>
  );
  return (
    <section aria-labelledby="content" className="mt-10 border-t-2 border-line pt-6">
      <h2 id="content" className="text-2xl font-bold">Ansökan som den skickades in</h2>
      <p className="mt-1 text-muted">Versioner: {versions.map((v) => `${v.number} (${v.reason === "SUBMISSION" ? "ansökan" : "komplettering"}, ${formatDate(v.createdAt)})`).join(", ")}. {changed.length ? `Ändrat sedan förra versionen: ${changed.length} fält (markerade).` : ""}</p>
      <dl className="mt-3 divide-y divide-line">
        {row("track", "Inriktning", `${TRACK_LABELS[c.track]}${c.variant ? ` – ${VARIANT_LABELS[c.variant]}` : ""}`)}
        {row("summary", "Sammanfattning", c.summary)}
        {row("areas", "Områden", c.areas.map((a) => `${a.name} (${municipalityName(a.municipalityCode) ?? a.municipalityCode})`).join(", "))}
        {row("focusAreas", "Fokusområden", c.focusAreas.map((f) => FOCUS_AREA_LABELS[f]).join(", "))}
        {row("needsDescription", "Behov", c.needsDescription)}
        {c.needBasis ? row("needBasis", "Så identifierades behovet", `${c.needBasis.kind ? NEED_BASIS_LABELS[c.needBasis.kind] : ""}\n${c.needBasis.description ?? ""}`) : null}
        {c.previousGrantReference ? row("previousGrantReference", "Tidigare kunskapsbidrag", c.previousGrantReference) : null}
        {c.strategicFramework ? row("strategicFramework", "Strategiskt ramverk", c.strategicFramework) : null}
        {row("methods", "Metoder", c.methods.map((m) => METHOD_LABELS[m]).join(", "))}
        {row("genderEqualityPerspective", "Jämställdhet", c.genderEqualityPerspective)}
        {row("longTermPlan", "Långsiktighet", c.longTermPlan)}
        {row("period", "Period", `${formatDate(c.period.start)} – ${formatDate(c.period.end)}`)}
        {row("budget", "Budget", c.budget.map((b) => `${b.year} ${BUDGET_CATEGORY_LABELS[b.category]}: ${formatSek(b.amountSek)}${b.description ? ` (${b.description})` : ""}`).join("\n"))}
        {row("cofinancingSek", "Medfinansiering", formatSek(c.cofinancingSek))}
        {row("requestedSek", "Sökt belopp", formatSek(c.requestedSek))}
        {row("otherFunding", "Annan finansiering", c.otherFunding.map((f) => `${f.funder}: ${formatSek(f.amountSek)} (${f.status === "GRANTED" ? "beviljat" : "sökt"})`).join("\n"))}
        {row("stateAid", "Statligt stöd", c.stateAid ? "Ja, eller vet inte" : "Nej")}
        {row("partners", "Partner", c.partners.map((p) => `${p.name}: ${p.role}`).join("\n"))}
      </dl>
    </section>
  );
}
