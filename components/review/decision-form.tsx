"use client";
import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Input, Radios, TextArea } from "@/components/ui/form";
import { ErrorSummary } from "@/components/ui/error-summary";
import { focusElement } from "@/components/ui/focus";
import { formatSek, parseWholeNumber, type UiLocale } from "@/lib/domain/format";
import { DecisionInput } from "@/lib/validation/review";

type Result = { ok: true } | { ok: false; message: string; errors: Record<string, string> };

export type DecisionFormText = {
  decision: string;
  grant: string;
  refuse: string;
  sendBack: string;
  amount: string;
  reasons: string;
  decide: string;
  errorSummary: string;
  confirmTitle: string;
  confirmLead: string;
  confirmOutcome: string;
  confirmAmount: string;
  confirmBudgetLeft: string;
  confirmOverBudget: string;
  confirmReasons: string;
  confirm: string;
  change: string;
};

/**
 * The decider's form. Sending a case back goes at once; a final decision (grant or refuse) first
 * shows a confirmation with the amount, what the round's budget frame has left after it, and the
 * reasons. Confirming sends the decision once: a second click while it is on its way does nothing.
 */
export function DecisionForm({
  text: t,
  locale,
  defaultAmount,
  defaultReasons,
  budgetLeftSek,
  action,
}: {
  text: DecisionFormText;
  locale: UiLocale;
  defaultAmount: number;
  defaultReasons: string;
  budgetLeftSek: number;
  action: (values: Record<string, unknown>) => Promise<Result | undefined>;
}) {
  const router = useRouter();
  const busy = useRef(false);
  const [sending, setSending] = useState(false);
  const [choice, setChoice] = useState<string | null>(null);
  const [amount, setAmount] = useState(String(defaultAmount));
  const [reasons, setReasons] = useState(defaultReasons);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState(false);
  const id = "decide";
  const values = () => ({
    action: choice ?? undefined,
    amountSek: parseWholeNumber(amount, undefined),
    reasons,
  });

  async function send() {
    if (busy.current) return;
    busy.current = true;
    setSending(true);
    const result = await action(values());
    busy.current = false;
    setSending(false);
    if (result && !result.ok) {
      setConfirming(false);
      setErrors(Object.keys(result.errors).length ? result.errors : { _form: result.message });
      return;
    }
    setErrors({});
    setConfirming(false);
    router.refresh();
  }

  function review() {
    const parsed = DecisionInput.safeParse(values());
    if (!parsed.success) {
      const found: Record<string, string> = {};
      for (const issue of parsed.error.issues)
        found[String(issue.path[0] ?? "action")] ??= issue.message;
      setErrors(found);
      return;
    }
    setErrors({});
    if (parsed.data.action === "SEND_BACK") return void send();
    setConfirming(true);
    requestAnimationFrame(() => focusElement(document.getElementById(`${id}-confirm-title`)));
  }

  const items = Object.entries(errors).map(([k, message]) => ({
    fieldId:
      k === "_form" ? `${id}-submit` : k === "action" ? `${id}-action-APPROVE` : `${id}-${k}`,
    message,
  }));

  if (confirming) {
    const approve = choice === "APPROVE";
    const amountSek = approve ? parseWholeNumber<number>(amount, 0) : 0;
    const left = budgetLeftSek - amountSek;
    return (
      <div
        className="max-w-2xl border-l-4 border-accent bg-surface p-4"
        data-testid="decision-confirmation"
      >
        <h3 id={`${id}-confirm-title`} tabIndex={-1} className="text-xl font-bold">
          {t.confirmTitle}
        </h3>
        <p className="mt-1">{t.confirmLead}</p>
        <dl className="my-4 grid grid-cols-[auto_1fr] gap-x-6 gap-y-2">
          <dt className="font-semibold">{t.confirmOutcome}</dt>
          <dd>{approve ? t.grant : t.refuse}</dd>
          {approve ? (
            <>
              <dt className="font-semibold">{t.confirmAmount}</dt>
              <dd data-testid="confirm-amount">{formatSek(amountSek, locale)}</dd>
            </>
          ) : null}
          <dt className="font-semibold">{t.confirmBudgetLeft}</dt>
          <dd data-testid="confirm-budget-left">
            {formatSek(left, locale)}
            {left < 0 ? (
              <span className="block font-semibold text-error">{t.confirmOverBudget}</span>
            ) : null}
          </dd>
          <dt className="font-semibold">{t.confirmReasons}</dt>
          <dd className="whitespace-pre-line">{reasons.trim()}</dd>
        </dl>
        <div className="flex flex-wrap gap-4">
          <Button type="button" disabled={sending} onClick={() => void send()}>
            {t.confirm}
          </Button>
          <Button
            type="button"
            variant="secondary"
            disabled={sending}
            onClick={() => {
              setConfirming(false);
              requestAnimationFrame(() =>
                focusElement(document.getElementById(`${id}-action-${choice ?? "APPROVE"}`)),
              );
            }}
          >
            {t.change}
          </Button>
        </div>
      </div>
    );
  }

  return (
    <form
      id={id}
      noValidate
      className="max-w-2xl"
      onSubmit={(e) => {
        e.preventDefault();
        review();
      }}
    >
      <ErrorSummary title={t.errorSummary} items={items} focusKey={errors} />
      <Radios
        id={`${id}-action`}
        label={t.decision}
        value={choice}
        error={errors.action}
        onChange={setChoice}
        options={[
          { value: "APPROVE", label: t.grant },
          { value: "REJECT", label: t.refuse },
          { value: "SEND_BACK", label: t.sendBack },
        ]}
      />
      <Input
        id={`${id}-amountSek`}
        label={t.amount}
        inputMode="numeric"
        width="max-w-xs"
        value={amount}
        error={errors.amountSek}
        onChange={setAmount}
      />
      <TextArea
        id={`${id}-reasons`}
        label={t.reasons}
        rows={4}
        value={reasons}
        error={errors.reasons}
        onChange={setReasons}
      />
      <Button id={`${id}-submit`} type="submit" disabled={sending}>
        {t.decide}
      </Button>
    </form>
  );
}
