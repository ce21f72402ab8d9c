"use client";
import { useEffect, useMemo, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { saveReportAction } from "@/app/(applicant)/ansokningar/[id]/rapport/[reportId]/actions";
import { spendingProblems, type Spending } from "@/lib/domain/follow-up";
import { BUDGET_CATEGORY_LABELS } from "@/lib/domain/labels";
import { formatSek } from "@/lib/domain/format";
import type { BudgetCategory } from "@/lib/validation/application";
import { AmountInput, Input, TextArea } from "@/components/ui/form";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";

export type ReportValues = {
  meetingsHeld: number | null; participantsWomen: number | null; participantsMen: number | null; participantsOther: number | null;
  collaborationsStarted: number | null; collaborationsNote: string; spending: Spending; unspentSek: number | null;
  whatWasDone: string; resultsForResidents: string; lessonsLearned: string; continuation: string;
};

const COUNTS = [
  ["meetingsHeld", "Antal möten och träffar", "Alla aktiviteter där ni har träffat deltagare eller partner."],
  ["participantsWomen", "Deltagare: kvinnor och flickor", undefined],
  ["participantsMen", "Deltagare: män och pojkar", undefined],
  ["participantsOther", "Deltagare: annat eller okänt kön", undefined],
  ["collaborationsStarted", "Samverkan som har startat eller formaliserats", "Till exempel ett idéburet offentligt partnerskap (IOP) eller en överenskommelse."],
] as const;

/** The grantee's report: numbers, money spent per category against the budget, and the story. Saved as a draft until sent. */
export function ReportForm({ reportId, applicationId, version, initial, budget, grantedSek, editable }: {
  reportId: string; applicationId: string; version: number; initial: ReportValues; budget: Spending; grantedSek: number; editable: boolean;
}) {
  const router = useRouter();
  const [v, setV] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [state, setState] = useState<"idle" | "saving" | "saved" | "conflict">("idle");
  const current = useRef(version);
  const warnings = useMemo(() => spendingProblems(v.spending, grantedSek, budget), [v.spending, grantedSek, budget]);
  const dirty = useRef(false);
  const set = <K extends keyof ReportValues>(k: K) => (value: ReportValues[K]) => { dirty.current = true; setV((x) => ({ ...x, [k]: value })); };

  // Drafts save themselves a moment after typing stops, as in the application wizard.
  useEffect(() => {
    if (!editable || !dirty.current || state === "conflict") return;
    const timer = setTimeout(() => { dirty.current = false; void save(false); }, 1200);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [v]);

  const inFlight = useRef<Promise<void> | null>(null);

  /** One save at a time: an autosave and a submit never race each other's version. */
  async function save(submit: boolean) {
    if (submit) dirty.current = false;
    while (inFlight.current) await inFlight.current;
    const run = (async () => {
      setState("saving");
      const result = await saveReportAction(reportId, current.current, v, submit);
      if (!result.ok) {
        setState(result.conflict ? "conflict" : "idle");
        setMessage(result.message);
        setErrors(result.errors);
        return;
      }
      current.current = result.value;
      setErrors({});
      setMessage(null);
      setState("saved");
      if (submit) router.push(`/ansokningar/${applicationId}`);
    })();
    inFlight.current = run;
    try {
      await run;
    } finally {
      inFlight.current = null;
    }
  }

  const items = Object.entries(errors).map(([k, m]) => ({ fieldId: k.replace(/\./g, "-"), message: m }));
  const total = Object.values(v.spending).reduce((s, n) => s + (Number.isFinite(n) ? (n as number) : 0), 0);
  return (
    <form noValidate onSubmit={(e) => { e.preventDefault(); void save(true); }} className="max-w-3xl">
      <ErrorSummary title="Det finns fel i formuläret" items={items} />
      {message && !items.length ? <p className="mb-4 border-l-4 border-error pl-4 font-semibold text-error" role="alert" id="report-message">{message}</p> : null}
      <fieldset className="mb-8" disabled={!editable}>
        <legend className="mb-2 text-2xl font-bold">Vad har ni gjort?</legend>
        {COUNTS.map(([key, label, hint]) => (
          <Input key={key} id={key} label={label} hint={hint} inputMode="numeric" width="max-w-xs" value={v[key] === null ? "" : String(v[key])}
            onChange={(text) => set(key)(text.trim() === "" ? null : /^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN)} error={errors[key]} />
        ))}
        <TextArea id="collaborationsNote" label="Beskriv samverkan" optional rows={3} value={v.collaborationsNote} onChange={set("collaborationsNote")} />
      </fieldset>
      <fieldset id="spending" tabIndex={-1} className="mb-8" disabled={!editable}>
        <legend className="mb-2 text-2xl font-bold">Hur har pengarna använts?</legend>
        <p className="mb-4 text-muted">Ange vad ni har använt per kategori. Beviljat belopp: {formatSek(grantedSek)}.</p>
        {(Object.keys(BUDGET_CATEGORY_LABELS) as BudgetCategory[]).map((c) => (
          <AmountInput key={c} id={`spending-${c}`} label={`${BUDGET_CATEGORY_LABELS[c]} (budget ${formatSek(budget[c] ?? 0)})`} value={v.spending[c] ?? 0}
            onChange={(n) => { dirty.current = true; setV((x) => ({ ...x, spending: { ...x.spending, [c]: n } })); }} error={errors[`spending.${c}`] ?? warnings.find((w) => w.path === `spending.${c}`)?.message} />
        ))}
        <p className="mb-4">Summa använt: <strong data-testid="spent-total">{formatSek(total)}</strong></p>
        {warnings.filter((w) => w.path === "spending").map((w) => <p key={w.message} className="mb-4 font-semibold text-error" data-testid="spending-warning">{w.message}</p>)}
        <AmountInput id="unspentSek" label="Pengar som inte har använts" hint="De kan krävas tillbaka." value={v.unspentSek ?? 0} onChange={set("unspentSek")} error={errors.unspentSek} />
      </fieldset>
      <fieldset className="mb-8" disabled={!editable}>
        <legend className="mb-2 text-2xl font-bold">Berätta</legend>
        <TextArea id="whatWasDone" label="Vad har ni gjort?" rows={5} value={v.whatWasDone} onChange={set("whatWasDone")} />
        <TextArea id="resultsForResidents" label="Vad har det lett till för de boende?" rows={5} value={v.resultsForResidents} onChange={set("resultsForResidents")} />
        <TextArea id="lessonsLearned" label="Vad har ni lärt er?" rows={5} value={v.lessonsLearned} onChange={set("lessonsLearned")} />
        <TextArea id="continuation" label="Hur fortsätter arbetet?" rows={5} value={v.continuation} onChange={set("continuation")} />
      </fieldset>
      {state === "conflict" ? <p className="mb-4 font-semibold text-error" data-testid="report-conflict">Rapporten har ändrats någon annanstans. Det du skrev finns kvar här – kopiera det och ladda om sidan.</p> : null}
      <p role="status" className="mb-4 text-sm" data-testid="report-state">{state === "saved" ? "Sparat." : state === "saving" ? "Sparar …" : ""}</p>
      {editable ? (
        <div className="flex flex-wrap gap-4">
          <Button type="button" variant="secondary" onClick={() => void save(false)}>Spara utkast</Button>
          <Button type="submit">Skicka in rapporten</Button>
        </div>
      ) : null}
    </form>
  );
}
