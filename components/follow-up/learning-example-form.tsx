"use client";
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import {
  EXAMPLE_PART_LIMIT,
  EXAMPLE_PARTS,
  type ExamplePart,
} from "@/lib/domain/learning-examples";
import { checkExampleParts, type ExampleDraft } from "@/lib/validation/learning-example";
import type { ActionResult } from "@/lib/server/action";
import { Checkbox, TextArea } from "@/components/ui/form";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { SuccessMessage } from "@/components/ui/success-message";

type Saved = { version: number; errors: Partial<Record<ExamplePart, string>> };
type SaveState = "idle" | "unsaved" | "saving" | "saved" | "retrying" | "offline" | "conflict";

const AUTOSAVE_DELAY_MS = 1_000;
const RETRY_DELAYS_MS = [2_000, 4_000, 8_000, 15_000, 30_000];
const clockTime = new Intl.DateTimeFormat("sv-SE", {
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "Europe/Stockholm",
});

/**
 * The grantee's public summary of the final report (erfarenhetsexempel): five parts with guidance,
 * a consent box, character counts. It saves itself in the background as the person types and never
 * touches what is on screen: values, focus and caret stay whatever a save answers. A part with an
 * e-mail address, a telephone number or a personal identity number shows why at the field at once,
 * and the server refuses to store it (the part keeps its last saved text); the other parts save.
 */
export function LearningExampleForm({
  reportId,
  version,
  initial,
  saveExample,
  submitExample,
  editable = true,
  sentText = null,
}: {
  reportId: string;
  /**
   * False once the summary is with the officer: the sent text is shown instead of the form. The
   * page renders this component in both cases, so that the confirmation of sending stays after the
   * page refreshes with the new status.
   */
  editable?: boolean;
  sentText?: ReactNode;
  /** The stored summary's version; 0 when none is begun. */
  version: number;
  initial: ExampleDraft;
  saveExample: (reportId: string, version: number, input: unknown) => Promise<ActionResult<Saved>>;
  submitExample: (
    reportId: string,
    version: number,
    input: unknown,
  ) => Promise<ActionResult<number>>;
}) {
  const t = useTranslations("followUp.example");
  const tc = useTranslations("common");
  const router = useRouter();
  const [draft, setDraft] = useState(initial);
  const [state, setState] = useState<SaveState>("idle");
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [submitErrors, setSubmitErrors] = useState<Record<string, string>>({});
  const [failures, setFailures] = useState(0);
  const [sent, setSent] = useState(false);
  const current = useRef(version);
  const latest = useRef(draft);
  const dirty = useRef(false);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const attempt = useRef(0);
  const retryTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saveRef = useRef<() => Promise<boolean>>(() => Promise.resolve(true));

  // The same check as the server's, on what is typed now: personal data is refused at the field.
  const fieldErrors = useMemo(() => checkExampleParts(draft).errors, [draft]);

  /** One save at a time; what was typed meanwhile is saved next. Answers whether it was stored. */
  const save = useCallback(async (): Promise<boolean> => {
    while (inFlight.current) await inFlight.current;
    if (!dirty.current) return true;
    if (retryTimer.current) clearTimeout(retryTimer.current);
    retryTimer.current = null;
    dirty.current = false;
    const sending = latest.current;
    setState("saving");
    inFlight.current = (async () => {
      const result = await saveExample(reportId, current.current, sending).catch(() => null);
      if (!result || (!result.ok && result.retry)) {
        dirty.current = true;
        const delay = RETRY_DELAYS_MS[Math.min(attempt.current, RETRY_DELAYS_MS.length - 1)];
        attempt.current += 1;
        setState(typeof navigator !== "undefined" && !navigator.onLine ? "offline" : "retrying");
        retryTimer.current = setTimeout(() => void saveRef.current(), delay);
        return false;
      }
      attempt.current = 0;
      if (!result.ok) {
        setState(result.conflict ? "conflict" : "idle");
        setMessage(result.message);
        return false;
      }
      current.current = result.value.version;
      setMessage(null);
      setSavedAt(new Date());
      const changedMeanwhile = latest.current !== sending;
      if (changedMeanwhile) dirty.current = true;
      setState(changedMeanwhile ? "unsaved" : "saved");
      return true;
    })();
    try {
      return await inFlight.current;
    } finally {
      inFlight.current = null;
    }
  }, [reportId, saveExample]);

  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  const update = (patch: Partial<ExampleDraft>) => {
    dirty.current = true;
    setState((s) => (s === "conflict" ? s : "unsaved"));
    setDraft((d) => {
      const next = { ...d, ...patch };
      latest.current = next;
      return next;
    });
  };

  // Save a moment after typing stops; at once when the connection is back; warn before leaving
  // with something unsaved.
  useEffect(() => {
    if (!dirty.current || state !== "unsaved") return;
    const timer = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [draft, save, state]);
  useEffect(() => {
    const online = () => {
      if (dirty.current) void saveRef.current();
    };
    const warn = (event: BeforeUnloadEvent) => {
      if (dirty.current || inFlight.current) event.preventDefault();
    };
    window.addEventListener("online", online);
    window.addEventListener("beforeunload", warn);
    return () => {
      window.removeEventListener("online", online);
      window.removeEventListener("beforeunload", warn);
      if (retryTimer.current) clearTimeout(retryTimer.current);
    };
  }, []);

  async function submit() {
    await save();
    while (inFlight.current) await inFlight.current;
    const result = await submitExample(reportId, current.current, latest.current).catch(() => null);
    if (!result || !result.ok) {
      setSubmitErrors(result?.errors ?? {});
      setMessage(result ? result.message : t("offline"));
      if (result?.conflict) setState("conflict");
      setFailures((n) => n + 1);
      return;
    }
    current.current = result.value;
    setSubmitErrors({});
    setMessage(null);
    setSent(true);
    router.refresh();
  }

  if (sent || !editable)
    return (
      <>
        {sent ? (
          <SuccessMessage testId="example-sent" className="mb-6">
            {t("sent")}
          </SuccessMessage>
        ) : null}
        {editable ? null : sentText}
      </>
    );

  const errorAt = (key: string) => fieldErrors[key as ExamplePart] ?? submitErrors[key];
  const summary = Object.entries({ ...submitErrors, ...fieldErrors })
    .filter(([, m]) => m)
    .map(([k, m]) => ({ fieldId: `example-${k}`, message: m }));
  const status =
    state === "saving"
      ? t("saving")
      : state === "retrying"
        ? t("retrying")
        : state === "offline"
          ? t("offline")
          : state === "conflict"
            ? t("conflict")
            : state === "saved" && savedAt
              ? t("savedAt", { time: clockTime.format(savedAt) })
              : "";
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      className="max-w-3xl"
      data-testid="example-form"
    >
      {/* Always mounted, shown after a failed submission: mounting it with the error would take
          that failure for the page as loaded and leave the focus on the button. */}
      <ErrorSummary
        title={tc("errorSummaryTitle")}
        items={failures ? summary : []}
        focusKey={failures}
      />
      {message && !Object.keys(submitErrors).length ? (
        <p className="mb-4 border-l-4 border-error pl-4 font-semibold text-error" role="alert">
          {message}
        </p>
      ) : null}
      {EXAMPLE_PARTS.map((part) => (
        <TextArea
          key={part}
          id={`example-${part}`}
          label={t(`parts.${part}.label`)}
          hint={t(`parts.${part}.hint`)}
          rows={part === "place" ? 3 : 5}
          value={draft[part]}
          onChange={(value) => update({ [part]: value })}
          onBlur={() => void save()}
          error={errorAt(part)}
          maxChars={EXAMPLE_PART_LIMIT}
        />
      ))}
      <Checkbox
        id="example-consent"
        label={t("consent")}
        hint={t("consentHint")}
        checked={draft.consent}
        onChange={(consent) => update({ consent })}
        error={submitErrors.consent}
      />
      <p role="status" className="mb-4 text-sm" data-testid="example-state">
        {status}
      </p>
      <Button type="submit">{t("submit")}</Button>
    </form>
  );
}
