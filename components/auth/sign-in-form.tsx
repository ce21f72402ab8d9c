"use client";
import { useEffect, useRef, useState } from "react";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { TextField } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { SecondFactorInput, SignInInput, fieldErrors } from "@/lib/validation/auth";
import { safeNextPath } from "@/lib/domain/safe-redirect";
import { waitInWords } from "@/lib/domain/sign-in-throttle";

const ERROR_KEYS: Record<string, { field: "email" | "code"; key: string }> = {
  TOTP_INVALID: { field: "code", key: "codeInvalid" },
  TOTP_REUSED: { field: "code", key: "codeReused" },
};

/**
 * E-mail and password; for staff with two-factor sign-in a second step asks for the one-time code
 * (or a recovery code) without asking for the password again.
 */
export function SignInForm({ next }: { next?: string }) {
  const t = useTranslations("auth");
  const tc = useTranslations("common");
  const router = useRouter();
  const busy = useRef(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  // The wait in a "THROTTLED:<seconds>" answer, said in seconds or minutes.
  const [wait, setWait] = useState(0);
  const [pending, setPending] = useState(false);
  const [values, setValues] = useState({ email: "", password: "", code: "" });
  const [step, setStep] = useState<"password" | "code">("password");
  // When the code is asked for, the keyboard goes to its field (the password fields are gone).
  useEffect(() => {
    if (step === "code") document.getElementById("code")?.focus();
  }, [step]);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy.current) return;
    const parsed = SignInInput.safeParse(values);
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    let code: string | undefined;
    if (step === "code") {
      const second = SecondFactorInput.safeParse({ code: values.code });
      if (!second.success) return setErrors(fieldErrors(second.error));
      code = second.data.code;
    }
    busy.current = true;
    setPending(true);
    const result = await signIn("credentials", {
      ...parsed.data,
      ...(code ? { code } : {}),
      redirect: false,
    });
    busy.current = false;
    setPending(false);
    if (result?.error === "TOTP_REQUIRED") {
      setErrors({});
      setStep("code");
      return;
    }
    const throttled = /^THROTTLED:(\d+)$/.exec(result?.error ?? "");
    if (throttled) {
      const words = waitInWords(Number(throttled[1]));
      setWait(words.count);
      const key = words.unit === "seconds" ? "waitSeconds" : "waitMinutes";
      return setErrors(step === "code" ? { code: key } : { email: key });
    }
    if (!result || result.error) {
      const known = result?.error ? ERROR_KEYS[result.error] : undefined;
      if (known) return setErrors({ [known.field]: known.key });
      return setErrors(step === "code" ? { code: "codeInvalid" } : { email: "wrongCredentials" });
    }
    setErrors({});
    router.push(safeNextPath(next, "/start"));
    router.refresh();
  }

  const message = (key: string) => t(key, { count: wait });
  const items = Object.entries(errors).map(([field, key]) => ({
    fieldId: field,
    message: message(key),
  }));
  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate className="max-w-xl">
      <ErrorSummary title={tc("errorSummaryTitle")} items={items} focusKey={errors} />
      {step === "password" ? (
        <>
          <TextField
            id="email"
            name="email"
            type="email"
            autoComplete="email"
            label={t("email")}
            value={values.email}
            onChange={(e) => setValues({ ...values, email: e.target.value })}
            error={errors.email ? message(errors.email) : undefined}
          />
          <TextField
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            label={t("password")}
            value={values.password}
            onChange={(e) => setValues({ ...values, password: e.target.value })}
            error={errors.password ? message(errors.password) : undefined}
          />
        </>
      ) : (
        <>
          <h2 className="mb-2 text-2xl font-bold">{t("codeTitle")}</h2>
          <p className="mb-4">{t("codeLead")}</p>
          <TextField
            id="code"
            name="code"
            autoComplete="one-time-code"
            inputMode="text"
            spellCheck={false}
            label={t("code")}
            hint={t("codeHint")}
            value={values.code}
            onChange={(e) => setValues({ ...values, code: e.target.value })}
            error={errors.code ? message(errors.code) : undefined}
          />
        </>
      )}
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" disabled={pending} aria-disabled={pending}>
          {pending ? t("submitting") : step === "code" ? t("codeSubmit") : t("submit")}
        </Button>
        {step === "code" ? (
          <button
            type="button"
            className="underline"
            onClick={() => {
              setStep("password");
              setErrors({});
              setValues({ email: "", password: "", code: "" });
            }}
          >
            {t("startOver")}
          </button>
        ) : null}
      </div>
    </form>
  );
}

/** "Logga in med e-legitimation": through the configured OpenID Connect provider. */
export function ElegSignInButton({ next }: { next?: string }) {
  const t = useTranslations("auth");
  const [pending, setPending] = useState(false);
  const target = safeNextPath(next, "/start");
  return (
    <div className="max-w-xl">
      <Button
        type="button"
        variant="secondary"
        disabled={pending}
        aria-disabled={pending}
        onClick={() => {
          setPending(true);
          void signIn("eleg", { callbackUrl: target });
        }}
      >
        {t("elegButton")}
      </Button>
      <p className="mt-2 text-muted">{t("elegHint")}</p>
    </div>
  );
}
