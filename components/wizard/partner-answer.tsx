"use client";
import { useLayoutEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Checkbox, Input, TextArea } from "@/components/ui/form";
import { ErrorSummary } from "@/components/ui/error-summary";
import type { ActionResult } from "@/lib/server/action";

type LetterAnswer = (token: string, input: unknown) => Promise<ActionResult<void>>;

export function PartnerAnswer({
  token,
  confirmLetter,
  declineLetter,
}: {
  token: string;
  confirmLetter: LetterAnswer;
  declineLetter: LetterAnswer;
}) {
  const [mode, setMode] = useState<"confirm" | "decline">("confirm");
  const [signedBy, setSignedBy] = useState("");
  const [confirm, setConfirm] = useState(false);
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<null | "confirmed" | "declined">(null);
  const [pending, setPending] = useState(false);
  const t = useTranslations("letters.partner");
  const tc = useTranslations("common");
  // The answer replaces the form: the keyboard goes to it.
  const answered = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (done) answered.current?.focus();
  }, [done]);

  async function send() {
    if (pending) return;
    setPending(true);
    const result =
      mode === "confirm"
        ? await confirmLetter(token, { signedBy, confirm })
        : await declineLetter(token, { reason });
    setPending(false);
    if (!result.ok)
      return setErrors(
        Object.keys(result.errors).length ? result.errors : { form: result.message },
      );
    setDone(mode === "confirm" ? "confirmed" : "declined");
  }

  if (done) {
    return (
      <div
        ref={answered}
        tabIndex={-1}
        role="status"
        className="border-l-4 border-success bg-[#e6f2ec] p-4"
        data-testid="partner-done"
      >
        <h2 className="text-xl font-bold">
          {done === "confirmed" ? t("doneConfirmed") : t("doneDeclined")}
        </h2>
        <p className="mt-2">{t("doneText")}</p>
      </div>
    );
  }
  const items = Object.entries(errors).map(([k, message]) => ({
    fieldId: k === "form" ? "answer" : k,
    message,
  }));
  return (
    <form
      id="answer"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <ErrorSummary title={tc("errorSummaryTitle")} items={items} focusKey={errors} />
      <fieldset className="mb-6">
        <legend className="text-lg font-semibold">{t("whatToDo")}</legend>
        {(["confirm", "decline"] as const).map((m) => (
          <div key={m} className="mb-2 flex items-center gap-3">
            <input
              type="radio"
              id={`mode-${m}`}
              name="mode"
              checked={mode === m}
              onChange={() => {
                setMode(m);
                setErrors({});
              }}
              className="h-6 w-6"
            />
            <label htmlFor={`mode-${m}`}>
              {m === "confirm" ? t("modeConfirm") : t("modeDecline")}
            </label>
          </div>
        ))}
      </fieldset>
      {mode === "confirm" ? (
        <>
          <Input
            id="signedBy"
            label={t("signedBy")}
            hint={t("signedByHint")}
            autoComplete="name"
            value={signedBy}
            onChange={setSignedBy}
            error={errors.signedBy}
          />
          <Checkbox
            id="confirm"
            label={t("confirmCheck")}
            checked={confirm}
            onChange={setConfirm}
            error={errors.confirm}
          />
          <Button type="submit" disabled={pending}>
            {t("confirm")}
          </Button>
        </>
      ) : (
        <>
          <TextArea
            id="reason"
            label={t("reason")}
            hint={t("reasonHint")}
            rows={4}
            value={reason}
            onChange={setReason}
            error={errors.reason}
          />
          <Button type="submit" variant="warning" disabled={pending}>
            {t("decline")}
          </Button>
        </>
      )}
    </form>
  );
}
