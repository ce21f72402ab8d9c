"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { SuccessMessage } from "@/components/ui/success-message";
import type { ActionResult } from "@/lib/server/action";

/** On the applicant's pages until their e-mail address is confirmed, with a new link on request. */
export function VerifyEmailBanner({
  email,
  resend,
}: {
  email: string;
  /** Sends a new confirmation link; answers the address it went to. */
  resend: () => Promise<ActionResult<{ email: string }>>;
}) {
  const t = useTranslations("auth");
  const [pending, setPending] = useState(false);
  const [answer, setAnswer] = useState<{ ok: boolean; text: string; count: number }>();
  async function send() {
    setPending(true);
    const result = await resend();
    setPending(false);
    setAnswer((a) => ({
      ok: result.ok,
      text: result.ok ? t("resent", { email: result.value.email }) : result.message,
      count: (a?.count ?? 0) + 1,
    }));
  }
  return (
    <section
      aria-labelledby="verify-email-title"
      className="mb-8 border-4 border-[#ffbf47] bg-warning-bg p-4"
      data-testid="verify-email-banner"
    >
      <h2 id="verify-email-title" className="text-xl font-bold">
        {t("unverifiedTitle")}
      </h2>
      <p className="mt-2">{t("unverified", { email })}</p>
      {answer?.ok ? (
        <SuccessMessage className="mt-2" focusKey={answer.count}>
          {answer.text}
        </SuccessMessage>
      ) : answer ? (
        <p className="mt-2 font-semibold text-error" role="alert">
          {answer.text}
        </p>
      ) : null}
      <Button
        type="button"
        variant="secondary"
        className="mt-3"
        disabled={pending}
        onClick={() => void send()}
      >
        {pending ? t("resending") : t("resend")}
      </Button>
    </section>
  );
}
