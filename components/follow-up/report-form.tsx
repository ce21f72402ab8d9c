"use client";
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { spendingProblems, type Spending } from "@/lib/domain/follow-up";
import { LABELS } from "@/lib/domain/labels";
import { formatSek, type UiLocale } from "@/lib/domain/format";
import type { BudgetCategory } from "@/lib/validation/application";
import { REPORT_TEXT_LIMIT } from "@/lib/validation/follow-up";
import type { ActionResult } from "@/lib/server/action";
import { AmountInput, TextArea } from "@/components/ui/form";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";

export type ReportValues = {
  meetingsHeld: number | null;
  participantsWomen: number | null;
  participantsMen: number | null;
  participantsOther: number | null;
  collaborationsStarted: number | null;
  collaborationsNote: string;
  spending: Spending;
  unspentSek: number | null;
  whatWasDone: string;
  resultsForResidents: string;
  lessonsLearned: string;
  continuation: string;
};

// The numbers asked for, and whether each has a hint (the "<key>Hint" message).
const COUNTS = [
  ["meetingsHeld", true],
  ["participantsWomen", false],
  ["participantsMen", false],
  ["participantsOther", false],
  ["collaborationsStarted", true],
] as const;

/** The grantee's report: numbers, money spent per category against the budget, and the story. Saved as a draft until sent. */
export function ReportForm({
  reportId,
  applicationId,
  version,
  initial,
  budget,
  grantedSek,
  editable,
  saveReport,
}: {
  reportId: string;
  applicationId: string;
  version: number;
  initial: ReportValues;
  budget: Spending;
  grantedSek: number;
  editable: boolean;
  /** Saves the report (and with submit, sends it in); answers with its new version. */
  saveReport: (
    reportId: string,
    version: number,
    input: unknown,
    submit: boolean,
  ) => Promise<ActionResult<number>>;
}) {
  const router = useRouter();
  const t = useTranslations("followUp.report");
  const tc = useTranslations("common");
  const locale = useLocale() as UiLocale;
  const categories = LABELS[locale].budgetCategory;
  const sek = (amount: number) => formatSek(amount, locale);
  const [v, setV] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [state, setState] = useState<"idle" | "saving" | "saved" | "conflict">("idle");
  // Only a save the person asked for moves the focus (to the errors, or to "Sparat"); autosave never does.
  const [asked, setAsked] = useState({ failures: 0, saves: 0 });
  const savedLine = useRef<HTMLParagraphElement>(null);
  const messageLine = useRef<HTMLParagraphElement>(null);
  // A failure without field errors: its message (with field errors, the summary takes the focus).
  useLayoutEffect(() => {
    if (asked.failures) messageLine.current?.focus();
  }, [asked.failures]);
  const shownSaves = useRef(0);
  useLayoutEffect(() => {
    if (asked.saves === shownSaves.current) return;
    shownSaves.current = asked.saves;
    savedLine.current?.focus();
  }, [asked.saves]);
  const current = useRef(version);
  const warnings = useMemo(
    () => spendingProblems(v.spending, grantedSek, budget),
    [v.spending, grantedSek, budget],
  );
  const dirty = useRef(false);
  const set =
    <K extends keyof ReportValues>(k: K) =>
    (value: ReportValues[K]) => {
      dirty.current = true;
      setV((x) => ({ ...x, [k]: value }));
    };

  // Drafts save themselves a moment after typing stops, as in the application wizard.
  useEffect(() => {
    if (!editable || !dirty.current || state === "conflict") return;
    const timer = setTimeout(() => {
      dirty.current = false;
      void save(false);
    }, 1200);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [v]);

  const inFlight = useRef<Promise<void> | null>(null);

  /** One save at a time: an autosave and a submit never race each other's version. */
  async function save(submit: boolean, explicit = submit) {
    if (submit) dirty.current = false;
    while (inFlight.current) await inFlight.current;
    const run = (async () => {
      setState("saving");
      const result = await saveReport(reportId, current.current, v, submit);
      if (!result.ok) {
        setState(result.conflict ? "conflict" : "idle");
        setMessage(result.message);
        setErrors(result.errors);
        if (explicit) setAsked((a) => ({ ...a, failures: a.failures + 1 }));
        return;
      }
      current.current = result.value;
      setErrors({});
      setMessage(null);
      setState("saved");
      if (submit) router.push(`/ansokningar/${applicationId}`);
      else if (explicit) setAsked((a) => ({ ...a, saves: a.saves + 1 }));
    })();
    inFlight.current = run;
    try {
      await run;
    } finally {
      inFlight.current = null;
    }
  }

  const items = Object.entries(errors).map(([k, m]) => ({
    fieldId: k.replace(/\./g, "-"),
    message: m,
  }));
  const total = Object.values(v.spending).reduce((s, n) => s + (Number.isFinite(n) ? n : 0), 0);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save(true);
      }}
      className="max-w-3xl"
    >
      <ErrorSummary title={tc("errorSummaryTitle")} items={items} focusKey={asked.failures} />
      {message && !items.length ? (
        <p
          className="mb-4 border-l-4 border-error pl-4 font-semibold text-error"
          role="alert"
          id="report-message"
          tabIndex={-1}
          ref={messageLine}
        >
          {message}
        </p>
      ) : null}
      <fieldset className="mb-8" disabled={!editable}>
        <legend className="mb-2 text-2xl font-bold">{t("whatDone")}</legend>
        {COUNTS.map(([key, hasHint]) => (
          <AmountInput
            key={key}
            id={key}
            label={t(`counts.${key}`)}
            hint={hasHint ? t(`counts.${key}Hint`) : undefined}
            value={v[key]}
            empty={null}
            onChange={set(key)}
            error={errors[key]}
          />
        ))}
        <TextArea
          id="collaborationsNote"
          label={t("collaborationsNote")}
          optional
          rows={3}
          value={v.collaborationsNote}
          onChange={set("collaborationsNote")}
          error={errors.collaborationsNote}
          maxChars={REPORT_TEXT_LIMIT}
        />
      </fieldset>
      <fieldset id="spending" tabIndex={-1} className="mb-8" disabled={!editable}>
        <legend className="mb-2 text-2xl font-bold">{t("spendingTitle")}</legend>
        <p className="mb-4 text-muted">{t("spendingLead", { amount: sek(grantedSek) })}</p>
        {(Object.keys(categories) as BudgetCategory[]).map((c) => (
          <AmountInput
            key={c}
            id={`spending-${c}`}
            label={t("spendingCategory", { category: categories[c], amount: sek(budget[c] ?? 0) })}
            value={v.spending[c] ?? null}
            empty={null}
            onChange={(n) => {
              dirty.current = true;
              setV((x) => {
                // An empty field is no amount: the category is left out, not spent as 0 kr.
                const spending = { ...x.spending, [c]: n };
                if (n === null) delete spending[c];
                return { ...x, spending };
              });
            }}
            error={
              errors[`spending.${c}`] ?? warnings.find((w) => w.path === `spending.${c}`)?.message
            }
          />
        ))}
        <p className="mb-4">
          {t("spentTotal")} <strong data-testid="spent-total">{sek(total)}</strong>
        </p>
        {warnings
          .filter((w) => w.path === "spending")
          .map((w) => (
            <p
              key={w.message}
              className="mb-4 font-semibold text-error"
              data-testid="spending-warning"
            >
              {w.message}
            </p>
          ))}
        <AmountInput
          id="unspentSek"
          label={t("unspent")}
          hint={t("unspentHint")}
          value={v.unspentSek}
          empty={null}
          onChange={set("unspentSek")}
          error={errors.unspentSek}
        />
      </fieldset>
      <fieldset className="mb-8" disabled={!editable}>
        <legend className="mb-2 text-2xl font-bold">{t("storyTitle")}</legend>
        <TextArea
          id="whatWasDone"
          label={t("whatWasDone")}
          rows={5}
          value={v.whatWasDone}
          onChange={set("whatWasDone")}
          error={errors.whatWasDone}
          maxChars={REPORT_TEXT_LIMIT}
        />
        <TextArea
          id="resultsForResidents"
          label={t("resultsForResidents")}
          rows={5}
          value={v.resultsForResidents}
          onChange={set("resultsForResidents")}
          error={errors.resultsForResidents}
          maxChars={REPORT_TEXT_LIMIT}
        />
        <TextArea
          id="lessonsLearned"
          label={t("lessonsLearned")}
          rows={5}
          value={v.lessonsLearned}
          onChange={set("lessonsLearned")}
          error={errors.lessonsLearned}
          maxChars={REPORT_TEXT_LIMIT}
        />
        <TextArea
          id="continuation"
          label={t("continuation")}
          rows={5}
          value={v.continuation}
          onChange={set("continuation")}
          error={errors.continuation}
          maxChars={REPORT_TEXT_LIMIT}
        />
      </fieldset>
      {state === "conflict" ? (
        <p className="mb-4 font-semibold text-error" data-testid="report-conflict">
          {t("conflict")}
        </p>
      ) : null}
      <p
        ref={savedLine}
        tabIndex={-1}
        role="status"
        className="mb-4 text-sm"
        data-testid="report-state"
      >
        {state === "saved" ? t("saved") : state === "saving" ? t("saving") : ""}
      </p>
      {editable ? (
        <div className="flex flex-wrap gap-4">
          <Button type="button" variant="secondary" onClick={() => void save(false, true)}>
            {t("saveDraft")}
          </Button>
          <Button type="submit">{t("submit")}</Button>
        </div>
      ) : null}
    </form>
  );
}
