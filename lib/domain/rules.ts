// The grant rules of SPEC §4, in one place. Pure: the form's live checklist, submission (the
// authority) and POST /api/v1/applications/validate all call checkApplication.
import { addMonths, compareIso, isIsoDate, todayInStockholm, yearOf } from "./dates";
import { parseOrgNumber } from "./org-number";
import { isMunicipalityCode } from "@/lib/reference/municipalities";
import {
  DECLARATIONS, parseApplicationPayload,
  type ApplicationContract, type DeclarationName, type ShapeProblem, type Track,
} from "@/lib/validation/application";

export const RULE_CODES = [
  "ORG_NUMBER_INVALID", "APPLICANT_NOT_ELIGIBLE", "DECLARATION_MISSING", "ORGANISATION_TOO_NEW", "VARIANT_MISMATCH",
  "AREA_REQUIRED", "MUNICIPALITY_UNKNOWN", "PARTNER_REQUIRED", "LOCAL_ANCHORING_REQUIRED", "LETTER_OF_INTENT_MISSING",
  "LETTER_OF_INTENT_INCOMPLETE", "MUNICIPAL_ANCHORING_REQUIRED", "METHOD_REQUIRED", "FOLLOW_UP_REFERENCE_REQUIRED",
  "STRATEGIC_FRAMEWORK_REQUIRED", "COORDINATION_PARTNERS_REQUIRED", "PARTNER_ACTIVITIES_REQUIRED", "EXPLORATORY_TOO_LONG",
  "NEED_BASIS_REQUIRED", "PERIOD_INVALID", "PERIOD_TOO_LONG", "BUDGET_YEAR_OUTSIDE_PERIOD", "BUDGET_MISMATCH", "AMOUNT_INVALID",
  // Checked against the round at submission, beside the rules of the table.
  "TRACK_NOT_IN_ROUND",
] as const;
export type RuleCode = (typeof RULE_CODES)[number];
export const WARNING_CODES = ["ORG_NUMBER_GROUP_UNEXPECTED"] as const;
export type WarningCode = (typeof WARNING_CODES)[number];
/** Submission outside the round's opening hours (raised by the submission service, not by these rules). */
export const ROUND_CLOSED = "ROUND_CLOSED";

export type Problem = { code: RuleCode | WarningCode | "INVALID_FIELD" | typeof ROUND_CLOSED; path: string; message: string };
export type RuleResult = { valid: boolean; problems: Problem[]; warnings: Problem[] };

export type RoundSettings = { longestPeriodMonths: number; acceptedTracks?: readonly Track[] };
export type CheckOptions = { today?: string; round?: RoundSettings | null };

/** Without a round, the longest period of SPEC §2 from 2021 on. */
export const DEFAULT_LONGEST_PERIOD_MONTHS = 36;

const ELIGIBLE_FORMS = new Set(["NONPROFIT_ASSOCIATION", "FOUNDATION", "RELIGIOUS_COMMUNITY"]);
const MUNICIPAL_SECTORS = new Set(["MUNICIPALITY", "REGION", "DISTRICT_ADMINISTRATION"]);
const VARIANTS_OF: Record<Track, readonly (string | null)[]> = {
  KNOWLEDGE: ["NEW", "FOLLOW_UP"],
  COLLABORATION: ["COORDINATION", "EXPLORATORY"],
  INTERVENTION: [null],
};

const DECLARATION_TEXT: Record<DeclarationName, string> = {
  independent: "att organisationen är självständig och demokratiskt uppbyggd med öppet medlemskap (en stiftelse: inte bildad av staten eller en kommun)",
  nonProfit: "att organisationen är ideell och inte har vinstsyfte",
  respectsDemocracy: "att organisationen respekterar demokratins idéer, jämställdhet och förbud mot diskriminering",
  noDebtsToEnforcementAuthority: "att organisationen inte har skulder hos Kronofogden",
  notInLiquidation: "att organisationen inte är i likvidation eller försatt i konkurs",
};

const blank = (s: string | null | undefined) => !s || s.trim().length === 0;
const isWhole = (n: number) => Number.isInteger(n);
const kr = (n: number) => `${new Intl.NumberFormat("sv-SE").format(n)} kr`;

export function checkApplication(app: ApplicationContract, options: CheckOptions = {}): RuleResult {
  const today = options.today ?? todayInStockholm();
  const longest = options.round?.longestPeriodMonths ?? DEFAULT_LONGEST_PERIOD_MONTHS;
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const add = (code: RuleCode, path: string, message: string) => problems.push({ code, path, message });
  const { track, variant, applicant, partners } = app;
  const is = (t: Track, v?: string) => track === t && (v === undefined || variant === v);

  // The applicant
  const orgNumber = parseOrgNumber(applicant.orgNumber);
  if (!orgNumber.ok) {
    add("ORG_NUMBER_INVALID", "applicant.orgNumber", "Organisationsnumret stämmer inte. Ange det som tio siffror, till exempel 802012-3454, och kontrollera sista siffran.");
  } else {
    const group = orgNumber.value[0];
    const expected = applicant.legalForm === "RELIGIOUS_COMMUNITY" ? ["2", "8"] : ["8"];
    if (!expected.includes(group)) {
      warnings.push({
        code: "ORG_NUMBER_GROUP_UNEXPECTED", path: "applicant.orgNumber",
        message: applicant.legalForm === "RELIGIOUS_COMMUNITY"
          ? "Organisationsnummer för trossamfund börjar oftast med 2 eller 8. Kontrollera att numret är organisationens."
          : "Organisationsnummer för ideella föreningar och stiftelser börjar med 8. Kontrollera att numret är organisationens.",
      });
    }
  }
  if (!ELIGIBLE_FORMS.has(applicant.legalForm)) {
    add("APPLICANT_NOT_ELIGIBLE", "applicant.legalForm", "Bara ideella föreningar, stiftelser och trossamfund kan söka bidraget.");
  }
  for (const name of DECLARATIONS) {
    if (app.declarations[name] !== true) add("DECLARATION_MISSING", `declarations.${name}`, `Intyga ${DECLARATION_TEXT[name]}.`);
  }
  if ((applicant.legalForm === "NONPROFIT_ASSOCIATION" || applicant.legalForm === "FOUNDATION") && isIsoDate(applicant.foundedOn) && compareIso(applicant.foundedOn, addMonths(today, -24)) > 0) {
    add("ORGANISATION_TOO_NEW", "applicant.foundedOn", "Föreningen eller stiftelsen måste ha funnits i minst två år när ansökan lämnas in.");
  }
  if (!isMunicipalityCode(applicant.municipalityCode)) {
    add("MUNICIPALITY_UNKNOWN", "applicant.municipalityCode", "Välj en kommun i listan. Kommunkoden ska vara en av Sveriges 290 kommunkoder, till exempel 0180.");
  }

  // Track and variant
  if (!VARIANTS_OF[track].includes(variant)) {
    add("VARIANT_MISMATCH", "variant", track === "INTERVENTION"
      ? "Direkta insatser har ingen variant. Ta bort varianten."
      : `Välj en variant som hör till inriktningen: ${VARIANTS_OF[track].join(" eller ")}.`);
  }
  if (options.round?.acceptedTracks && !options.round.acceptedTracks.includes(track)) {
    add("TRACK_NOT_IN_ROUND", "track", "Utlysningen tar inte emot ansökningar inom den här inriktningen. Välj en annan inriktning.");
  }

  // Areas
  if (app.areas.length === 0) add("AREA_REQUIRED", "areas", "Ange minst ett område där arbetet ska göras.");
  app.areas.forEach((area, i) => {
    if (!isMunicipalityCode(area.municipalityCode)) add("MUNICIPALITY_UNKNOWN", `areas.${i}.municipalityCode`, "Välj kommunen för området i listan över Sveriges 290 kommuner.");
  });

  // Partners and letters of intent
  if (partners.length === 0) add("PARTNER_REQUIRED", "partners", "Lägg till minst en partner. Alla inriktningar kräver samverkan med andra aktörer.");
  if (!partners.some((p) => p.localAnchoring)) {
    add("LOCAL_ANCHORING_REQUIRED", "partners", "Minst en partner ska ha lokal förankring i området, till exempel stadsdelsförvaltningen, skolan eller bostadsbolaget.");
  }
  partners.forEach((partner, i) => {
    if (partner.orgNumber !== null && partner.orgNumber.trim() !== "" && !parseOrgNumber(partner.orgNumber).ok) {
      add("ORG_NUMBER_INVALID", `partners.${i}.orgNumber`, `Organisationsnumret för ${partner.name} stämmer inte. Ange det som tio siffror, till exempel 212000-0142, eller lämna fältet tomt.`);
    }
    const letter = partner.letterOfIntent;
    if (!letter || letter.status !== "SIGNED") {
      add("LETTER_OF_INTENT_MISSING", `partners.${i}.letterOfIntent`, `Det saknas en underskriven avsiktsförklaring från ${partner.name}.`);
      return;
    }
    const base = `partners.${i}.letterOfIntent`;
    if (blank(letter.competences)) add("LETTER_OF_INTENT_INCOMPLETE", `${base}.competences`, `Avsiktsförklaringen från ${partner.name} ska beskriva vilken kompetens partnern bidrar med.`);
    if (blank(letter.resources)) add("LETTER_OF_INTENT_INCOMPLETE", `${base}.resources`, `Avsiktsförklaringen från ${partner.name} ska beskriva vilka resurser partnern bidrar med.`);
    if (!letter.from || !letter.to) add("LETTER_OF_INTENT_INCOMPLETE", `${base}.${letter.from ? "to" : "from"}`, `Avsiktsförklaringen från ${partner.name} ska ange under vilken period partnern deltar.`);
    else if (isIsoDate(letter.to) && isIsoDate(letter.from) && compareIso(letter.to, letter.from) < 0) add("LETTER_OF_INTENT_INCOMPLETE", `${base}.to`, `Perioden i avsiktsförklaringen från ${partner.name} slutar innan den börjar.`);
    if (blank(letter.signedBy)) add("LETTER_OF_INTENT_INCOMPLETE", `${base}.signedBy`, `Avsiktsförklaringen från ${partner.name} ska ange vem som har skrivit under.`);
  });

  // The track's own requirements
  if (is("KNOWLEDGE")) {
    if (!partners.some((p) => MUNICIPAL_SECTORS.has(p.sector))) {
      add("MUNICIPAL_ANCHORING_REQUIRED", "partners", "Kunskaps- och metodutveckling kräver en partner från kommunen, regionen eller en stadsdelsförvaltning.");
    }
    if (app.methods.length === 0) add("METHOD_REQUIRED", "methods", "Välj minst en metod för dialogen med de boende.");
  }
  if (is("KNOWLEDGE", "FOLLOW_UP") && blank(app.previousGrantReference)) {
    add("FOLLOW_UP_REFERENCE_REQUIRED", "previousGrantReference", "Ange diarienumret för det tidigare kunskapsbidraget som ni följer upp.");
  }
  if (is("COLLABORATION", "COORDINATION")) {
    if (blank(app.strategicFramework)) add("STRATEGIC_FRAMEWORK_REQUIRED", "strategicFramework", "Beskriv det strategiska ramverk som samverkan bygger på.");
    if (partners.length < 2) add("COORDINATION_PARTNERS_REQUIRED", "partners", "En samordnande ansökan behöver minst två partner.");
    partners.forEach((partner, i) => {
      if (blank(partner.activities)) add("PARTNER_ACTIVITIES_REQUIRED", `partners.${i}.activities`, `Beskriv vilka aktiviteter ${partner.name} ansvarar för.`);
    });
  }
  // Date rules need both dates; the shape check (or the draft check) reports missing ones.
  const { start, end } = app.period;
  const datesKnown = isIsoDate(start) && isIsoDate(end);
  if (is("COLLABORATION", "EXPLORATORY") && datesKnown && compareIso(app.period.end, addMonths(app.period.start, 12)) >= 0) {
    add("EXPLORATORY_TOO_LONG", "period.end", "En förstudie får pågå i högst ett år. Välj ett slutdatum före " + addMonths(app.period.start, 12) + ".");
  }
  if (is("INTERVENTION") && (!app.needBasis || !app.needBasis.kind || blank(app.needBasis.description))) {
    add("NEED_BASIS_REQUIRED", "needBasis", "Beskriv hur behovet har identifierats: genom samverkan med andra aktörer eller genom kunskap om segregationens läge.");
  }

  // Period and budget
  if (datesKnown && compareIso(end, start) < 0) add("PERIOD_INVALID", "period.end", "Slutdatumet ligger före startdatumet. Ändra ett av datumen.");
  else if (datesKnown && compareIso(end, addMonths(start, longest)) >= 0) {
    add("PERIOD_TOO_LONG", "period.end", `Projektperioden får vara högst ${longest} månader. Välj ett slutdatum före ${addMonths(start, longest)}.`);
  }
  const [firstYear, lastYear] = [yearOf(start), yearOf(end)];
  app.budget.forEach((line, i) => {
    if (datesKnown && (line.year < Math.min(firstYear, lastYear) || line.year > Math.max(firstYear, lastYear))) {
      add("BUDGET_YEAR_OUTSIDE_PERIOD", `budget.${i}.year`, `Budgetåret ${line.year} ligger utanför projektperioden (${firstYear}–${lastYear}).`);
    }
  });

  const amountProblem = (path: string, value: number) => {
    if (value < 0 || !isWhole(value)) add("AMOUNT_INVALID", path, "Ange beloppet i hela kronor, utan minustecken eller decimaler.");
  };
  if (app.requestedSek === 0) add("AMOUNT_INVALID", "requestedSek", "Det sökta beloppet kan inte vara 0 kr. Lägg till kostnader i budgeten.");
  else amountProblem("requestedSek", app.requestedSek);
  amountProblem("cofinancingSek", app.cofinancingSek);
  app.budget.forEach((line, i) => amountProblem(`budget.${i}.amountSek`, line.amountSek));
  app.otherFunding.forEach((f, i) => amountProblem(`otherFunding.${i}.amountSek`, f.amountSek));

  const budgetTotal = app.budget.reduce((sum, line) => sum + line.amountSek, 0);
  if (app.requestedSek !== budgetTotal - app.cofinancingSek) {
    add("BUDGET_MISMATCH", "requestedSek", `Sökt belopp ska vara budgetens summa minus medfinansieringen: ${kr(budgetTotal)} − ${kr(app.cofinancingSek)} = ${kr(budgetTotal - app.cofinancingSek)}.`);
  }

  return { valid: problems.length === 0, problems, warnings };
}

export type ValidationAnswer =
  | { status: 200; body: RuleResult }
  | { status: 400; body: { valid: false; problems: ShapeProblem[]; warnings: Problem[] } };

/** Shape first (400 with INVALID_FIELD problems), then the rules (200, valid or not). */
export function validateApplication(json: unknown, options: CheckOptions = {}): ValidationAnswer {
  const parsed = parseApplicationPayload(json);
  if (!parsed.ok) return { status: 400, body: { valid: false, problems: parsed.problems, warnings: [] } };
  return { status: 200, body: checkApplication(parsed.data, options) };
}
