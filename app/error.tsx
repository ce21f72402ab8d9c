"use client";
import { startTransition } from "react";
import { useServiceUnavailable } from "@/components/layout/use-service-unavailable";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";

// Never a stack trace: a calm message and a way forward. The server has logged the details.
export default function ErrorPage({
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const t = useTranslations("errors");
  const router = useRouter();
  const unavailable = useServiceUnavailable();
  // A server component failed: render it again from the server, not only on the client.
  const retry = () =>
    startTransition(() => {
      router.refresh();
      reset();
    });
  return (
    <div
      className="max-w-2xl"
      role="region"
      aria-labelledby="error-title"
      data-testid={unavailable ? "service-unavailable" : "server-error"}
    >
      <h1 id="error-title" className="text-3xl font-bold">
        {t(unavailable ? "unavailableTitle" : "serverTitle")}
      </h1>
      <p className="mt-4 text-lg">{t(unavailable ? "unavailable" : "server")}</p>
      <button
        type="button"
        onClick={retry}
        className="mt-6 rounded bg-accent px-5 py-2 font-semibold text-white"
      >
        {t("tryAgain")}
      </button>
    </div>
  );
}
