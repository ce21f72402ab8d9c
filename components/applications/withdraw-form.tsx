"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { TextArea } from "@/components/ui/form";
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
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const t = useTranslations("applications.withdraw");
  const tc = useTranslations("common");
  async function submitWithdrawal() {
    if (pending) return;
    setPending(true);
    const result = await withdraw(applicationId, reason);
    setPending(false);
    if (!result.ok) return setError(result.message);
    router.refresh();
  }
  if (!open)
    return (
      <Button type="button" variant="secondary" onClick={() => setOpen(true)}>
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
      <h3 className="text-lg font-bold">{t("title")}</h3>
      <p className="mb-4">{t("text")}</p>
      <TextArea
        id="withdraw-reason"
        label={t("reason")}
        optional
        rows={3}
        value={reason}
        onChange={setReason}
        error={error ?? undefined}
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
