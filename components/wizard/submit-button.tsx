"use client";
import { useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { fieldId, partOf } from "@/lib/domain/application-parts";
import type { ActionResult } from "@/lib/server/action";

/** Submits once: the button locks on the first click, and the server answers a repeat with the same reference number. */
export function SubmitButton({
  applicationId,
  label,
  disabled,
  submit: submitApplication,
}: {
  applicationId: string;
  label: string;
  disabled?: boolean;
  /** Submits the application; on success the server redirects and nothing comes back. */
  submit: (applicationId: string) => Promise<ActionResult<unknown> | undefined>;
}) {
  const busy = useRef(false);
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<{ fieldId: string; message: string }[]>([]);
  const t = useTranslations("wizard");
  async function submit() {
    if (busy.current) return;
    busy.current = true;
    setPending(true);
    const result = await submitApplication(applicationId);
    if (!result || result.ok) return; // the server has sent us on to the confirmation page
    busy.current = false;
    setPending(false);
    const items = Object.entries(result.errors).map(([path, message]) => ({
      fieldId: `/ansokningar/${applicationId}/${partOf(path)}#${fieldId(path)}`,
      message,
    }));
    setErrors(items.length ? items : [{ fieldId: "submit", message: result.message }]);
  }
  return (
    <div>
      {errors.length ? (
        <ErrorSummary title={t("submitFailed")} items={errors} focusKey={errors} />
      ) : null}
      <Button
        id="submit"
        type="button"
        onClick={() => void submit()}
        disabled={pending || disabled}
        aria-disabled={pending || disabled}
      >
        {pending ? t("submitting") : label}
      </Button>
    </div>
  );
}
