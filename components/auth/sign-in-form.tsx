"use client";
import { useState } from "react";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { TextField } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { SignInInput, fieldErrors } from "@/lib/validation/auth";

export function SignInForm({ next }: { next?: string }) {
  const t = useTranslations("auth");
  const tc = useTranslations("common");
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const [values, setValues] = useState({ email: "", password: "" });

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const parsed = SignInInput.safeParse(values);
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    setPending(true);
    const result = await signIn("credentials", { ...parsed.data, redirect: false });
    setPending(false);
    if (!result || result.error) return setErrors({ email: result?.error === "LOCKED" ? "locked" : result?.error === "RATE_LIMITED" ? "rateLimited" : "wrongCredentials" });
    setErrors({});
    const target = next && next.startsWith("/") && !next.startsWith("//") ? next : "/start";
    router.push(target);
    router.refresh();
  }

  const items = Object.entries(errors).map(([field, key]) => ({ fieldId: field, message: t(key) }));
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-xl">
      <ErrorSummary title={tc("errorSummaryTitle")} items={items} />
      <TextField id="email" name="email" type="email" autoComplete="email" label={t("email")} value={values.email}
        onChange={(e) => setValues({ ...values, email: e.target.value })} error={errors.email ? t(errors.email) : undefined} />
      <TextField id="password" name="password" type="password" autoComplete="current-password" label={t("password")} value={values.password}
        onChange={(e) => setValues({ ...values, password: e.target.value })} error={errors.password ? t(errors.password) : undefined} />
      <Button type="submit" disabled={pending} aria-disabled={pending}>{pending ? t("submitting") : t("submit")}</Button>
    </form>
  );
}
