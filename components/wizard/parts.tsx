"use client";
import { fieldId } from "@/lib/domain/application-parts";
import {
  BUDGET_CATEGORY_LABELS, DECLARATION_LABELS, FOCUS_AREA_LABELS, FUNDING_STATUS_LABELS, METHOD_LABELS, NEED_BASIS_LABELS,
  SECTOR_LABELS, TRACK_LABELS, VARIANT_LABELS, options,
} from "@/lib/domain/labels";
import { yearsBetween, isIsoDate } from "@/lib/domain/dates";
import { formatSek } from "@/lib/domain/format";
import { MUNICIPALITIES_BY_NAME } from "@/lib/reference/municipalities";
import { DECLARATIONS } from "@/lib/validation/application";
import type { PartData } from "@/lib/validation/draft";
import { AmountInput, Checkbox, Checkboxes, Input, Radios, Select, TextArea } from "@/components/ui/form";
import { Button } from "@/components/ui/button";
import { PartFrame, usePartForm, type PartFormProps } from "./part-form";

const municipalityOptions = MUNICIPALITIES_BY_NAME.map((m) => ({ value: m.code, label: m.name }));
const id = fieldId;

export function BasicsForm(props: PartFormProps<"grunduppgifter">) {
  const f = usePartForm(props);
  const d = f.data;
  const variants = d.track === "KNOWLEDGE" ? (["NEW", "FOLLOW_UP"] as const) : d.track === "COLLABORATION" ? (["COORDINATION", "EXPLORATORY"] as const) : [];
  return (
    <PartFrame form={f} title="Grunduppgifter" lead="Berätta vad projektet heter, vad det går ut på och när det ska pågå.">
      <Input id={id("title")} label="Projektets titel" hint="En kort titel som beskriver projektet, till exempel Mötesplats Skärholmen." value={d.title}
        onChange={(title) => f.update({ title })} onBlur={() => f.touch("title")} error={f.error("title")} />
      <TextArea id={id("summary")} label="Sammanfattning" hint="Beskriv med några meningar vad ni vill göra, tillsammans med vilka och vad det ska leda till för de boende." rows={4}
        value={d.summary} onChange={(summary) => f.update({ summary })} onBlur={() => f.touch("summary")} error={f.error("summary")} />
      <Radios id={id("track")} label="Inriktning" hint="Bidraget har tre inriktningar. Välj den som passar projektet bäst." value={d.track}
        options={options(TRACK_LABELS)} onChange={(track) => f.update({ track: track as typeof d.track, variant: null })} error={f.error("track")} />
      {variants.length ? (
        <Radios id={id("variant")} label="Variant" value={d.variant} options={variants.map((v) => ({ value: v, label: VARIANT_LABELS[v] }))}
          onChange={(variant) => f.update({ variant: variant as typeof d.variant })} error={f.error("variant")} />
      ) : null}
      <Checkboxes id={id("focusAreas")} label="Vilka områden rör projektet?" hint="Välj alla som passar." optional values={d.focusAreas}
        options={options(FOCUS_AREA_LABELS)} onChange={(v) => f.update({ focusAreas: v as typeof d.focusAreas })} error={f.error("focusAreas")} />
      <fieldset className="mb-6">
        <legend className="text-lg font-semibold">Projektperiod</legend>
        <p className="mb-2 text-muted">Ett projekt kan pågå i upp till 36 månader. En förstudie inom samverkan pågår i högst ett år.</p>
        <Input id={id("period.start")} type="date" label="Startdatum" width="max-w-xs" value={d.periodStart} onChange={(periodStart) => f.update({ periodStart })}
          onBlur={() => f.touch("period.start")} error={f.error("period.start")} />
        <Input id={id("period.end")} type="date" label="Slutdatum" width="max-w-xs" value={d.periodEnd} onChange={(periodEnd) => f.update({ periodEnd })}
          onBlur={() => f.touch("period.end")} error={f.error("period.end")} />
      </fieldset>
    </PartFrame>
  );
}

export function AreaForm(props: PartFormProps<"omrade">) {
  const f = usePartForm(props);
  const d = f.data;
  const track = props.draft.track;
  const setArea = (i: number, patch: Partial<(typeof d.areas)[number]>) => f.update({ areas: d.areas.map((a, j) => (j === i ? { ...a, ...patch } : a)) });
  return (
    <PartFrame form={f} title="Område och behov" lead="Var ska arbetet göras, och vilka behov finns där i dag?">
      <fieldset id={id("areas")} tabIndex={-1} className="mb-6">
        <legend className="text-lg font-semibold">Områden</legend>
        <p className="mb-3 text-muted">Ange de bostadsområden eller stadsdelar där arbetet görs, och vilken kommun de ligger i.</p>
        {f.error("areas") ? <p className="mb-2 font-semibold text-error">{f.error("areas")}</p> : null}
        {d.areas.map((area, i) => (
          <div key={i} className="mb-4 border-l-4 border-line pl-4">
            <Select id={id(`areas.${i}.municipalityCode`)} label={`Kommun för område ${i + 1}`} placeholder="Välj kommun" value={area.municipalityCode}
              options={municipalityOptions} onChange={(municipalityCode) => setArea(i, { municipalityCode })} error={f.error(`areas.${i}.municipalityCode`)} />
            <Input id={id(`areas.${i}.name`)} label={`Namn på område ${i + 1}`} hint="Till exempel Skärholmen eller Rosengård." value={area.name}
              onChange={(name) => setArea(i, { name })} />
            <Button type="button" variant="secondary" onClick={() => f.update({ areas: d.areas.filter((_, j) => j !== i) })}>Ta bort område {i + 1}</Button>
          </div>
        ))}
        <Button type="button" variant="secondary" onClick={() => f.update({ areas: [...d.areas, { municipalityCode: "", name: "" }] })}>Lägg till ett område</Button>
      </fieldset>
      <TextArea id={id("needsDescription")} label="Behoven i området" rows={8}
        hint="Hur ser livsvillkoren ut i dag när det gäller skola, boende, arbete, delaktighet och trygghet? Vad vet ni om de boendes behov, och hur vet ni det?"
        value={d.needsDescription} onChange={(needsDescription) => f.update({ needsDescription })} onBlur={() => f.touch("needsDescription")} error={f.error("needsDescription")} />
      {track === "INTERVENTION" ? (
        <fieldset id={id("needBasis")} tabIndex={-1} className={`mb-6 ${f.error("needBasis") ? "border-l-4 border-error pl-4" : ""}`}>
          <legend className="text-lg font-semibold">Hur har behovet identifierats?</legend>
          <p className="mb-2 text-muted">Direkta insatser ska utgå från ett behov som ni har identifierat genom samverkan eller genom kunskap om läget i området.</p>
          {f.error("needBasis") ? <p className="mb-2 font-semibold text-error">{f.error("needBasis")}</p> : null}
          <Radios id="needBasis-kind" label="Sätt" value={d.needBasisKind} options={options(NEED_BASIS_LABELS)} onChange={(k) => f.update({ needBasisKind: k as typeof d.needBasisKind })} />
          <TextArea id="needBasis-description" label="Beskriv hur behovet togs fram" hint="Till exempel vilka aktörer ni har talat med, eller vilken statistik och kunskap ni bygger på."
            value={d.needBasisDescription} onChange={(needBasisDescription) => f.update({ needBasisDescription })} onBlur={() => f.touch("needBasis")} />
        </fieldset>
      ) : null}
    </PartFrame>
  );
}

export function ImplementationForm(props: PartFormProps<"genomforande">) {
  const f = usePartForm(props);
  const d = f.data;
  const { track, variant } = props.draft;
  return (
    <PartFrame form={f} title="Genomförande" lead="Hur ska ni arbeta, och hur lever arbetet vidare när bidraget tar slut?">
      {track === "KNOWLEDGE" && variant === "FOLLOW_UP" ? (
        <Input id={id("previousGrantReference")} label="Diarienummer för det tidigare kunskapsbidraget" hint="Till exempel 2024/0042. Det står i beslutet om det tidigare bidraget." width="max-w-xs"
          value={d.previousGrantReference} onChange={(previousGrantReference) => f.update({ previousGrantReference })} onBlur={() => f.touch("previousGrantReference")} error={f.error("previousGrantReference")} />
      ) : null}
      <Checkboxes id={id("methods")} label="Metoder för dialog med de boende" optional={track !== "KNOWLEDGE"}
        hint={track === "KNOWLEDGE" ? "Kunskaps- och metodutveckling kräver minst en metod för att ta in de boendes erfarenheter." : "Hur tar ni in de boendes erfarenheter och synpunkter?"}
        values={d.methods} options={options(METHOD_LABELS)} onChange={(v) => f.update({ methods: v as typeof d.methods })} error={f.error("methods")} />
      {track === "COLLABORATION" && variant === "COORDINATION" ? (
        <TextArea id={id("strategicFramework")} label="Strategiskt ramverk" rows={6}
          hint="Vilken gemensam strategi eller plan bygger samverkan på, till exempel kommunens strategi mot segregation? Hur styrs och följs samverkan upp?"
          value={d.strategicFramework} onChange={(strategicFramework) => f.update({ strategicFramework })} onBlur={() => f.touch("strategicFramework")} error={f.error("strategicFramework")} />
      ) : null}
      <TextArea id={id("genderEqualityPerspective")} label="Jämställdhet" rows={5}
        hint="Hur ser ni till att både kvinnor och män, flickor och pojkar, kan delta och påverka? Hur följer ni upp vilka ni når?"
        value={d.genderEqualityPerspective} onChange={(genderEqualityPerspective) => f.update({ genderEqualityPerspective })} onBlur={() => f.touch("genderEqualityPerspective")} error={f.error("genderEqualityPerspective")} />
      <TextArea id={id("longTermPlan")} label="Långsiktighet" rows={5}
        hint="Hur fortsätter arbetet efter bidragstiden? Finns det till exempel en överenskommelse eller ett idéburet offentligt partnerskap (IOP)?"
        value={d.longTermPlan} onChange={(longTermPlan) => f.update({ longTermPlan })} onBlur={() => f.touch("longTermPlan")} error={f.error("longTermPlan")} />
    </PartFrame>
  );
}

type PartnerRow = PartData<"partner">["partners"][number];
const emptyPartner = (): PartnerRow => ({ name: "", orgNumber: "", sector: "MUNICIPALITY", localAnchoring: false, role: "", activities: "", contactName: "", contactEmail: "" });

export function PartnersForm(props: PartFormProps<"partner">) {
  const f = usePartForm(props);
  const d = f.data;
  const coordination = props.draft.track === "COLLABORATION" && props.draft.variant === "COORDINATION";
  const set = (i: number, patch: Partial<PartnerRow>) => f.update({ partners: d.partners.map((p, j) => (j === i ? { ...p, ...patch } : p)) });
  return (
    <PartFrame form={f} title="Partner" lead="Alla inriktningar kräver samverkan med andra aktörer, till exempel kommunen, ett bostadsbolag, en skola eller andra föreningar. Minst en partner ska ha lokal förankring i området.">
      {f.error("partners") ? <p id={id("partners")} tabIndex={-1} className="mb-4 font-semibold text-error">{f.error("partners")}</p> : null}
      {d.partners.map((p, i) => (
        <fieldset key={p.id ?? `new-${i}`} className="mb-8 border-l-4 border-accent pl-4" aria-labelledby={`partner-${i}-legend`}>
          <legend id={`partner-${i}-legend`} className="text-xl font-bold">Partner {i + 1}{p.name ? `: ${p.name}` : ""}</legend>
          <Input id={id(`partners.${i}.name`)} label="Namn" value={p.name} onChange={(name) => set(i, { name })} onBlur={() => f.touch(`partners.${i}.name`)} error={f.error(`partners.${i}.name`)} />
          <Input id={id(`partners.${i}.orgNumber`)} label="Organisationsnummer" optional hint="Tio siffror, till exempel 212000-0142." width="max-w-xs" value={p.orgNumber}
            onChange={(orgNumber) => set(i, { orgNumber })} onBlur={() => f.touch(`partners.${i}.orgNumber`)} error={f.error(`partners.${i}.orgNumber`)} />
          <Select id={id(`partners.${i}.sector`)} label="Sektor" value={p.sector} options={options(SECTOR_LABELS)} onChange={(sector) => set(i, { sector: sector as PartnerRow["sector"] })} />
          <Checkbox id={id(`partners.${i}.localAnchoring`)} label="Partnern har lokal förankring i området" hint="Till exempel verksamhet, lokaler eller anställda i området." checked={p.localAnchoring}
            onChange={(localAnchoring) => set(i, { localAnchoring })} />
          <TextArea id={id(`partners.${i}.role`)} label="Partnerns roll" rows={3} hint="Vad har partnern för roll i projektet?" value={p.role}
            onChange={(role) => set(i, { role })} onBlur={() => f.touch(`partners.${i}.role`)} error={f.error(`partners.${i}.role`)} />
          <TextArea id={id(`partners.${i}.activities`)} label="Aktiviteter" rows={3} optional={!coordination} hint="Vilka aktiviteter ansvarar partnern för?" value={p.activities}
            onChange={(activities) => set(i, { activities })} onBlur={() => f.touch(`partners.${i}.activities`)} error={f.error(`partners.${i}.activities`)} />
          <Input id={id(`partners.${i}.contactName`)} label="Kontaktperson" optional hint="Den som ska skriva under avsiktsförklaringen." value={p.contactName} onChange={(contactName) => set(i, { contactName })} />
          <Input id={id(`partners.${i}.contactEmail`)} type="email" label="Kontaktpersonens e-postadress" optional value={p.contactEmail}
            onChange={(contactEmail) => set(i, { contactEmail })} error={f.serverErrors[`partners.${i}.contactEmail`]} />
          <Button type="button" variant="secondary" onClick={() => f.update({ partners: d.partners.filter((_, j) => j !== i) })}>Ta bort partner {i + 1}</Button>
        </fieldset>
      ))}
      <Button type="button" variant="secondary" onClick={() => f.update({ partners: [...d.partners, emptyPartner()] })}>Lägg till en partner</Button>
      <p className="mt-6 text-muted">Avsiktsförklaringarna hanterar du på sidan för ansökans delar när partnern är sparad.</p>
    </PartFrame>
  );
}

type BudgetRow = PartData<"budget">["budget"][number];
type FundingRow = PartData<"budget">["otherFunding"][number];

export function BudgetForm(props: PartFormProps<"budget">) {
  const f = usePartForm(props);
  const d = f.data;
  const period = props.draft.period;
  const years = period && isIsoDate(period.start) && isIsoDate(period.end) ? yearsBetween(period.start, period.end) : [];
  const total = d.budget.reduce((s, b) => s + (Number.isFinite(b.amountSek) ? b.amountSek : 0), 0);
  const requested = total - (Number.isFinite(d.cofinancingSek) ? d.cofinancingSek : 0);
  const setLine = (i: number, patch: Partial<BudgetRow>) => f.update({ budget: d.budget.map((b, j) => (j === i ? { ...b, ...patch } : b)) });
  const setFunding = (i: number, patch: Partial<FundingRow>) => f.update({ otherFunding: d.otherFunding.map((b, j) => (j === i ? { ...b, ...patch } : b)) });
  const yearOptions = (years.length ? years : [new Date().getFullYear() + 1]).map((y) => ({ value: String(y), label: String(y) }));
  return (
    <PartFrame form={f} title="Budget och annan finansiering" lead="Ange kostnaderna per år och kategori. Det sökta beloppet räknas ut åt dig: budgetens summa minus er egen medfinansiering.">
      <fieldset id={id("budget")} tabIndex={-1} className="mb-6">
        <legend className="text-lg font-semibold">Budget</legend>
        {!years.length ? <p className="mb-2 text-muted">Ange projektperioden under Grunduppgifter så visas rätt år här.</p> : null}
        {d.budget.map((line, i) => (
          <div key={i} className="mb-4 grid gap-x-4 border-l-4 border-line pl-4 sm:grid-cols-2">
            <Select id={id(`budget.${i}.year`)} label={`År, rad ${i + 1}`} value={String(line.year)} options={yearOptions} onChange={(v) => setLine(i, { year: Number(v) })} error={f.error(`budget.${i}.year`)} />
            <Select id={id(`budget.${i}.category`)} label={`Kategori, rad ${i + 1}`} value={line.category} options={options(BUDGET_CATEGORY_LABELS)} onChange={(v) => setLine(i, { category: v as BudgetRow["category"] })} />
            <AmountInput id={id(`budget.${i}.amountSek`)} label={`Belopp i kronor, rad ${i + 1}`} value={line.amountSek} onChange={(amountSek) => setLine(i, { amountSek })} error={f.error(`budget.${i}.amountSek`)} />
            <Input id={id(`budget.${i}.description`)} label={`Beskrivning, rad ${i + 1}`} optional hint="Till exempel Processledare 50 %." value={line.description} onChange={(description) => setLine(i, { description })} />
            <div><Button type="button" variant="secondary" onClick={() => f.update({ budget: d.budget.filter((_, j) => j !== i) })}>Ta bort rad {i + 1}</Button></div>
          </div>
        ))}
        <Button type="button" variant="secondary" onClick={() => f.update({ budget: [...d.budget, { year: years[0] ?? new Date().getFullYear() + 1, category: "STAFF", amountSek: 0, description: "" }] })}>Lägg till en budgetrad</Button>
      </fieldset>
      <AmountInput id={id("cofinancingSek")} label="Egen medfinansiering i kronor" hint="Pengar eller andra resurser som ni själva eller andra bidrar med till budgeten. Skriv 0 om ni inte har någon." value={d.cofinancingSek}
        onChange={(cofinancingSek) => f.update({ cofinancingSek })} error={f.error("cofinancingSek")} />
      <div id={id("requestedSek")} tabIndex={-1} className="mb-8 border-l-4 border-accent bg-surface p-4" aria-live="polite">
        <p>Budgetens summa: <strong data-testid="budget-total">{formatSek(total)}</strong></p>
        <p>Sökt belopp: <strong data-testid="requested">{formatSek(requested)}</strong></p>
        {f.error("requestedSek") ? <p className="mt-1 font-semibold text-error">{f.error("requestedSek")}</p> : null}
      </div>
      <fieldset id={id("otherFunding")} tabIndex={-1} className="mb-6">
        <legend className="text-lg font-semibold">Annan finansiering för samma arbete</legend>
        <p className="mb-2 text-muted">Har ni sökt eller fått pengar från någon annan för samma arbete? Ange alla, även sådant som inte är beslutat.</p>
        {d.otherFunding.map((row, i) => (
          <div key={i} className="mb-4 grid gap-x-4 border-l-4 border-line pl-4 sm:grid-cols-2">
            <Input id={id(`otherFunding.${i}.funder`)} label={`Finansiär ${i + 1}`} value={row.funder} onChange={(funder) => setFunding(i, { funder })} />
            <Input id={id(`otherFunding.${i}.purpose`)} label={`Vad pengarna gäller, finansiär ${i + 1}`} value={row.purpose} onChange={(purpose) => setFunding(i, { purpose })} />
            <AmountInput id={id(`otherFunding.${i}.amountSek`)} label={`Belopp i kronor, finansiär ${i + 1}`} value={row.amountSek} onChange={(amountSek) => setFunding(i, { amountSek })} error={f.error(`otherFunding.${i}.amountSek`)} />
            <Select id={id(`otherFunding.${i}.status`)} label={`Läge, finansiär ${i + 1}`} value={row.status} options={options(FUNDING_STATUS_LABELS)} onChange={(status) => setFunding(i, { status: status as FundingRow["status"] })} />
            <Input id={id(`otherFunding.${i}.decisionDate`)} type="date" label={`Beslutsdatum (eller väntat beslut), finansiär ${i + 1}`} width="max-w-xs" value={row.decisionDate}
              onChange={(decisionDate) => setFunding(i, { decisionDate })} error={f.error(`otherFunding.${i}.decisionDate`)} />
            <div><Button type="button" variant="secondary" onClick={() => f.update({ otherFunding: d.otherFunding.filter((_, j) => j !== i) })}>Ta bort finansiär {i + 1}</Button></div>
          </div>
        ))}
        <Button type="button" variant="secondary" onClick={() => f.update({ otherFunding: [...d.otherFunding, { funder: "", purpose: "", amountSek: 0, status: "APPLIED", decisionDate: "" }] })}>Lägg till en finansiär</Button>
      </fieldset>
      <Radios id={id("stateAid")} label="Kan bidraget räknas som statligt stöd enligt EU:s regler?"
        hint="Det kan det göra om organisationen bedriver ekonomisk verksamhet på en marknad, till exempel säljer tjänster. Handläggaren använder svaret som information."
        value={d.stateAid === null ? null : d.stateAid ? "yes" : "no"} options={[{ value: "no", label: "Nej" }, { value: "yes", label: "Ja, eller vi vet inte" }]}
        onChange={(v) => f.update({ stateAid: v === "yes" })} error={f.error("stateAid")} />
    </PartFrame>
  );
}

export function DeclarationsForm(props: PartFormProps<"intyganden">) {
  const f = usePartForm(props);
  const d = f.data;
  return (
    <PartFrame form={f} title="Intyganden" lead="Bidrag kan bara ges till organisationer som uppfyller villkoren i förordningen. Kryssa i det som stämmer för er organisation.">
      <Input id={id("applicant.foundedOn")} type="date" label="När bildades organisationen?" width="max-w-xs"
        hint="Föreningar och stiftelser måste ha funnits i minst två år. Datumet står i stadgarna eller i registret."
        value={d.foundedOn} onChange={(foundedOn) => f.update({ foundedOn })} onBlur={() => f.touch("applicant.foundedOn")} error={f.error("applicant.foundedOn")} />
      <fieldset className="mb-6">
        <legend className="text-lg font-semibold">Vi intygar att</legend>
        {DECLARATIONS.map((name) => (
          <Checkbox key={name} id={id(`declarations.${name}`)} label={DECLARATION_LABELS[name]} checked={d.declarations[name]}
            onChange={(v) => f.update({ declarations: { ...d.declarations, [name]: v } })} error={f.error(`declarations.${name}`)} />
        ))}
      </fieldset>
    </PartFrame>
  );
}
