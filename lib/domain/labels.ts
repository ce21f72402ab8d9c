// Swedish names of the enumerations of SPEC §3 and §5, for forms, pages and letters.
export const TRACK_LABELS = {
  KNOWLEDGE: "Kunskaps- och metodutveckling",
  COLLABORATION: "Gemensamt agerande och strategisk samverkan",
  INTERVENTION: "Direkta insatser med utgångspunkt i lokala eller regionala behov",
} as const;

export const VARIANT_LABELS = {
  NEW: "Ny kunskaps- och metodutveckling",
  FOLLOW_UP: "Uppföljning av ett tidigare kunskapsbidrag",
  COORDINATION: "Samordning – en samordnande organisation söker för alla parters arbete",
  EXPLORATORY: "Förstudie – ett år för att undersöka om en samordnande roll kan tas",
} as const;

export const LEGAL_FORM_LABELS = {
  NONPROFIT_ASSOCIATION: "Ideell förening",
  FOUNDATION: "Stiftelse",
  RELIGIOUS_COMMUNITY: "Trossamfund",
  ECONOMIC_ASSOCIATION: "Ekonomisk förening",
  COMPANY: "Företag",
  MUNICIPALITY: "Kommun",
  REGION: "Region",
  GOVERNMENT_AGENCY: "Statlig myndighet",
  OTHER: "Annan",
} as const;

export const SECTOR_LABELS = {
  CIVIL_SOCIETY: "Civilsamhället (förening, stiftelse, trossamfund)",
  MUNICIPALITY: "Kommun (t.ex. skola, socialtjänst)",
  REGION: "Region",
  DISTRICT_ADMINISTRATION: "Stadsdelsförvaltning",
  GOVERNMENT_AGENCY: "Statlig myndighet (t.ex. polisen)",
  BUSINESS: "Näringsliv",
  ACADEMIA: "Universitet eller högskola",
  PROPERTY_OWNER: "Fastighetsägare eller bostadsbolag",
  OTHER: "Annan",
} as const;

export const FOCUS_AREA_LABELS = {
  DEMOCRACY: "Demokrati och inflytande",
  EDUCATION: "Utbildning",
  WORK: "Arbete och försörjning",
  HOUSING: "Boende",
  HEALTH: "Hälsa",
  SAFETY: "Trygghet",
  GENDER_EQUALITY: "Jämställdhet",
  LEISURE: "Aktiv fritid",
  MEETING_PLACES: "Mötesplatser",
} as const;

export const METHOD_LABELS = {
  WORKSHOP: "Workshop",
  CONSULTATION: "Samråd",
  WALK_AND_TALK: "Trygghetsvandring (walk and talk)",
  SEMINAR: "Seminarium",
  SURVEY: "Enkät",
  INTERVIEW: "Intervjuer",
  RESEARCH_REVIEW: "Forskningsöversikt",
  OTHER: "Annan metod",
} as const;

export const NEED_BASIS_LABELS = {
  COLLABORATION: "Genom samverkan med andra aktörer",
  KNOWLEDGE: "Genom kunskap om segregationens läge i området",
} as const;

export const BUDGET_CATEGORY_LABELS = {
  STAFF: "Personal",
  PREMISES: "Lokaler",
  ACTIVITIES: "Aktiviteter",
  SERVICES: "Köpta tjänster",
  ADMINISTRATION: "Administration",
  OTHER: "Övrigt",
} as const;

export const LETTER_STATUS_LABELS = { PENDING: "Väntar på svar", SIGNED: "Underskriven", DECLINED: "Avböjd" } as const;
export const FUNDING_STATUS_LABELS = { APPLIED: "Sökt", GRANTED: "Beviljat" } as const;

export const DECLARATION_LABELS = {
  independent: "Organisationen är självständig och demokratiskt uppbyggd med öppet medlemskap (en stiftelse: den är inte bildad av staten eller en kommun).",
  nonProfit: "Organisationen är ideell och har inget vinstsyfte.",
  respectsDemocracy: "Organisationen respekterar demokratins idéer, inklusive jämställdhet och förbud mot diskriminering.",
  noDebtsToEnforcementAuthority: "Organisationen har inga skulder hos Kronofogden.",
  notInLiquidation: "Organisationen är inte i likvidation och inte försatt i konkurs.",
} as const;

export const options = <K extends string>(labels: Record<K, string>) => (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));
