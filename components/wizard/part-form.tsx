"use client";
import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { checkDraft, fieldId, partOf, type DraftContract } from "@/lib/domain/application-parts";
import { mergeDraft, patchFromPart, type LettersById } from "@/lib/domain/draft-patch";
import type { Problem, RoundSettings } from "@/lib/domain/rules";
import type { PartData, PartName } from "@/lib/validation/draft";
import { checkPartFields, contractPath, type KeptFields } from "@/lib/validation/draft-fields";
import type { ActionResult } from "@/lib/server/action";
import { Checklist } from "./checklist";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Button } from "@/components/ui/button";

export type PartFormProps<P extends PartName> = {
  applicationId: string;
  part: P;
  version: number;
  /** The part as the person left it, invalid values included. */
  initial: PartData<P>;
  draft: DraftContract;
  letters: LettersById;
  round: RoundSettings;
  today: string;
  /** Saves one part of the draft field by field; answers with the new version and what was kept. */
  saveDraft: (
    applicationId: string,
    version: number,
    part: P,
    data: unknown,
  ) => Promise<ActionResult<{ version: number; kept: KeptFields }>>;
};

type SaveState =
  "saved" | "unsaved" | "saving" | "retrying" | "offline" | "invalid" | "error" | "conflict";

const AUTOSAVE_DELAY_MS = 800;

// Whether the person came by a link to one field (the checklist of another page): then every
// problem of the part is shown at its field at once, not only after the field is left.
const subscribeToHash = (onChange: () => void) => {
  window.addEventListener("hashchange", onChange);
  return () => window.removeEventListener("hashchange", onChange);
};
const useArrivedAtField = () =>
  useSyncExternalStore(
    subscribeToHash,
    () => window.location.hash.length > 1,
    () => false,
  );
const RETRY_DELAYS_MS = [2_000, 4_000, 8_000, 15_000, 30_000];

/** The kept invalid values as messages by field, in the contract's paths. */
const messagesOf = (kept: KeptFields) =>
  Object.fromEntries(Object.entries(kept).map(([path, f]) => [contractPath(path), f.message]));

/**
 * Holds one part of the application while it is edited. It saves in the background as the person
 * types (debounced) and when they leave, one save at a time, and never touches what is on screen:
 * the fields keep their values, focus and caret whatever a save answers. Each valid field is
 * saved; an invalid one is kept as typed and shown with its message. A failed save (offline, a
 * fault of ours) is retried with growing pauses; a stale copy (optimistic version) is reported.
 */
export function usePartForm<P extends PartName>(props: PartFormProps<P>) {
  const { applicationId, part, draft, letters, round, today, saveDraft } = props;
  const [data, setData] = useState<PartData<P>>(props.initial);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>(() =>
    messagesOf(checkPartFields(part, props.initial, props.initial).kept),
  );
  const [state, setState] = useState<SaveState>(() =>
    Object.keys(fieldErrors).length ? "invalid" : "saved",
  );
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [showAll, setShowAll] = useState(false);
  const arrivedAtField = useArrivedAtField();
  const version = useRef(props.version);
  const latest = useRef(data);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const dirty = useRef(false);
  // Whether the last answer kept an invalid value: then the part is saved, but not done.
  const invalid = useRef(Object.keys(fieldErrors).length > 0);
  const attempt = useRef(0);
  const retryTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saveRef = useRef<() => Promise<boolean>>(() => Promise.resolve(true));

  const save = useCallback(async (): Promise<boolean> => {
    while (inFlight.current) await inFlight.current;
    if (!dirty.current) return !invalid.current;
    if (retryTimer.current) clearTimeout(retryTimer.current);
    retryTimer.current = null;
    dirty.current = false;
    const sent = latest.current;
    setState("saving");
    inFlight.current = (async () => {
      const result = await saveDraft(applicationId, version.current, part, sent).catch(
        () => null, // the request never reached us: offline or a broken connection
      );
      if (!result || (!result.ok && result.retry)) {
        // Nothing typed is lost: the same state is sent again after a pause, or at once when the
        // browser is back online.
        dirty.current = true;
        const delay = RETRY_DELAYS_MS[Math.min(attempt.current, RETRY_DELAYS_MS.length - 1)];
        attempt.current += 1;
        setState(typeof navigator !== "undefined" && !navigator.onLine ? "offline" : "retrying");
        retryTimer.current = setTimeout(() => void saveRef.current(), delay);
        return false;
      }
      attempt.current = 0;
      if (!result.ok) {
        dirty.current = result.conflict === true;
        setFieldErrors(
          Object.fromEntries(Object.entries(result.errors).map(([k, v]) => [contractPath(k), v])),
        );
        setMessage(result.message);
        setState(result.conflict ? "conflict" : "error");
        invalid.current = true;
        return false;
      }
      version.current = result.value.version;
      const errors = messagesOf(result.value.kept);
      invalid.current = Object.keys(errors).length > 0;
      setFieldErrors(errors);
      setMessage(null);
      setSavedAt(new Date());
      const changedMeanwhile = latest.current !== sent;
      if (changedMeanwhile) dirty.current = true;
      setState(changedMeanwhile ? "unsaved" : Object.keys(errors).length ? "invalid" : "saved");
      return Object.keys(errors).length === 0;
    })();
    try {
      return await inFlight.current;
    } finally {
      inFlight.current = null;
    }
  }, [applicationId, part, saveDraft]);

  // The retry timer and the online event call the newest save.
  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  const update = useCallback((patch: Partial<PartData<P>>) => {
    dirty.current = true;
    setState((s) => (s === "conflict" ? s : "unsaved"));
    setData((d) => {
      const next = { ...d, ...patch };
      latest.current = next;
      return next;
    });
  }, []);

  // Save a moment after typing stops; retry at once when the connection comes back; warn before
  // leaving with something unsaved.
  useEffect(() => {
    if (!dirty.current || state !== "unsaved") return;
    const timer = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [data, save, state]);
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
      // Leaving by a link inside the app: what was typed since the last save is sent now.
      if (dirty.current) void saveRef.current();
    };
  }, []);

  const problems = useMemo(
    () => checkDraft(mergeDraft(draft, patchFromPart(part, data, letters)), { today, round }),
    [draft, part, data, letters, today, round],
  );
  // A field with an error of its own (a value kept as typed) is listed once: in the summary.
  const partProblems = problems.filter((p) => partOf(p.path) === part && !(p.path in fieldErrors));
  const problemAt = (path: string) =>
    partProblems.find((p) => p.path === path || p.path.startsWith(`${path}.`))?.message;
  const error = (path: string) =>
    fieldErrors[path] ??
    (showAll || arrivedAtField || touched.has(path) ? problemAt(path) : undefined);
  const touch = (path: string) => setTouched((t) => (t.has(path) ? t : new Set(t).add(path)));

  return {
    data,
    update,
    save,
    state,
    savedAt,
    message,
    serverErrors: fieldErrors,
    problems,
    partProblems,
    error,
    touch,
    setShowAll,
    applicationId,
    part,
  };
}

/** What the frame around a part needs of its form, whichever part it is. */
export type PartForm = {
  state: SaveState;
  savedAt: Date | null;
  message: string | null;
  serverErrors: Record<string, string>;
  partProblems: Problem[];
  setShowAll: (value: boolean) => void;
  save: () => Promise<boolean>;
  applicationId: string;
  part: PartName;
};

const clockTime = new Intl.DateTimeFormat("sv-SE", {
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "Europe/Stockholm",
});

export function PartFrame({
  form,
  title,
  lead,
  children,
}: {
  form: PartForm;
  title: string;
  lead: string;
  children: ReactNode;
}) {
  const router = useRouter();
  const t = useTranslations("wizard");
  const tc = useTranslations("common");
  const [leaving, setLeaving] = useState(false);
  // Only a failed "save and go back" moves the focus to the summary, never a background save.
  const [failedLeaves, setFailedLeaves] = useState(0);
  const statusLine = useRef<HTMLParagraphElement>(null);
  const summary = Object.entries(form.serverErrors).map(([path, message]) => ({
    fieldId: fieldId(path),
    message,
  }));

  async function saveAndLeave() {
    setLeaving(true);
    form.setShowAll(true);
    const ok = await form.save();
    setLeaving(false);
    if (ok) router.push(`/ansokningar/${form.applicationId}`);
    else if (Object.keys(form.serverErrors).length) setFailedLeaves((n) => n + 1);
    else statusLine.current?.focus(); // not saved for want of a connection: say so where focus is
  }

  return (
    <div>
      <p className="mb-2">
        <a href={`/ansokningar/${form.applicationId}`}>{t("backToParts")}</a>
      </p>
      <h1 className="text-3xl font-bold">{title}</h1>
      <p className="mt-2 mb-6 max-w-2xl text-lg text-muted">{lead}</p>
      <p
        ref={statusLine}
        tabIndex={-1}
        role="status"
        aria-live="polite"
        data-testid="save-state"
        data-state={form.state}
        className={`mb-6 inline-block rounded px-3 py-1 text-sm font-semibold ${form.state === "saved" ? "bg-[#e6f2ec] text-success" : ["error", "conflict", "invalid", "retrying", "offline"].includes(form.state) ? "bg-[#f6d7d2] text-error" : "bg-surface"}`}
      >
        {form.state === "saved"
          ? form.savedAt
            ? t("saveState.saved", { time: clockTime.format(form.savedAt) })
            : t("saveState.upToDate")
          : t(`saveState.${form.state}`)}
      </p>
      {form.state === "conflict" ? (
        <div className="mb-6 border-4 border-error p-4" data-testid="conflict">
          <h2 className="text-lg font-bold">{t("conflictTitle")}</h2>
          <p className="mt-1">{form.message}</p>
          <p className="mt-2">{t("conflictKept")}</p>
          <Button
            type="button"
            variant="secondary"
            className="mt-3"
            onClick={() => window.location.reload()}
          >
            {t("conflictReload")}
          </Button>
        </div>
      ) : null}
      <ErrorSummary title={tc("errorSummaryTitle")} items={summary} focusKey={failedLeaves} />
      <Checklist
        problems={form.partProblems}
        applicationId={form.applicationId}
        currentPart={form.part}
        title={t("partChecklistTitle", { part: t(`parts.${form.part}`).toLowerCase() })}
        okText={t("partDone")}
      />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void saveAndLeave();
        }}
        noValidate
      >
        {children}
        <div className="mt-8 flex flex-wrap gap-4">
          <Button type="submit" disabled={leaving}>
            {t("saveAndBack")}
          </Button>
        </div>
      </form>
    </div>
  );
}
