"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { TextField } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { RegisterInput, fieldErrors } from "@/lib/validation/auth";
import { SuccessMessage } from "@/components/ui/success-message";

const FIELDS = ["name", "email", "password", "passwordConfirm"] as const;

/** The server's answer: problems are keys into the "auth" messages, by field. */
type RegisterResult = { ok: boolean; errors: Record<string, string> };

/**
 * Registration. The answer is the same whether the address is new or already has an account: a
 * link is (or is not) on its way, and nothing is said about which. No session is started: the
 * person confirms the address from the mail (or signs in, if they already had an account).
 */
export function RegisterForm({
  register,
}: {
  register: (input: unknown) => Promise<RegisterResult>;
}) {
  const t = useTranslations("auth");
  const tc = useTranslations("common");
  const [values, setValues] = useState({ name: "", email: "", password: "", passwordConfirm: "" });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const [sentTo, setSentTo] = useState<string>();

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const parsed = RegisterInput.safeParse(values);
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    setPending(true);
    try {
      const result = await register(values);
      if (!result.ok) return setErrors(result.errors);
      setSentTo(parsed.data.email);
    } finally {
      setPending(false);
    }
  }

  if (sentTo)
    return (
      <section className="max-w-xl" aria-labelledby="registered-title" data-testid="registered">
        <h2 id="registered-title" className="text-2xl font-bold">
          {t("registeredTitle")}
        </h2>
        <SuccessMessage className="mt-4 text-lg">
          {t("registered", { email: sentTo })}
        </SuccessMessage>
        <p className="mt-4">{t("registeredKnown")}</p>
        <p className="mt-4">{t("registeredNoMail")}</p>
      </section>
    );

  const items = FIELDS.filter((f) => errors[f]).map((f) => ({ fieldId: f, message: t(errors[f]) }));
  const field = (
    name: (typeof FIELDS)[number],
    type: string,
    autoComplete: string,
    hint?: string,
  ) => (
    <TextField
      id={name}
      name={name}
      type={type}
      autoComplete={autoComplete}
      label={t(name)}
      hint={hint}
      value={values[name]}
      onChange={(e) => setValues({ ...values, [name]: e.target.value })}
      error={errors[name] ? t(errors[name]) : undefined}
    />
  );
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate className="max-w-xl">
      <ErrorSummary title={tc("errorSummaryTitle")} items={items} focusKey={errors} />
      {field("name", "text", "name", t("nameHint"))}
      {field("email", "email", "email")}
      {field("password", "password", "new-password", t("passwordHint"))}
      {field("passwordConfirm", "password", "new-password")}
      <Button type="submit" disabled={pending}>
        {t("registerSubmit")}
      </Button>
    </form>
  );
}
