"use client";
import { useLayoutEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { TextArea } from "@/components/ui/form";
import { TEXT_LIMITS } from "@/lib/validation/draft";
import { ErrorSummary } from "@/components/ui/error-summary";
import { focusElement, pageHeading } from "@/components/ui/focus";
import type { ActionResult } from "@/lib/server/action";

export function WithdrawForm({
  applicationId,
  withdraw,
}: {
  applicationId: string;
  withdraw: (applicationId: string, reason: string) => Promise<ActionResult<void>>;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<{ message: string; count: number } | null>(null);
  const [pending, setPending] = useState(false);
  // Opening moves the focus to the form's heading, cancelling back to the button that opened it.
  const heading = useRef<HTMLHeadingElement>(null);
  const wasOpen = useRef(open);
  useLayoutEffect(() => {
    if (wasOpen.current === open) return;
    wasOpen.current = open;
    if (open) heading.current?.focus();
    else document.getElementById("withdraw-open")?.focus();
  }, [open]);
  const t = useTranslations("applications.withdraw");
  const tc = useTranslations("common");
  async function submitWithdrawal() {
    if (pending) return;
    setPending(true);
    const result = await withdraw(applicationId, reason);
    setPending(false);
    if (!result.ok)
      return setError((e) => ({ message: result.message, count: (e?.count ?? 0) + 1 }));
    // The form goes away with the refresh: the page's heading, beside the new status, keeps the focus.
    focusElement(pageHeading());
    router.refresh();
  }
  if (!open)
    return (
      <Button id="withdraw-open" type="button" variant="secondary" onClick={() => setOpen(true)}>
        {t("open")}
      </Button>
    );
  return (
    <form
      className="border-l-4 border-error pl-4"
      onSubmit={(e) => {
        e.preventDefault();
        void submitWithdrawal();
      }}
    >
      <h3 ref={heading} tabIndex={-1} className="text-lg font-bold">
        {t("title")}
      </h3>
      <ErrorSummary
        title={tc("errorSummaryTitle")}
        items={error ? [{ fieldId: "withdraw-reason", message: error.message }] : []}
        focusKey={error?.count ?? 0}
      />
      <p className="mb-4">{t("text")}</p>
      <TextArea
        id="withdraw-reason"
        label={t("reason")}
        optional
        rows={3}
        value={reason}
        onChange={setReason}
        error={error?.message}
        maxChars={TEXT_LIMITS.withdrawReason}
      />
      <div className="flex gap-4">
        <Button type="submit" variant="warning" disabled={pending}>
          {t("confirm")}
        </Button>
        <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
          {tc("cancel")}
        </Button>
      </div>
    </form>
  );
}
