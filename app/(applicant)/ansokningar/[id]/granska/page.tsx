import Link from "next/link";
import { redirect } from "next/navigation";
import { requirePageRole } from "@/lib/server/actor";
import { getForApplicant } from "@/lib/server/applications";
import { orNotFound } from "@/lib/server/page";
import { draftOf, roundOf } from "@/lib/server/wizard-data";
import { checkDraft, type Part } from "@/lib/domain/application-parts";
import { applicantMayEdit, roundIsOpen } from "@/lib/domain/lifecycle";
import { todayInStockholm } from "@/lib/domain/dates";
import { formatDate, formatSek } from "@/lib/domain/format";
import {
  BUDGET_CATEGORY_LABELS, DECLARATION_LABELS, FOCUS_AREA_LABELS, FUNDING_STATUS_LABELS, LETTER_STATUS_LABELS, METHOD_LABELS,
  NEED_BASIS_LABELS, SECTOR_LABELS, TRACK_LABELS, VARIANT_LABELS,
} from "@/lib/domain/labels";
import { municipalityName } from "@/lib/reference/municipalities";
import { DECLARATIONS } from "@/lib/validation/application";
import { Checklist } from "@/components/wizard/checklist";
import { PART_TITLES } from "@/lib/domain/application-parts";
import { SubmitButton } from "@/components/wizard/submit-button";

export const metadata = { title: "Granska och skicka in" };

type Row = [label: string, value: React.ReactNode, anchor: string];

function Section({ appId, part, rows }: { appId: string; part: Part; rows: Row[] }) {
  return (
    <section aria-labelledby={`review-${part}`} className="mb-10">
      <h2 id={`review-${part}`} className="mb-2 text-2xl font-bold">{PART_TITLES[part]}</h2>
      <dl className="divide-y divide-line border-y border-line">
        {rows.map(([label, value, anchor]) => (
          <div key={label} className="grid gap-2 py-3 sm:grid-cols-[1fr_2fr_auto]">
            <dt className="font-semibold">{label}</dt>
            <dd className="whitespace-pre-line">{value || <span className="text-muted">Inte ifyllt</span>}</dd>
            <dd><Link href={`/ansokningar/${appId}/${part}#${anchor}`}>Ändra<span className="sr-only"> {label.toLowerCase()}</span></Link></dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export default async function ReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageRole(["APPLICANT"]);
  const app = await orNotFound(getForApplicant(actor, id));
  if (!applicantMayEdit(app.status)) redirect(`/ansokningar/${id}`);
  const { draft } = draftOf(app);
  const problems = checkDraft(draft, { today: todayInStockholm(), round: roundOf(app) });
  const completing = app.status === "COMPLEMENT_REQUESTED";
  const closed = !completing && !roundIsOpen(app.round);
  const d = (date: Date | null) => (date ? formatDate(date) : "");
  const list = (values: string[]) => values.join(", ");

  return (
    <div>
      <p className="mb-2"><Link href={`/ansokningar/${id}`}>Tillbaka till ansökans delar</Link></p>
      <h1 className="mb-2 text-3xl font-bold">Granska och skicka in</h1>
      <p className="mb-6 max-w-2xl text-lg text-muted">Kontrollera dina svar. Du kan ändra allt fram till att du skickar in. Efter det kan ansökan bara ändras om handläggaren begär en komplettering.</p>
      <Checklist problems={problems} applicationId={id} />

      <Section appId={id} part="grunduppgifter" rows={[
        ["Titel", app.title, "title"],
        ["Sammanfattning", app.summary, "summary"],
        ["Inriktning", app.track ? TRACK_LABELS[app.track] : "", "track"],
        ["Variant", app.variant ? VARIANT_LABELS[app.variant] : app.track === "INTERVENTION" ? "Ingen variant" : "", "variant"],
        ["Områden som projektet rör", list(app.focusAreas.map((f) => FOCUS_AREA_LABELS[f])), "focusAreas"],
        ["Projektperiod", app.periodStart && app.periodEnd ? `${d(app.periodStart)} – ${d(app.periodEnd)}` : "", "period-start"],
      ]} />
      <Section appId={id} part="omrade" rows={[
        ["Områden", list(app.areas.map((a) => `${a.name} (${municipalityName(a.municipalityCode) ?? a.municipalityCode})`)), "areas"],
        ["Behoven i området", app.needsDescription, "needsDescription"],
        ...(app.track === "INTERVENTION" ? [["Så identifierades behovet", app.needBasisKind ? `${NEED_BASIS_LABELS[app.needBasisKind]}\n${app.needBasisDescription ?? ""}` : "", "needBasis"] as Row] : []),
      ]} />
      <Section appId={id} part="genomforande" rows={[
        ...(app.variant === "FOLLOW_UP" ? [["Tidigare kunskapsbidrag", app.previousGrantReference ?? "", "previousGrantReference"] as Row] : []),
        ["Metoder", list(app.methods.map((m) => METHOD_LABELS[m])), "methods"],
        ...(app.variant === "COORDINATION" ? [["Strategiskt ramverk", app.strategicFramework ?? "", "strategicFramework"] as Row] : []),
        ["Jämställdhet", app.genderEqualityPerspective, "genderEqualityPerspective"],
        ["Långsiktighet", app.longTermPlan, "longTermPlan"],
      ]} />
      <Section appId={id} part="partner" rows={app.partners.length ? app.partners.map((p, i) => [
        `Partner ${i + 1}`,
        `${p.name}${p.orgNumber ? ` (${p.orgNumber})` : ""}\n${SECTOR_LABELS[p.sector]}${p.localAnchoring ? ", lokal förankring" : ""}\nRoll: ${p.role}\nAktiviteter: ${p.activities || "–"}\nAvsiktsförklaring: ${p.letter ? LETTER_STATUS_LABELS[p.letter.status] : "saknas"}`,
        `partners-${i}-name`,
      ] as Row) : [["Partner", "", "partners"]]} />
      <Section appId={id} part="budget" rows={[
        ...app.budgetLines.map((b, i) => [`${b.year}: ${BUDGET_CATEGORY_LABELS[b.category]}`, `${formatSek(b.amountSek)}${b.description ? ` – ${b.description}` : ""}`, `budget-${i}-amountSek`] as Row),
        ["Egen medfinansiering", formatSek(app.cofinancingSek), "cofinancingSek"],
        ["Sökt belopp", <strong key="r">{formatSek(app.requestedSek)}</strong>, "requestedSek"],
        ["Annan finansiering", list(app.otherFunding.map((f) => `${f.funder}: ${formatSek(f.amountSek)} (${FUNDING_STATUS_LABELS[f.status]})`)) || "Ingen", "otherFunding"],
        ["Statligt stöd", app.stateAid === null ? "" : app.stateAid ? "Ja, eller vet inte" : "Nej", "stateAid"],
      ]} />
      <Section appId={id} part="intyganden" rows={[
        ["Organisationen bildades", d(app.organisation.foundedOn), "applicant-foundedOn"],
        ...DECLARATIONS.map((name) => [DECLARATION_LABELS[name], app[({ independent: "declIndependent", nonProfit: "declNonProfit", respectsDemocracy: "declRespectsDemocracy", noDebtsToEnforcementAuthority: "declNoDebts", notInLiquidation: "declNotInLiquidation" } as const)[name]] ? "Ja, vi intygar" : "", `declarations-${name}`] as Row),
      ]} />

      <section aria-labelledby="send-title" className="border-t-4 border-accent pt-6">
        <h2 id="send-title" className="mb-2 text-2xl font-bold">{completing ? "Skicka in kompletteringen" : "Skicka in ansökan"}</h2>
        {closed ? <p className="mb-4 font-semibold text-error">Utlysningen är stängd. Ansökningar kan bara skickas in medan utlysningen är öppen.</p> : null}
        <p className="mb-4">När du skickar in intygar du att uppgifterna är riktiga. Du får ett diarienummer och en bekräftelse via e-post.</p>
        <SubmitButton applicationId={id} label={completing ? "Skicka in kompletteringen" : "Skicka in ansökan"} />
      </section>
    </div>
  );
}
