// The parts of the application wizard (the task list of UX.md), which contract fields belong to
// each, and the live check of a draft. Pure.
import { isIsoDate } from "./dates";
import { checkApplication, type CheckOptions, type Problem } from "./rules";
import { parseApplicationPayload, type ApplicationContract } from "@/lib/validation/application";

export const PARTS = [
  "grunduppgifter",
  "omrade",
  "genomforande",
  "partner",
  "budget",
  "intyganden",
] as const;
export type Part = (typeof PARTS)[number];

/** The first segment of a problem's path decides its part; the checklist links to the part and the field. */
const PART_OF_FIELD: Record<string, Part> = {
  track: "grunduppgifter",
  variant: "grunduppgifter",
  title: "grunduppgifter",
  summary: "grunduppgifter",
  focusAreas: "grunduppgifter",
  period: "grunduppgifter",
  areas: "omrade",
  needsDescription: "omrade",
  needBasis: "omrade",
  methods: "genomforande",
  previousGrantReference: "genomforande",
  strategicFramework: "genomforande",
  genderEqualityPerspective: "genomforande",
  longTermPlan: "genomforande",
  partners: "partner",
  budget: "budget",
  cofinancingSek: "budget",
  requestedSek: "budget",
  otherFunding: "budget",
  stateAid: "budget",
  declarations: "intyganden",
  applicant: "intyganden",
};

export function partOf(path: string): Part {
  return PART_OF_FIELD[path.split(".")[0]] ?? "grunduppgifter";
}

/** The id of the form field a problem points at: `partners.1.letterOfIntent` → `partners-1-letterOfIntent`. */
export const fieldId = (path: string) => (path ? path.replace(/\./g, "-") : "application");

/** A draft in the contract's shape, where anything may still be missing. */
export type DraftContract = {
  [K in keyof ApplicationContract]?: ApplicationContract[K] | null;
} & Record<string, unknown>;

const MISSING: Record<string, string> = {
  track: "Välj inriktning.",
  title: "Ge projektet en titel.",
  summary: "Skriv en kort sammanfattning av projektet.",
  needsDescription: "Beskriv behoven i området.",
  genderEqualityPerspective: "Beskriv hur ni arbetar med jämställdhet.",
  longTermPlan: "Beskriv hur arbetet fortsätter efter bidragstiden.",
  "period.start": "Ange när projektet startar.",
  "period.end": "Ange när projektet slutar.",
  "applicant.foundedOn": "Ange när organisationen bildades.",
  stateAid: "Svara på frågan om statligt stöd.",
};

/** Fills what is missing with empty values so the rules can run on an unfinished draft. */
function completed(draft: DraftContract): ApplicationContract {
  const d = draft as Partial<ApplicationContract>;
  const str = (v: unknown) => (typeof v === "string" ? v : "");
  return {
    track: d.track ?? "INTERVENTION",
    variant: d.variant ?? null,
    previousGrantReference: d.previousGrantReference ?? null,
    applicant: {
      name: str(d.applicant?.name),
      orgNumber: str(d.applicant?.orgNumber),
      legalForm: d.applicant?.legalForm ?? "NONPROFIT_ASSOCIATION",
      municipalityCode: str(d.applicant?.municipalityCode),
      foundedOn: isIsoDate(d.applicant?.foundedOn) ? d.applicant.foundedOn : "",
    },
    declarations: {
      independent: d.declarations?.independent === true,
      nonProfit: d.declarations?.nonProfit === true,
      respectsDemocracy: d.declarations?.respectsDemocracy === true,
      noDebtsToEnforcementAuthority: d.declarations?.noDebtsToEnforcementAuthority === true,
      notInLiquidation: d.declarations?.notInLiquidation === true,
    },
    otherFunding: d.otherFunding ?? [],
    stateAid: d.stateAid ?? false,
    title: str(d.title),
    summary: str(d.summary),
    areas: d.areas ?? [],
    focusAreas: d.focusAreas ?? [],
    needsDescription: str(d.needsDescription),
    needBasis: d.needBasis ?? null,
    strategicFramework: d.strategicFramework ?? null,
    methods: d.methods ?? [],
    genderEqualityPerspective: str(d.genderEqualityPerspective),
    longTermPlan: str(d.longTermPlan),
    period: {
      start: isIsoDate(d.period?.start) ? d.period.start : "",
      end: isIsoDate(d.period?.end) ? d.period.end : "",
    },
    budget: d.budget ?? [],
    cofinancingSek: d.cofinancingSek ?? 0,
    requestedSek: d.requestedSek ?? 0,
    partners: d.partners ?? [],
  };
}

/**
 * The live checklist: what is still missing (as INVALID_FIELD, in plain Swedish) and every rule
 * that is broken so far. Submission runs the strict check (parse + checkApplication) instead.
 */
// Lists and optional fields that a draft may simply not have yet; the rules judge them, not the shape.
const EMPTY_DRAFT = {
  variant: null,
  previousGrantReference: null,
  needBasis: null,
  strategicFramework: null,
  otherFunding: [],
  methods: [],
  focusAreas: [],
  areas: [],
  budget: [],
  partners: [],
  cofinancingSek: 0,
  requestedSek: 0,
  declarations: {
    independent: false,
    nonProfit: false,
    respectsDemocracy: false,
    noDebtsToEnforcementAuthority: false,
    notInLiquidation: false,
  },
};

export function checkDraft(draft: DraftContract, options: CheckOptions = {}): Problem[] {
  const present = Object.fromEntries(
    Object.entries(draft).filter(([, v]) => v !== undefined && v !== null),
  );
  const shape = parseApplicationPayload({
    ...EMPTY_DRAFT,
    ...present,
    variant: draft.variant ?? null,
    stateAid: draft.stateAid,
  });
  const full = completed(draft);
  if (shape.ok) return checkApplication(shape.data, options).problems;
  const missing: Problem[] = shape.problems
    .filter((p) => p.path !== "variant" || draft.track !== "INTERVENTION")
    // A missing period is two fields in the form.
    .flatMap((p) =>
      p.path === "period"
        ? [
            { ...p, path: "period.start" },
            { ...p, path: "period.end" },
          ]
        : [p],
    )
    .map((p) => ({ code: "INVALID_FIELD", path: p.path, message: MISSING[p.path] ?? p.message }));
  const seen = new Set(missing.map((p) => p.path));
  const rules = checkApplication(full, options).problems.filter((p) => !seen.has(p.path));
  // Rules about dates mean nothing until both dates are given.
  const datesKnown = full.period.start !== "" && full.period.end !== "";
  return [
    ...missing,
    ...rules.filter(
      (p) => datesKnown || !/^(PERIOD_|EXPLORATORY_TOO_LONG|BUDGET_YEAR)/.test(p.code),
    ),
  ];
}

export type PartStatus = "NOT_STARTED" | "IN_PROGRESS" | "DONE" | "NEEDS_ACTION";

const hasContent = (value: unknown): boolean =>
  Array.isArray(value)
    ? value.length > 0
    : typeof value === "string"
      ? value.trim() !== ""
      : typeof value === "object" && value !== null
        ? Object.values(value).some(hasContent)
        : value === true || (typeof value === "number" && value !== 0);

const FIELDS_OF = (part: Part) =>
  Object.entries(PART_OF_FIELD)
    .filter(([, p]) => p === part)
    .map(([field]) => field);

/** Ej påbörjad / Påbörjad / Klar / Behöver åtgärdas for each part of the task list. */
export function partStatuses(
  draft: DraftContract,
  problems: Problem[],
  needsAction: ReadonlySet<Part> = new Set(),
): Record<Part, PartStatus> {
  const out = {} as Record<Part, PartStatus>;
  for (const part of PARTS) {
    const started = FIELDS_OF(part)
      .filter((f) => f !== "applicant")
      .some((field) => hasContent(draft[field]));
    const open = problems.some((p) => partOf(p.path) === part);
    out[part] =
      needsAction.has(part) && open
        ? "NEEDS_ACTION"
        : !started
          ? "NOT_STARTED"
          : open
            ? "IN_PROGRESS"
            : "DONE";
  }
  return out;
}
