"use client";
import { useState } from "react";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { TextField } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { RegisterInput, fieldErrors } from "@/lib/validation/auth";
import { safeNextPath } from "@/lib/domain/safe-redirect";

const FIELDS = ["name", "email", "password", "passwordConfirm"] as const;

/** The server's answer: problems are keys into the "auth" messages, by field. */
type RegisterResult = { ok: boolean; errors: Record<string, string> };

export function RegisterForm({
  next,
  register,
}: {
  next?: string;
  register: (input: unknown) => Promise<RegisterResult>;
}) {
  const t = useTranslations("auth");
  const tc = useTranslations("common");
  const router = useRouter();
  const [values, setValues] = useState({ name: "", email: "", password: "", passwordConfirm: "" });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const parsed = RegisterInput.safeParse(values);
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    setPending(true);
    try {
      const result = await register(values);
      if (!result.ok) return setErrors(result.errors);
      await signIn("credentials", {
        email: parsed.data.email,
        password: values.password,
        redirect: false,
      });
      router.push(safeNextPath(next, "/ansokningar"));
      router.refresh();
    } finally {
      setPending(false);
    }
  }

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
