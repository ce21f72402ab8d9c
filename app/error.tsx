"use client";
import { useTranslations } from "next-intl";

// Never a stack trace: a calm message and a way forward. The server has logged the details.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <div className="max-w-2xl" role="region" aria-labelledby="error-title">
      <h1 id="error-title" className="text-3xl font-bold">{t("serverTitle")}</h1>
      <p className="mt-4 text-lg">{t("server")}</p>
      <button type="button" onClick={reset} className="mt-6 rounded bg-accent px-5 py-2 font-semibold text-white">{t("tryAgain")}</button>
    </div>
  );
}
