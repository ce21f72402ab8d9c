"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { SuccessMessage } from "@/components/ui/success-message";

/** Attach a PDF to a report (checked on the server by its content, at most 10 MB). */
export function AttachmentUpload({ reportId }: { reportId: string }) {
  const router = useRouter();
  const t = useTranslations("followUp.report");
  const tc = useTranslations("common");
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  // Each try's answer takes the focus: the error summary, or the success message.
  const [tries, setTries] = useState(0);
  const [uploaded, setUploaded] = useState(false);
  const fail = (message: string) => {
    setUploaded(false);
    setError(message);
    setTries((n) => n + 1);
  };
  async function upload(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (pending) return;
    if (!file) return fail(t("chooseFile"));
    setPending(true);
    const body = new FormData();
    body.set("file", file);
    const response = await fetch(`/api/rapporter/${reportId}/bilagor`, {
      method: "POST",
      body,
    });
    const result = (await response
      .json()
      .catch(() => ({ ok: false, message: t("uploadError") }))) as {
      ok: boolean;
      message?: string;
      errors?: Record<string, string>;
    };
    setPending(false);
    if (!result.ok) return fail(result.errors?.file ?? result.message ?? t("uploadFailed"));
    setError(null);
    setFile(null);
    setUploaded(true);
    setTries((n) => n + 1);
    router.refresh();
  }
  return (
    <form
      noValidate
      className={`mb-8 ${error ? "border-l-4 border-error pl-4" : ""}`}
      onSubmit={(e) => void upload(e)}
    >
      <ErrorSummary
        title={tc("errorSummaryTitle")}
        items={error ? [{ fieldId: "attachment", message: error }] : []}
        focusKey={tries}
      />
      {uploaded ? (
        <SuccessMessage focusKey={tries} className="mb-3">
          {t("attachmentUploaded")}
        </SuccessMessage>
      ) : null}
      <label htmlFor="attachment" className="block font-semibold">
        {t("attachmentLabel")} <span className="font-normal">{tc("optional")}</span>
      </label>
      {error ? (
        <p id="attachment-error" className="font-semibold text-error">
          {error}
        </p>
      ) : null}
      <input
        id="attachment"
        type="file"
        accept="application/pdf,.pdf"
        aria-describedby={error ? "attachment-error" : undefined}
        onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        className="mt-1 mb-3 block"
      />
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("uploadAttachment")}
      </Button>
    </form>
  );
}
