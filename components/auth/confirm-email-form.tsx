"use client";
import { useState } from "react";
import Link from "next/link";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { TextField } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { SuccessMessage } from "@/components/ui/success-message";
import type { ActionResult } from "@/lib/server/action";

/**
 * Confirms the address behind a mailed link: with a button when the person is signed in to that
 * account, otherwise with the password they chose, after which they are signed in as well.
 */
export function ConfirmEmailForm({
  email,
  askPassword,
  confirm,
}: {
  email: string;
  askPassword: boolean;
  confirm: (values: { password?: string }) => Promise<ActionResult<{ email: string }>>;
}) {
  const t = useTranslations("auth");
  const tc = useTranslations("common");
  const router = useRouter();
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<{ fieldId: string; message: string }[]>([]);
  const [pending, setPending] = useState(false);
  const [done, setDone] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    if (askPassword && !password)
      return setErrors([{ fieldId: "password", message: t("passwordRequired") }]);
    setPending(true);
    try {
      const result = await confirm(askPassword ? { password } : {});
      if (!result.ok)
        return setErrors(
          Object.keys(result.errors).length
            ? Object.entries(result.errors).map(([field, message]) => ({ fieldId: field, message }))
            : [{ fieldId: "confirm", message: result.message }],
        );
      if (askPassword) await signIn("credentials", { email, password, redirect: false });
      // No refresh here: the page would now say the link is used. The link below refreshes.
      setDone(true);
    } finally {
      setPending(false);
    }
  }

  if (done)
    return (
      <div data-testid="email-confirmed">
        <SuccessMessage className="text-lg">{t("confirmed")}</SuccessMessage>
        <p className="mt-4">
          <Link
            href="/ansokningar"
            onClick={(event) => {
              // The header and the applicant's pages are drawn again for the new session.
              event.preventDefault();
              router.push("/ansokningar");
              router.refresh();
            }}
          >
            {t("toMyApplications")}
          </Link>
        </p>
      </div>
    );
  const passwordError = errors.find((e) => e.fieldId === "password")?.message;
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate className="max-w-xl">
      <ErrorSummary title={tc("errorSummaryTitle")} items={errors} focusKey={errors} />
      {askPassword ? (
        <>
          <p className="mb-4">{t("confirmPasswordLead")}</p>
          <TextField
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            label={t("password")}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={passwordError}
          />
        </>
      ) : null}
      <Button id="confirm" type="submit" disabled={pending}>
        {askPassword ? t("confirmSubmit") : t("confirmOwnerSubmit")}
      </Button>
    </form>
  );
}
