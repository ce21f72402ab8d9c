// The grant rules of docs/domain.md §4, in one place. Pure: the form's live checklist, submission (the
// authority) and POST /api/v1/applications/validate all call checkApplication, which returns
// every problem at once, each with the dotted path of the field to fix and a Swedish message
// that says what to do.
import {
  addDays,
  addMonths,
  compareIso,
  fullYearsBetween,
  isIsoDate,
  todayInStockholm,
  yearOf,
} from "./dates";
import { formatDate, formatSek } from "./format";
import { TRACK_LABELS } from "./labels";
import { parseOrgNumber, type OrgNumberProblem } from "./org-number";
import { isMunicipalityCode } from "@/lib/reference/municipalities";
import {
  DECLARATIONS,
  parseApplicationPayload,
  type ApplicationContract,
  type DeclarationName,
  type LegalForm,
  type PartnerContract,
  type ShapeProblem,
  type Track,
  type Variant,
} from "@/lib/validation/application";

export const RULE_CODES = [
  "ORG_NUMBER_INVALID",
  "APPLICANT_NOT_ELIGIBLE",
  "DECLARATION_MISSING",
  "ORGANISATION_TOO_NEW",
  "VARIANT_MISMATCH",
  "AREA_REQUIRED",
  "MUNICIPALITY_UNKNOWN",
  "PARTNER_REQUIRED",
  "LOCAL_ANCHORING_REQUIRED",
  "LETTER_OF_INTENT_MISSING",
  "LETTER_OF_INTENT_INCOMPLETE",
  "MUNICIPAL_ANCHORING_REQUIRED",
  "METHOD_REQUIRED",
  "FOLLOW_UP_REFERENCE_REQUIRED",
  "STRATEGIC_FRAMEWORK_REQUIRED",
  "COORDINATION_PARTNERS_REQUIRED",
  "PARTNER_ACTIVITIES_REQUIRED",
  "EXPLORATORY_TOO_LONG",
  "NEED_BASIS_REQUIRED",
  "PERIOD_INVALID",
  "PERIOD_TOO_LONG",
  "BUDGET_YEAR_OUTSIDE_PERIOD",
  "BUDGET_MISMATCH",
  "AMOUNT_INVALID",
  // Not in the table of docs/domain.md §4: checked against the round, which only submission (or a form that knows its round) has.
  "TRACK_NOT_IN_ROUND",
] as const;
export type RuleCode = (typeof RULE_CODES)[number];
type WarningCode = "ORG_NUMBER_GROUP_UNEXPECTED";
/** Submission outside the round's opening hours; raised by the submission service, not by these rules. */
export const ROUND_CLOSED = "ROUND_CLOSED";

export type Problem = {
  code: RuleCode | WarningCode | "INVALID_FIELD" | typeof ROUND_CLOSED;
  path: string;
  message: string;
};
export type RuleResult = { valid: boolean; problems: Problem[]; warnings: Problem[] };

export type RoundSettings = { longestPeriodMonths: number; acceptedTracks?: readonly Track[] };
export type CheckOptions = {
  /** The day of validation or submission (YYYY-MM-DD); today in Stockholm when left out. */
  today?: string;
  round?: RoundSettings | null;
};

/** Without a round, the longest period of docs/domain.md §2 from 2021 on. */
const DEFAULT_LONGEST_PERIOD_MONTHS = 36;

/** The variants each track takes (docs/domain.md §3); INTERVENTION takes none. */
export const VARIANTS_OF: Record<Track, readonly (Variant | null)[]> = {
  KNOWLEDGE: ["NEW", "FOLLOW_UP"],
  COLLABORATION: ["COORDINATION", "EXPLORATORY"],
  INTERVENTION: [null],
};

const ELIGIBLE_FORMS: readonly LegalForm[] = [
  "NONPROFIT_ASSOCIATION",
  "FOUNDATION",
  "RELIGIOUS_COMMUNITY",
];
// docs/domain.md §4 sets the two-year rule for associations and foundations; religious communities are exempt.
const FORMS_WITH_AGE_RULE: readonly LegalForm[] = ["NONPROFIT_ASSOCIATION", "FOUNDATION"];
const MUNICIPAL_SECTORS: readonly PartnerContract["sector"][] = [
  "MUNICIPALITY",
  "REGION",
  "DISTRICT_ADMINISTRATION",
];

export function checkApplication(app: ApplicationContract, options: CheckOptions = {}): RuleResult {
  const today = options.today ?? todayInStockholm();
  const longest = options.round?.longestPeriodMonths ?? DEFAULT_LONGEST_PERIOD_MONTHS;
  const problems = [
    ...applicantRules(app, today),
    ...trackRules(app, options.round?.acceptedTracks),
    ...areaRules(app),
    ...partnerRules(app),
    ...trackRequirements(app),
    ...periodRules(app, longest),
    ...budgetRules(app),
  ];
  return { valid: problems.length === 0, problems, warnings: warnings(app) };
}

export type ValidationAnswer =
  | { status: 200; body: RuleResult }
  | { status: 400; body: { valid: false; problems: ShapeProblem[]; warnings: Problem[] } };

/** The most problems one answer lists; the last place says how many more there are. */
const MAX_PROBLEMS = 100;
function capped<T extends Problem>(problems: T[]): (T | Problem)[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  const rest = problems.length - (MAX_PROBLEMS - 1);
  return [
    ...problems.slice(0, MAX_PROBLEMS - 1),
    {
      code: "INVALID_FIELD",
      path: "",
      message: `Ytterligare ${rest} fel visas inte. Rätta felen ovan och skicka igen.`,
    },
  ];
}

/** Shape first (400 with INVALID_FIELD problems, rules not run), then the rules (200, valid or not). */
export function validateApplication(json: unknown, options: CheckOptions = {}): ValidationAnswer {
  const parsed = parseApplicationPayload(json);
  if (!parsed.ok)
    return {
      status: 400,
      body: { valid: false, problems: capped(parsed.problems) as ShapeProblem[], warnings: [] },
    };
  const result = checkApplication(parsed.data, options);
  return { status: 200, body: { ...result, problems: capped(result.problems) } };
}

// ---------------------------------------------------------------------------------------------

const problem = (code: RuleCode, path: string, message: string): Problem => ({
  code,
  path,
  message,
});
const blank = (s: string | null | undefined) => !s || s.trim() === "";
/** Whether the application is of this track (and, when given, this variant). */
const is = (app: ApplicationContract, track: Track, variant?: Variant) =>
  app.track === track && (variant === undefined || app.variant === variant);
/** The last end date allowed when a period must end before start + months. */
const lastEndDate = (start: string, months: number) =>
  formatDate(addDays(addMonths(start, months), -1));

const DECLARATION_TEXT: Record<DeclarationName, string> = {
  independent:
    "att organisationen är självständig och demokratiskt uppbyggd med öppet medlemskap (en stiftelse: att den inte är bildad av staten eller en kommun)",
  nonProfit: "att organisationen är ideell och inte har vinstsyfte",
  respectsDemocracy:
    "att organisationen respekterar demokratins idéer, jämställdhet och förbud mot diskriminering",
  noDebtsToEnforcementAuthority: "att organisationen inte har skulder hos Kronofogden",
  notInLiquidation: "att organisationen inte är i likvidation eller försatt i konkurs",
};

const ORG_NUMBER_TEXT: Record<OrgNumberProblem, string> = {
  FORMAT: "Ange organisationsnumret som tio siffror, till exempel 802012-3454.",
  THIRD_DIGIT:
    "Numret ser ut som ett personnummer. Ange organisationens organisationsnummer, till exempel 802012-3454.",
  CHECK_DIGIT:
    "Organisationsnumret stämmer inte: den sista siffran (kontrollsiffran) är fel. Kontrollera att numret är rätt avskrivet.",
};

function applicantRules(app: ApplicationContract, today: string): Problem[] {
  const { applicant } = app;
  const out: Problem[] = [];
  const orgNumber = parseOrgNumber(applicant.orgNumber);
  if (!orgNumber.ok) {
    out.push(
      problem("ORG_NUMBER_INVALID", "applicant.orgNumber", ORG_NUMBER_TEXT[orgNumber.reason]),
    );
  }
  if (!ELIGIBLE_FORMS.includes(applicant.legalForm)) {
    out.push(
      problem(
        "APPLICANT_NOT_ELIGIBLE",
        "applicant.legalForm",
        "Bara ideella föreningar, stiftelser och trossamfund kan söka bidraget. Kontrollera organisationsformen.",
      ),
    );
  }
  for (const name of DECLARATIONS) {
    if (app.declarations[name] !== true)
      out.push(
        problem("DECLARATION_MISSING", `declarations.${name}`, `Intyga ${DECLARATION_TEXT[name]}.`),
      );
  }
  // Founded less than two years before the day of validation, i.e. after today − 24 months.
  if (
    FORMS_WITH_AGE_RULE.includes(applicant.legalForm) &&
    isIsoDate(applicant.foundedOn) &&
    fullYearsBetween(applicant.foundedOn, today) < 2
  ) {
    out.push(
      problem(
        "ORGANISATION_TOO_NEW",
        "applicant.foundedOn",
        "En förening eller stiftelse måste ha funnits i minst två år för att kunna söka. Kontrollera datumet då organisationen bildades.",
      ),
    );
  }
  if (!isMunicipalityCode(applicant.municipalityCode)) {
    out.push(
      problem(
        "MUNICIPALITY_UNKNOWN",
        "applicant.municipalityCode",
        "Välj organisationens kommun i listan. Kommunkoden ska vara en av Sveriges 290 kommunkoder, till exempel 0180 för Stockholm.",
      ),
    );
  }
  return out;
}

const VARIANT_TEXT: Record<Track, string> = {
  KNOWLEDGE:
    "Välj om projektet är ny kunskaps- och metodutveckling eller en uppföljning av ett tidigare kunskapsbidrag.",
  COLLABORATION:
    "Välj om ansökan gäller samordning av flera parters arbete eller en förstudie på ett år.",
  INTERVENTION: "Direkta insatser har inga varianter. Ta bort varianten.",
};

function trackRules(
  app: ApplicationContract,
  acceptedTracks: readonly Track[] | undefined,
): Problem[] {
  const out: Problem[] = [];
  if (!VARIANTS_OF[app.track].includes(app.variant))
    out.push(problem("VARIANT_MISMATCH", "variant", VARIANT_TEXT[app.track]));
  if (acceptedTracks && !acceptedTracks.includes(app.track)) {
    out.push(
      problem(
        "TRACK_NOT_IN_ROUND",
        "track",
        `Utlysningen tar inte emot ansökningar inom ${TRACK_LABELS[app.track].toLowerCase()}. Välj en annan inriktning.`,
      ),
    );
  }
  return out;
}

function areaRules(app: ApplicationContract): Problem[] {
  const out: Problem[] = [];
  if (app.areas.length === 0)
    out.push(
      problem(
        "AREA_REQUIRED",
        "areas",
        "Ange minst ett område där arbetet ska göras: kommunen och områdets namn.",
      ),
    );
  app.areas.forEach((area, i) => {
    if (!isMunicipalityCode(area.municipalityCode)) {
      out.push(
        problem(
          "MUNICIPALITY_UNKNOWN",
          `areas.${i}.municipalityCode`,
          `Välj i listan vilken kommun ${area.name.trim() || "området"} ligger i. Kommunkoden ska vara en av Sveriges 290 kommunkoder.`,
        ),
      );
    }
  });
  return out;
}

function partnerRules(app: ApplicationContract): Problem[] {
  const { partners } = app;
  const out: Problem[] = [];
  if (partners.length === 0)
    out.push(
      problem(
        "PARTNER_REQUIRED",
        "partners",
        "Lägg till minst en partner. Alla inriktningar kräver samverkan med andra aktörer.",
      ),
    );
  if (!partners.some((p) => p.localAnchoring)) {
    out.push(
      problem(
        "LOCAL_ANCHORING_REQUIRED",
        "partners",
        "Lägg till minst en partner med lokal förankring i området, till exempel stadsdelsförvaltningen, en skola eller bostadsbolaget, och markera att den har lokal förankring.",
      ),
    );
  }
  partners.forEach((partner, i) => {
    const name = partner.name.trim() || `partner ${i + 1}`;
    // A partner's number is optional; an empty field means "none given", not a wrong number.
    const orgNumber = partner.orgNumber?.trim() ? parseOrgNumber(partner.orgNumber) : null;
    if (orgNumber && !orgNumber.ok) {
      out.push(
        problem(
          "ORG_NUMBER_INVALID",
          `partners.${i}.orgNumber`,
          `${name}: ${ORG_NUMBER_TEXT[orgNumber.reason]} Lämna fältet tomt om partnern saknar organisationsnummer.`,
        ),
      );
    }
    out.push(...letterRules(partner, name, `partners.${i}.letterOfIntent`));
  });
  return out;
}

function letterRules(
  { letterOfIntent: letter }: PartnerContract,
  name: string,
  path: string,
): Problem[] {
  if (!letter || letter.status !== "SIGNED") {
    const what = !letter
      ? "Be partnern om en."
      : letter.status === "DECLINED"
        ? "Partnern har avböjt. Be om en ny eller ta bort partnern."
        : "Den väntar på svar. Påminn kontaktpersonen eller ladda upp en underskriven avsiktsförklaring.";
    return [
      problem(
        "LETTER_OF_INTENT_MISSING",
        path,
        `Det saknas en underskriven avsiktsförklaring från ${name}. ${what}`,
      ),
    ];
  }
  const out: Problem[] = [];
  const incomplete = (field: string, what: string) =>
    out.push(
      problem(
        "LETTER_OF_INTENT_INCOMPLETE",
        `${path}.${field}`,
        `Avsiktsförklaringen från ${name} ${what}`,
      ),
    );
  if (blank(letter.competences))
    incomplete("competences", "ska beskriva vilken kompetens partnern bidrar med.");
  if (blank(letter.resources))
    incomplete("resources", "ska beskriva vilka resurser partnern bidrar med.");
  if (!letter.from) incomplete("from", "ska ange när partnerns deltagande börjar.");
  if (!letter.to) incomplete("to", "ska ange när partnerns deltagande slutar.");
  else if (
    isIsoDate(letter.from) &&
    isIsoDate(letter.to) &&
    compareIso(letter.to, letter.from) < 0
  ) {
    incomplete("to", "har en period som slutar innan den börjar. Rätta datumen.");
  }
  if (blank(letter.signedBy))
    incomplete("signedBy", "ska ange namn och titel på den som har skrivit under.");
  return out;
}

// The rules that belong to one track or variant; nothing here may fire for another track.
function trackRequirements(app: ApplicationContract): Problem[] {
  const { partners } = app;
  const out: Problem[] = [];
  if (is(app, "KNOWLEDGE")) {
    if (!partners.some((p) => MUNICIPAL_SECTORS.includes(p.sector))) {
      out.push(
        problem(
          "MUNICIPAL_ANCHORING_REQUIRED",
          "partners",
          "Kunskaps- och metodutveckling kräver en partner från kommunen, regionen eller en stadsdelsförvaltning. Lägg till en sådan partner.",
        ),
      );
    }
    if (app.methods.length === 0)
      out.push(
        problem(
          "METHOD_REQUIRED",
          "methods",
          "Välj minst en metod för dialogen med de boende, till exempel samråd eller enkät.",
        ),
      );
  }
  if (is(app, "KNOWLEDGE", "FOLLOW_UP") && blank(app.previousGrantReference)) {
    out.push(
      problem(
        "FOLLOW_UP_REFERENCE_REQUIRED",
        "previousGrantReference",
        "Ange diarienumret för det tidigare kunskapsbidraget som ni följer upp, till exempel 2024/0042.",
      ),
    );
  }
  if (is(app, "COLLABORATION", "COORDINATION")) {
    if (blank(app.strategicFramework)) {
      out.push(
        problem(
          "STRATEGIC_FRAMEWORK_REQUIRED",
          "strategicFramework",
          "Beskriv det strategiska ramverk som samverkan bygger på, till exempel en gemensam plan eller en överenskommelse om idéburet offentligt partnerskap (IOP).",
        ),
      );
    }
    if (partners.length < 2)
      out.push(
        problem(
          "COORDINATION_PARTNERS_REQUIRED",
          "partners",
          "En samordnande ansökan behöver minst två partner. Lägg till de parter vars arbete ni samordnar.",
        ),
      );
    partners.forEach((partner, i) => {
      if (blank(partner.activities)) {
        out.push(
          problem(
            "PARTNER_ACTIVITIES_REQUIRED",
            `partners.${i}.activities`,
            `Beskriv vilka aktiviteter ${partner.name.trim() || `partner ${i + 1}`} ansvarar för.`,
          ),
        );
      }
    });
  }
  const { start, end } = app.period;
  if (
    is(app, "COLLABORATION", "EXPLORATORY") &&
    isIsoDate(start) &&
    isIsoDate(end) &&
    compareIso(end, addMonths(start, 12)) >= 0
  ) {
    out.push(
      problem(
        "EXPLORATORY_TOO_LONG",
        "period.end",
        `En förstudie får pågå i högst ett år. Välj ett slutdatum senast ${lastEndDate(start, 12)}.`,
      ),
    );
  }
  if (is(app, "INTERVENTION") && (!app.needBasis?.kind || blank(app.needBasis.description))) {
    out.push(
      problem(
        "NEED_BASIS_REQUIRED",
        "needBasis",
        "Berätta hur behovet har identifierats: välj om det togs fram i samverkan med andra aktörer eller genom kunskap om segregationens läge, och beskriv hur.",
      ),
    );
  }
  return out;
}

function periodRules(app: ApplicationContract, longest: number): Problem[] {
  const { start, end } = app.period;
  // A draft may lack a date; the draft check reports that, so there is nothing to compare yet.
  if (!isIsoDate(start) || !isIsoDate(end)) return [];
  if (compareIso(end, start) < 0)
    return [
      problem(
        "PERIOD_INVALID",
        "period.end",
        "Slutdatumet ligger före startdatumet. Ändra ett av datumen.",
      ),
    ];
  if (compareIso(end, addMonths(start, longest)) >= 0) {
    return [
      problem(
        "PERIOD_TOO_LONG",
        "period.end",
        `Projektperioden får vara högst ${longest} månader. Välj ett slutdatum senast ${lastEndDate(start, longest)}.`,
      ),
    ];
  }
  return [];
}

function budgetRules(app: ApplicationContract): Problem[] {
  const out: Problem[] = [];
  const { start, end } = app.period;
  if (isIsoDate(start) && isIsoDate(end)) {
    // min/max: an inverted period is PERIOD_INVALID already; do not add one problem per line on top.
    const [first, last] = [
      Math.min(yearOf(start), yearOf(end)),
      Math.max(yearOf(start), yearOf(end)),
    ];
    app.budget.forEach((line, i) => {
      if (line.year < first || line.year > last) {
        const years = first === last ? `${first}` : `${first}–${last}`;
        out.push(
          problem(
            "BUDGET_YEAR_OUTSIDE_PERIOD",
            `budget.${i}.year`,
            `Budgetåret ${line.year} ligger utanför projektperioden (${years}). Ändra året eller perioden.`,
          ),
        );
      }
    });
  }

  const total = app.budget.reduce((sum, line) => sum + line.amountSek, 0);
  if (app.requestedSek !== total - app.cofinancingSek) {
    out.push(
      problem(
        "BUDGET_MISMATCH",
        "requestedSek",
        `Sökt belopp ska vara budgetens summa minus medfinansieringen: ${formatSek(total)} − ${formatSek(app.cofinancingSek)} = ${formatSek(total - app.cofinancingSek)}.`,
      ),
    );
  }

  const amounts: [path: string, value: number][] = [
    ["requestedSek", app.requestedSek],
    ["cofinancingSek", app.cofinancingSek],
    ...app.budget.map((line, i): [string, number] => [`budget.${i}.amountSek`, line.amountSek]),
    ...app.otherFunding.map((f, i): [string, number] => [
      `otherFunding.${i}.amountSek`,
      f.amountSek,
    ]),
  ];
  for (const [path, value] of amounts) {
    if (!Number.isInteger(value) || value < 0)
      out.push(
        problem(
          "AMOUNT_INVALID",
          path,
          "Ange beloppet i hela kronor, utan minustecken och utan decimaler.",
        ),
      );
    else if (path === "requestedSek" && value === 0)
      out.push(
        problem(
          "AMOUNT_INVALID",
          path,
          "Det sökta beloppet kan inte vara 0 kr. Lägg in projektets kostnader i budgeten.",
        ),
      );
  }
  return out;
}

function warnings(app: ApplicationContract): Problem[] {
  const orgNumber = parseOrgNumber(app.applicant.orgNumber);
  if (!orgNumber.ok) return [];
  const religious = app.applicant.legalForm === "RELIGIOUS_COMMUNITY";
  // The first digit is the group: 8 for associations and foundations, 2 also for some religious communities.
  if ((religious ? ["2", "8"] : ["8"]).includes(orgNumber.value[0])) return [];
  return [
    {
      code: "ORG_NUMBER_GROUP_UNEXPECTED",
      path: "applicant.orgNumber",
      message: religious
        ? "Organisationsnummer för trossamfund börjar oftast med 2 eller 8. Kontrollera att numret är organisationens eget."
        : "Organisationsnummer för ideella föreningar och stiftelser börjar med 8. Kontrollera att numret är organisationens eget.",
    },
  ];
}
