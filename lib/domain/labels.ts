// Names of the enumerations of docs/domain.md §3 for forms, pages, letters and exports: Swedish first,
// English second. The type below makes a missing value or a missing translation a compile error.
import type { Locale } from "@/lib/i18n/config";
import type {
  BudgetCategory,
  DeclarationName,
  FocusArea,
  FundingStatus,
  LegalForm,
  LetterStatus,
  Method,
  NeedBasisKind,
  Sector,
  Track,
  Variant,
} from "@/lib/validation/application";

type EnumLabels = {
  track: Record<Track, string>;
  variant: Record<Variant, string>;
  legalForm: Record<LegalForm, string>;
  sector: Record<Sector, string>;
  focusArea: Record<FocusArea, string>;
  method: Record<Method, string>;
  needBasis: Record<NeedBasisKind, string>;
  budgetCategory: Record<BudgetCategory, string>;
  letterStatus: Record<LetterStatus, string>;
  fundingStatus: Record<FundingStatus, string>;
  declaration: Record<DeclarationName, string>;
};

export const LABELS = {
  sv: {
    track: {
      KNOWLEDGE: "Kunskaps- och metodutveckling",
      COLLABORATION: "Gemensamt agerande och strategisk samverkan",
      INTERVENTION: "Direkta insatser med utgångspunkt i lokala eller regionala behov",
    },
    variant: {
      NEW: "Ny kunskaps- och metodutveckling",
      FOLLOW_UP: "Uppföljning av ett tidigare kunskapsbidrag",
      COORDINATION:
        "Samordning – en organisation samordnar flera parters arbete och söker för alla",
      EXPLORATORY: "Förstudie – under högst ett år ta reda på om någon kan samordna arbetet",
    },
    legalForm: {
      NONPROFIT_ASSOCIATION: "Ideell förening",
      FOUNDATION: "Stiftelse",
      RELIGIOUS_COMMUNITY: "Trossamfund",
      ECONOMIC_ASSOCIATION: "Ekonomisk förening",
      COMPANY: "Företag",
      MUNICIPALITY: "Kommun",
      REGION: "Region",
      GOVERNMENT_AGENCY: "Statlig myndighet",
      OTHER: "Annan",
    },
    sector: {
      CIVIL_SOCIETY: "Civilsamhället (förening, stiftelse, trossamfund)",
      MUNICIPALITY: "Kommun (t.ex. skola, socialtjänst)",
      REGION: "Region",
      DISTRICT_ADMINISTRATION: "Stadsdelsförvaltning",
      GOVERNMENT_AGENCY: "Statlig myndighet (t.ex. polisen)",
      BUSINESS: "Näringsliv",
      ACADEMIA: "Universitet eller högskola",
      PROPERTY_OWNER: "Fastighetsägare eller bostadsbolag",
      OTHER: "Annan",
    },
    focusArea: {
      DEMOCRACY: "Demokrati och inflytande",
      EDUCATION: "Utbildning",
      WORK: "Arbete och försörjning",
      HOUSING: "Boende",
      HEALTH: "Hälsa",
      SAFETY: "Trygghet",
      GENDER_EQUALITY: "Jämställdhet",
      LEISURE: "Aktiv fritid",
      MEETING_PLACES: "Mötesplatser",
    },
    method: {
      WORKSHOP: "Workshop",
      CONSULTATION: "Samråd",
      WALK_AND_TALK: "Trygghetsvandring (walk and talk)",
      SEMINAR: "Seminarium",
      SURVEY: "Enkät",
      INTERVIEW: "Intervjuer",
      RESEARCH_REVIEW: "Forskningsöversikt",
      OTHER: "Annan metod",
    },
    needBasis: {
      COLLABORATION:
        "Genom samverkan med andra aktörer, till exempel kommunen, skolan eller bostadsbolaget",
      KNOWLEDGE:
        "Genom kunskap om läget i området, till exempel statistik, undersökningar eller forskning",
    },
    budgetCategory: {
      STAFF: "Personal",
      PREMISES: "Lokaler",
      ACTIVITIES: "Aktiviteter",
      SERVICES: "Köpta tjänster",
      ADMINISTRATION: "Administration",
      OTHER: "Övrigt",
    },
    letterStatus: { PENDING: "Väntar på svar", SIGNED: "Underskriven", DECLINED: "Avböjd" },
    fundingStatus: { APPLIED: "Sökt", GRANTED: "Beviljat" },
    declaration: {
      independent:
        "Organisationen är självständig och demokratiskt uppbyggd med öppet medlemskap (en stiftelse: den är inte bildad av staten eller en kommun).",
      nonProfit: "Organisationen är ideell och har inget vinstsyfte.",
      respectsDemocracy:
        "Organisationen respekterar demokratins idéer, inklusive jämställdhet och förbud mot diskriminering.",
      noDebtsToEnforcementAuthority: "Organisationen har inga skulder hos Kronofogden.",
      notInLiquidation:
        "Organisationen håller inte på att läggas ned (likvidation) och är inte i konkurs.",
    },
  },
  en: {
    track: {
      KNOWLEDGE: "Developing knowledge and methods",
      COLLABORATION: "Joint action and strategic collaboration",
      INTERVENTION: "Direct activities based on local or regional needs",
    },
    variant: {
      NEW: "New knowledge and method development",
      FOLLOW_UP: "Follow-up of an earlier knowledge grant",
      COORDINATION:
        "Coordination – one organisation coordinates several partners' work and applies for all",
      EXPLORATORY:
        "Exploratory study – within at most one year, find out whether someone can coordinate the work",
    },
    legalForm: {
      NONPROFIT_ASSOCIATION: "Non-profit association",
      FOUNDATION: "Foundation",
      RELIGIOUS_COMMUNITY: "Religious community",
      ECONOMIC_ASSOCIATION: "Economic association",
      COMPANY: "Company",
      MUNICIPALITY: "Municipality",
      REGION: "Region",
      GOVERNMENT_AGENCY: "Government agency",
      OTHER: "Other",
    },
    sector: {
      CIVIL_SOCIETY: "Civil society (association, foundation, religious community)",
      MUNICIPALITY: "Municipality (e.g. school, social services)",
      REGION: "Region",
      DISTRICT_ADMINISTRATION: "District administration",
      GOVERNMENT_AGENCY: "Government agency (e.g. the police)",
      BUSINESS: "Business",
      ACADEMIA: "University or college",
      PROPERTY_OWNER: "Property owner or housing company",
      OTHER: "Other",
    },
    focusArea: {
      DEMOCRACY: "Democracy and influence",
      EDUCATION: "Education",
      WORK: "Work and livelihood",
      HOUSING: "Housing",
      HEALTH: "Health",
      SAFETY: "Safety",
      GENDER_EQUALITY: "Gender equality",
      LEISURE: "Active leisure",
      MEETING_PLACES: "Meeting places",
    },
    method: {
      WORKSHOP: "Workshop",
      CONSULTATION: "Consultation",
      WALK_AND_TALK: "Safety walk (walk and talk)",
      SEMINAR: "Seminar",
      SURVEY: "Survey",
      INTERVIEW: "Interviews",
      RESEARCH_REVIEW: "Research review",
      OTHER: "Other method",
    },
    needBasis: {
      COLLABORATION:
        "Through collaboration with other actors, for example the municipality, a school or the housing company",
      KNOWLEDGE:
        "Through knowledge of the situation in the area, for example statistics, surveys or research",
    },
    budgetCategory: {
      STAFF: "Staff",
      PREMISES: "Premises",
      ACTIVITIES: "Activities",
      SERVICES: "Purchased services",
      ADMINISTRATION: "Administration",
      OTHER: "Other",
    },
    letterStatus: { PENDING: "Awaiting reply", SIGNED: "Signed", DECLINED: "Declined" },
    fundingStatus: { APPLIED: "Applied for", GRANTED: "Granted" },
    declaration: {
      independent:
        "The organisation is independent and democratically built with open membership (a foundation: it was not set up by the state or a municipality).",
      nonProfit: "The organisation is non-profit and has no profit motive.",
      respectsDemocracy:
        "The organisation respects the ideas of democracy, including gender equality and the prohibition of discrimination.",
      noDebtsToEnforcementAuthority:
        "The organisation has no debts with the Swedish Enforcement Authority (Kronofogden).",
      notInLiquidation: "The organisation is not being wound up (liquidation) and is not bankrupt.",
    },
  },
} as const satisfies Record<Locale, EnumLabels>;

export type LabelKind = keyof EnumLabels;

/** The name of an enumeration value in a language: `label("en", "track", "KNOWLEDGE")`. */
export function label<K extends LabelKind>(
  locale: Locale,
  kind: K,
  value: keyof EnumLabels[K],
): string {
  return (LABELS[locale][kind] as EnumLabels[K])[value] as string;
}

// The Swedish names under the names the pages already use.
export const TRACK_LABELS = LABELS.sv.track;
export const VARIANT_LABELS = LABELS.sv.variant;

/** `{ value, label }` pairs for selects, radios and checkboxes, in the order of the labels. */
export const options = <K extends string>(labels: Record<K, string>) =>
  (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));
