"use client";
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { checkDraft, fieldId, partOf, type DraftContract } from "@/lib/domain/application-parts";
import { mergeDraft, patchFromPart, type LettersById } from "@/lib/domain/draft-patch";
import type { Problem, RoundSettings } from "@/lib/domain/rules";
import { PART_SCHEMAS, type PartData, type PartName } from "@/lib/validation/draft";
import type { ActionResult } from "@/lib/server/action";
import { Checklist } from "./checklist";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Button } from "@/components/ui/button";

export type PartFormProps<P extends PartName> = {
  applicationId: string;
  part: P;
  version: number;
  initial: PartData<P>;
  draft: DraftContract;
  letters: LettersById;
  round: RoundSettings;
  today: string;
  /** Saves one part of the draft; answers with the application's new version. */
  saveDraft: (
    applicationId: string,
    version: number,
    part: P,
    data: unknown,
  ) => Promise<ActionResult<number>>;
};

type SaveState = "saved" | "unsaved" | "saving" | "error" | "conflict";

// A part's field names that differ from the contract's paths (the checklist speaks in contract paths).
const ALIASES: Record<string, string> = {
  periodStart: "period.start",
  periodEnd: "period.end",
  needBasisKind: "needBasis",
  needBasisDescription: "needBasis",
  foundedOn: "applicant.foundedOn",
};
const contractPath = (path: string) => ALIASES[path] ?? path;

/**
 * Holds one part of the application while it is edited: saves to the server as the person types
 * (debounced) and when they leave, guards against stale copies (optimistic version), and runs the
 * rules live on the unsaved state.
 */
export function usePartForm<P extends PartName>(props: PartFormProps<P>) {
  const { applicationId, part, draft, letters, round, today, saveDraft } = props;
  const [data, setData] = useState<PartData<P>>(props.initial);
  const [state, setState] = useState<SaveState>("saved");
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [showAll, setShowAll] = useState(false);
  const version = useRef(props.version);
  const latest = useRef(data);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const dirty = useRef(false);
  // Kept in step with what is on screen, for the save that compares what it sent with what is there now.
  useLayoutEffect(() => {
    latest.current = data;
  }, [data]);

  const save = useCallback(async (): Promise<boolean> => {
    if (inFlight.current) await inFlight.current;
    if (!dirty.current) return true;
    const parsed = PART_SCHEMAS[part].safeParse(latest.current);
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues)
        errors[contractPath(issue.path.join("."))] ??= issue.message;
      setServerErrors(errors);
      setState("error");
      return false;
    }
    dirty.current = false;
    setState("saving");
    const sent = latest.current;
    inFlight.current = (async () => {
      const result = await saveDraft(applicationId, version.current, part, sent);
      if (result.ok) {
        version.current = result.value;
        setServerErrors({});
        setMessage(null);
        setState(latest.current === sent ? "saved" : "unsaved");
        if (latest.current !== sent) dirty.current = true;
        return true;
      }
      dirty.current = true;
      setServerErrors(
        Object.fromEntries(Object.entries(result.errors).map(([k, v]) => [contractPath(k), v])),
      );
      setMessage(result.message);
      setState(result.conflict ? "conflict" : "error");
      return false;
    })();
    try {
      return await inFlight.current;
    } finally {
      inFlight.current = null;
    }
  }, [applicationId, part, saveDraft]);

  const update = useCallback((patch: Partial<PartData<P>>) => {
    dirty.current = true;
    setState((s) => (s === "conflict" ? s : "unsaved"));
    setData((d) => ({ ...d, ...patch }));
  }, []);

  // Save a moment after typing stops, and warn before leaving with unsaved changes.
  useEffect(() => {
    if (!dirty.current || state === "conflict") return;
    const timer = setTimeout(() => void save(), 800);
    return () => clearTimeout(timer);
  }, [data, save, state]);
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (dirty.current) event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, []);

  const problems = useMemo(
    () => checkDraft(mergeDraft(draft, patchFromPart(part, data, letters)), { today, round }),
    [draft, part, data, letters, today, round],
  );
  const partProblems = problems.filter((p) => partOf(p.path) === part);
  const problemAt = (path: string) =>
    partProblems.find((p) => p.path === path || p.path.startsWith(`${path}.`))?.message;
  const error = (path: string) =>
    serverErrors[path] ?? (showAll || touched.has(path) ? problemAt(path) : undefined);
  const touch = (path: string) => setTouched((t) => (t.has(path) ? t : new Set(t).add(path)));

  return {
    data,
    update,
    save,
    state,
    message,
    serverErrors,
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
  message: string | null;
  serverErrors: Record<string, string>;
  partProblems: Problem[];
  setShowAll: (value: boolean) => void;
  save: () => Promise<boolean>;
  applicationId: string;
  part: PartName;
};

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
  }

  return (
    <div>
      <p className="mb-2">
        <a href={`/ansokningar/${form.applicationId}`}>{t("backToParts")}</a>
      </p>
      <h1 className="text-3xl font-bold">{title}</h1>
      <p className="mt-2 mb-6 max-w-2xl text-lg text-muted">{lead}</p>
      <p
        role="status"
        aria-live="polite"
        data-testid="save-state"
        data-state={form.state}
        className={`mb-6 inline-block rounded px-3 py-1 text-sm font-semibold ${form.state === "saved" ? "bg-[#e6f2ec] text-success" : form.state === "error" || form.state === "conflict" ? "bg-[#f6d7d2] text-error" : "bg-surface"}`}
      >
        {t(`saveState.${form.state}`)}
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
      <ErrorSummary title={tc("errorSummaryTitle")} items={summary} />
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
