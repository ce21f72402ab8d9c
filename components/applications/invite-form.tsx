"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Input } from "@/components/ui/form";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { SuccessMessage } from "@/components/ui/success-message";
import type { ActionResult } from "@/lib/server/action";

export function InviteForm({
  organisationId,
  invite,
}: {
  organisationId: string;
  invite: (organisationId: string, input: unknown) => Promise<ActionResult<void>>;
}) {
  const [email, setEmail] = useState("");
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  // Each try's answer takes the focus: the error summary, or the success message.
  const [tries, setTries] = useState(0);
  const [pending, setPending] = useState(false);
  const t = useTranslations("organisations");
  const tc = useTranslations("common");
  async function send() {
    if (pending) return;
    setPending(true);
    const result = await invite(organisationId, { email });
    setPending(false);
    setTries((n) => n + 1);
    if (!result.ok) {
      setNotice(undefined);
      return setError(result.errors.email ?? result.message);
    }
    setError(undefined);
    setNotice(t("inviteSent", { email }));
    setEmail("");
  }
  return (
    <form
      noValidate
      className="max-w-xl"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <ErrorSummary
        title={tc("errorSummaryTitle")}
        items={error ? [{ fieldId: "invite-email", message: error }] : []}
        focusKey={tries}
      />
      <Input
        id="invite-email"
        type="email"
        label={t("inviteEmail")}
        hint={t("inviteEmailHint")}
        value={email}
        onChange={setEmail}
        error={error}
      />
      {notice ? (
        <SuccessMessage focusKey={tries} className="mb-4">
          {notice}
        </SuccessMessage>
      ) : null}
      <Button type="submit" disabled={pending}>
        {t("sendInvite")}
      </Button>
    </form>
  );
}
