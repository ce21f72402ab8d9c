"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Input } from "@/components/ui/form";
import { Button } from "@/components/ui/button";
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
  const [pending, setPending] = useState(false);
  const t = useTranslations("organisations");
  async function send() {
    if (pending) return;
    setPending(true);
    const result = await invite(organisationId, { email });
    setPending(false);
    if (!result.ok) return setError(result.errors.email ?? result.message);
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
        <p role="status" className="mb-4 font-semibold text-success">
          {notice}
        </p>
      ) : null}
      <Button type="submit" disabled={pending}>
        {t("sendInvite")}
      </Button>
    </form>
  );
}
