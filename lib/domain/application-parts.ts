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

/**
 * The id of the form field a problem points at: `partners.1.orgNumber` → `partners-1-orgNumber`.
 * A letter of intent is one thing on the page, so its parts (`partners.1.letterOfIntent.from`)
 * point at the letter: `partners-1-letterOfIntent`.
 */
export const fieldId = (path: string) =>
  path
    ? path.replace(/^(partners\.\d+\.letterOfIntent)\..*$/, "$1").replace(/\./g, "-")
    : "application";

/**
 * Each problem once. Problems with the same rule (code) and field (path) are one problem: the
 * later one's message wins, in the earlier one's place (a value kept as typed is newer news than
 * the check of the saved value). The same message about the same field is said once.
 */
export function uniqueProblems<T extends Problem>(problems: readonly T[]): T[] {
  const byRule = new Map<string, T>();
  // Map.set on a key already there keeps the key's place.
  for (const p of problems) byRule.set(`${p.code}\u0000${p.path}`, p);
  const said = new Set<string>();
  return [...byRule.values()].filter((p) => {
    const key = `${p.path}\u0000${p.message}`;
    if (said.has(key)) return false;
    said.add(key);
    return true;
  });
}

/** A draft in the contract's shape, where anything may still be missing. */
export type DraftContract = {
  [K in keyof ApplicationContract]?: ApplicationContract[K] | null;
} & Record<string, unknown>;

// What to do about a missing field, by its path (rows by their place: `partners.#.name`).
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
  "partners.#.name": "Ange partnerns namn.",
  "partners.#.role": "Beskriv vilken roll partnern har i projektet.",
  "otherFunding.#.decisionDate":
    "Ange datumet för finansiärens beslut, eller när beslutet väntas, till exempel 2027-03-01.",
};
const missingMessage = (path: string) => MISSING[path.replace(/\.\d+\./g, ".#.")];

// The rules that depend on the track. Until a track is chosen the rules run as if it were
// INTERVENTION; what they would say about that track's fields is not asked of the person yet.
const TRACK_DEPENDENT = new Set<Problem["code"]>([
  "TRACK_NOT_IN_ROUND",
  "VARIANT_MISMATCH",
  "NEED_BASIS_REQUIRED",
  "METHOD_REQUIRED",
  "MUNICIPAL_ANCHORING_REQUIRED",
  "FOLLOW_UP_REFERENCE_REQUIRED",
  "STRATEGIC_FRAMEWORK_REQUIRED",
  "COORDINATION_PARTNERS_REQUIRED",
  "PARTNER_ACTIVITIES_REQUIRED",
  "EXPLORATORY_TOO_LONG",
]);

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
    .map((p) => ({
      code: "INVALID_FIELD",
      path: p.path,
      message: missingMessage(p.path) ?? p.message,
    }));
  const seen = new Set(missing.map((p) => p.path));
  const rules = checkApplication(full, options).problems.filter((p) => !seen.has(p.path));
  // Rules about dates mean nothing until both dates are given.
  const datesKnown = full.period.start !== "" && full.period.end !== "";
  const trackKnown = draft.track !== null && draft.track !== undefined;
  return uniqueProblems([
    ...missing,
    ...rules.filter(
      (p) =>
        (datesKnown || !/^(PERIOD_|EXPLORATORY_TOO_LONG|BUDGET_YEAR)/.test(p.code)) &&
        (trackKnown || !TRACK_DEPENDENT.has(p.code)),
    ),
  ]);
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
