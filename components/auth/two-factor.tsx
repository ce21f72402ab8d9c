"use client";
import { useLayoutEffect, useRef, useState } from "react";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { TextField } from "@/components/ui/field";
import { Button, ButtonLink } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { SecondFactorInput, fieldErrors } from "@/lib/validation/auth";

type Result =
  { ok: true; value: string[] } | { ok: false; message: string; errors: Record<string, string> };
type Action = (input: unknown) => Promise<Result>;

export type TwoFactorView =
  | { mode: "enrol"; secret: string; qrSvg: string; continueHref: string }
  | { mode: "enabled"; enabledAt: string; recoveryCodesLeft: number; signInAgain: boolean };

/**
 * The whole two-factor page in one client component, so that the recovery codes shown after a
 * successful action stay on screen when the server re-renders the page (enrolment re-issues the
 * session cookie, which refreshes the route).
 */
export function TwoFactorPanel({
  view,
  confirm,
  renew,
}: {
  view: TwoFactorView;
  confirm: Action;
  renew: Action;
}) {
  const t = useTranslations("twoFactor");
  const [shown, setShown] = useState<{
    codes: string[];
    title: string;
    continueHref?: string;
  } | null>(null);
  // The recovery codes replace the form: the keyboard goes to them.
  const codes = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (shown) codes.current?.focus();
  }, [shown]);

  if (shown) {
    return (
      <div
        ref={codes}
        tabIndex={-1}
        role="status"
        className="max-w-2xl border-l-4 border-accent pl-4"
      >
        <h2 className="text-xl font-bold">{shown.title}</h2>
        <h3 className="mt-4 text-lg font-bold">{t("recoveryTitle")}</h3>
        <p className="mt-1">{t("recoveryText")}</p>
        <ul
          className="mt-3 grid max-w-md grid-cols-2 gap-2 font-mono text-lg"
          data-testid="recovery-codes"
        >
          {shown.codes.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
        {shown.continueHref ? (
          <div className="mt-6">
            <ButtonLink href={shown.continueHref}>{t("continue")}</ButtonLink>
          </div>
        ) : null}
      </div>
    );
  }

  if (view.mode === "enrol") {
    return (
      <ol className="max-w-2xl list-none space-y-8">
        <li>
          <h2 className="text-xl font-bold">{t("step1")}</h2>
          <p className="mt-1">{t("step1Text")}</p>
        </li>
        <li>
          <h2 className="text-xl font-bold">{t("step2")}</h2>
          <div
            role="img"
            aria-label={t("qrLabel")}
            className="mt-3 w-56 border border-line bg-white p-2"
            dangerouslySetInnerHTML={{ __html: view.qrSvg }}
          />
          <p className="mt-3 font-semibold">{t("secretLabel")}</p>
          <p className="font-mono text-lg tracking-wider" data-testid="totp-secret">
            {view.secret}
          </p>
        </li>
        <li>
          <h2 className="text-xl font-bold">{t("step3")}</h2>
          <CodeForm
            action={confirm}
            submitLabel={t("confirm")}
            onDone={(codes) =>
              setShown({ codes, title: t("enabledTitle"), continueHref: view.continueHref })
            }
          />
        </li>
      </ol>
    );
  }

  return (
    <>
      <h2 className="text-xl font-bold">{t("enabledTitle")}</h2>
      <p className="mt-1">
        {t("statusEnabled", { date: view.enabledAt })}{" "}
        {t("recoveryLeft", { count: view.recoveryCodesLeft })}
      </p>
      {view.signInAgain ? (
        <div className="mt-6 max-w-2xl border-l-4 border-error pl-4">
          <p className="font-semibold">{t("signInAgain")}</p>
          <div className="mt-3">
            <Button
              type="button"
              variant="secondary"
              onClick={() => void signOut({ callbackUrl: "/logga-in" })}
            >
              {t("signOut")}
            </Button>
          </div>
        </div>
      ) : (
        <section className="mt-10 max-w-2xl" aria-labelledby="renew-title">
          <h2 id="renew-title" className="text-xl font-bold">
            {t("renewTitle")}
          </h2>
          <p className="mt-1 mb-4">{t("renewText")}</p>
          <CodeForm
            action={renew}
            submitLabel={t("renew")}
            variant="secondary"
            onDone={(codes) => setShown({ codes, title: t("renewTitle") })}
          />
        </section>
      )}
    </>
  );
}

/** One code field for a two-factor server action; one submission at a time; errors at the field. */
function CodeForm({
  action,
  submitLabel,
  onDone,
  variant = "primary",
}: {
  action: Action;
  submitLabel: string;
  onDone: (codes: string[]) => void;
  variant?: "primary" | "secondary";
}) {
  const t = useTranslations("twoFactor");
  const busy = useRef(false);
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  // Each failed try brings the focus back to the summary, also when the message is the same.
  const [failures, setFailures] = useState(0);
  const [pending, setPending] = useState(false);
  const fail = (message: string) => {
    setError(message);
    setFailures((n) => n + 1);
  };

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (busy.current) return;
    const parsed = SecondFactorInput.safeParse({ code });
    if (!parsed.success) return fail(t(fieldErrors(parsed.error).code ?? "codeRequired"));
    busy.current = true;
    setPending(true);
    try {
      const result = await action(parsed.data);
      if (!result.ok) return fail(result.errors.code ?? result.message);
      setError(null);
      onDone(result.value);
    } finally {
      busy.current = false;
      setPending(false);
    }
  }

  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="mt-3 max-w-xl">
      <ErrorSummary
        title={t("errorSummary")}
        items={error ? [{ fieldId: "totp-code", message: error }] : []}
        focusKey={failures}
      />
      <TextField
        id="totp-code"
        name="code"
        autoComplete="one-time-code"
        inputMode="numeric"
        spellCheck={false}
        label={t("code")}
        hint={t("codeHint")}
        value={code}
        onChange={(e) => setCode(e.target.value)}
        error={error ?? undefined}
      />
      <Button type="submit" variant={variant} disabled={pending} aria-disabled={pending}>
        {pending ? t("confirming") : submitLabel}
      </Button>
    </form>
  );
}
