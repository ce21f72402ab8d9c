// Demo content: realistic Swedish associations, partners and areas (Skärholmen, Husby, Rosengård,
// Angered, Hjällbo, Gottsunda, Navestad). All organisation numbers are made up but pass the check digit.
import type { ApplicationContract } from "@/lib/validation/application";

export const DEMO_PASSWORD = "samverka-demo";
/**
 * The demo staff accounts' shared TOTP key (base32): add it to an authenticator app, or read the
 * current code on the demo sign-in page. Only the demo data uses it; real staff enrol their own.
 */
export const DEMO_TOTP_SECRET = "ONQW25TFOJVWCLLEMVWW6LLUN52HALJR";

export const DEMO_USERS = [
  {
    key: "applicant",
    email: "sokande@samverka.example",
    name: "Amina Hassan",
    roles: ["APPLICANT"],
  },
  {
    key: "reviewer",
    email: "handlaggare@samverka.example",
    name: "Erik Lindqvist",
    roles: ["REVIEWER"],
  },
  {
    key: "reviewer2",
    email: "handlaggare2@samverka.example",
    name: "Sara Nilsson",
    roles: ["REVIEWER"],
  },
  {
    key: "decider",
    email: "beslutsfattare@samverka.example",
    name: "Maria Johansson",
    roles: ["DECIDER"],
  },
  { key: "admin", email: "admin@samverka.example", name: "Johan Berg", roles: ["ADMIN"] },
  { key: "husby", email: "husby@samverka.example", name: "Yusuf Ali", roles: ["APPLICANT"] },
  {
    key: "rosengard",
    email: "rosengard@samverka.example",
    name: "Leyla Demir",
    roles: ["APPLICANT"],
  },
  {
    key: "angered",
    email: "angered@samverka.example",
    name: "Tomas Andersson",
    roles: ["APPLICANT"],
  },
] as const;
export type DemoUserKey = (typeof DEMO_USERS)[number]["key"];

export const DEMO_ORGANISATIONS = [
  {
    key: "skarholmen",
    name: "Föreningen Mötesplats Skärholmen",
    orgNumber: "802456-1238",
    legalForm: "NONPROFIT_ASSOCIATION",
    municipalityCode: "0180",
    foundedOn: "2015-03-01",
    city: "Skärholmen",
    street: "Skärholmsvägen 12",
    postal: "127 48",
    members: ["applicant"],
    payout: ["BANKGIRO", "5402-9681"],
  },
  {
    key: "husby",
    name: "Husby Ungdomsforum",
    orgNumber: "802512-7898",
    legalForm: "NONPROFIT_ASSOCIATION",
    municipalityCode: "0180",
    foundedOn: "2012-09-15",
    city: "Kista",
    street: "Husby centrum 4",
    postal: "164 40",
    members: ["husby"],
    payout: ["PLUSGIRO", "4774-6"],
  },
  {
    key: "rosengard",
    name: "Rosengårds Kulturförening",
    orgNumber: "802478-4566",
    legalForm: "NONPROFIT_ASSOCIATION",
    municipalityCode: "1280",
    foundedOn: "2009-05-20",
    city: "Malmö",
    street: "Amiralsgatan 70",
    postal: "215 81",
    members: ["rosengard"],
    payout: ["BANKGIRO", "5050-1055"],
  },
  {
    key: "angered",
    name: "Angereds Idrottsallians",
    orgNumber: "802434-5673",
    legalForm: "NONPROFIT_ASSOCIATION",
    municipalityCode: "1480",
    foundedOn: "2011-01-10",
    city: "Angered",
    street: "Angereds torg 9",
    postal: "424 65",
    members: ["angered"],
    payout: ["BANKGIRO", "5402-9681"],
  },
  {
    key: "framtid",
    name: "Stiftelsen Gemensam Framtid",
    orgNumber: "817600-3450",
    legalForm: "FOUNDATION",
    municipalityCode: "0181",
    foundedOn: "2010-06-01",
    city: "Södertälje",
    street: "Storgatan 3",
    postal: "151 73",
    members: ["applicant"],
    payout: ["BANKGIRO", "5050-1055"],
  },
  {
    key: "gottsunda",
    name: "Trossamfundet Ljuspunkten i Gottsunda",
    orgNumber: "252002-3454",
    legalForm: "RELIGIOUS_COMMUNITY",
    municipalityCode: "0380",
    foundedOn: "2001-02-11",
    city: "Uppsala",
    street: "Valthornsvägen 2",
    postal: "756 48",
    members: ["rosengard"],
    payout: ["PLUSGIRO", "4774-6"],
  },
  {
    key: "hjallbo",
    name: "Föreningen Läxhjälp Hjällbo",
    orgNumber: "802301-2456",
    legalForm: "NONPROFIT_ASSOCIATION",
    municipalityCode: "1480",
    foundedOn: "2014-08-30",
    city: "Angered",
    street: "Hjällbotorget 1",
    postal: "424 37",
    members: ["angered"],
    payout: ["BANKGIRO", "5402-9681"],
  },
  {
    key: "navestad",
    name: "Navestad Grannsamverkan",
    orgNumber: "802517-7729",
    legalForm: "NONPROFIT_ASSOCIATION",
    municipalityCode: "0581",
    foundedOn: "2016-04-04",
    city: "Norrköping",
    street: "Navestadsgatan 20",
    postal: "603 76",
    members: ["husby"],
    payout: ["BANKGIRO", "5050-1055"],
  },
] as const;
export type DemoOrgKey = (typeof DEMO_ORGANISATIONS)[number]["key"];

type BoardMember = { name: string; role: string; signatory: boolean };
const board = (...members: [string, string, boolean][]): BoardMember[] =>
  members.map(([name, role, signatory]) => ({ name, role, signatory }));

/** Each organisation's board and signatories (firmatecknare): names and roles, no identity numbers. */
export const DEMO_BOARDS: Record<DemoOrgKey, BoardMember[]> = {
  skarholmen: board(
    ["Amina Hassan", "ordförande", true],
    ["Johan Ekström", "kassör", true],
    ["Sofia Karlsson", "ledamot", false],
    ["Ahmed Nur", "suppleant", false],
  ),
  husby: board(["Yusuf Ali", "ordförande", true], ["Hanna Berg", "kassör", false]),
  rosengard: board(
    ["Leyla Demir", "ordförande", true],
    ["Mehmet Şahin", "kassör", true],
    ["Eva Lind", "ledamot", false],
  ),
  angered: board(["Tomas Andersson", "ordförande", true], ["Nadia Haddad", "sekreterare", false]),
  framtid: board(["Karin Sjöberg", "styrelseordförande", true], ["Lars Holm", "ledamot", true]),
  gottsunda: board(["Samuel Tesfaye", "ordförande", true], ["Ruth Mengistu", "kassör", false]),
  hjallbo: board(["Farah Osman", "ordförande", true], ["Peter Nyberg", "ledamot", false]),
  navestad: board(["Ali Rahimi", "ordförande", true], ["Ingrid Svensson", "kassör", true]),
};

/** The person officers contact about each organisation's applications. */
export const DEMO_CONTACTS: Record<
  DemoOrgKey,
  { contactName: string; contactEmail: string; contactPhone: string }
> = {
  skarholmen: contact("Fatima Warsame", "projekt@skarholmen.example", "070-123 45 61"),
  husby: contact("Yusuf Ali", "husby@samverka.example", "070-123 45 62"),
  rosengard: contact("Leyla Demir", "rosengard@samverka.example", "040-12 34 56"),
  angered: contact("Tomas Andersson", "angered@samverka.example", "031-12 34 56"),
  framtid: contact("Karin Sjöberg", "kansli@framtid.example", "08-123 456 70"),
  gottsunda: contact("Samuel Tesfaye", "samordning@gottsunda.example", "018-12 34 56"),
  hjallbo: contact("Farah Osman", "farah@hjallbo.example", "070-123 45 63"),
  navestad: contact("Ali Rahimi", "ali@navestad.example", "011-12 34 56"),
};
function contact(contactName: string, contactEmail: string, contactPhone: string) {
  return { contactName, contactEmail, contactPhone };
}

const declarations = {
  independent: true,
  nonProfit: true,
  respectsDemocracy: true,
  noDebtsToEnforcementAuthority: true,
  notInLiquidation: true,
};

type Partner = ApplicationContract["partners"][number];
const signed = (
  from: string,
  to: string,
  signedBy: string,
  signedAt: string,
  competences: string,
  resources: string,
): Partner["letterOfIntent"] => ({
  status: "SIGNED",
  competences,
  resources,
  from,
  to,
  signedBy,
  signedAt,
});

function budget(
  years: number[],
  perYear: [ApplicationContract["budget"][number]["category"], number, string][],
) {
  return years.flatMap((year) =>
    perYear.map(([category, amountSek, description]) => ({
      year,
      category,
      amountSek,
      description,
    })),
  );
}

function contract(
  org: (typeof DEMO_ORGANISATIONS)[number],
  c: Omit<ApplicationContract, "applicant" | "declarations" | "requestedSek"> & {
    declarations?: ApplicationContract["declarations"];
  },
): ApplicationContract {
  const total = c.budget.reduce((sum, line) => sum + line.amountSek, 0);
  return {
    ...c,
    declarations: c.declarations ?? declarations,
    applicant: {
      name: org.name,
      orgNumber: org.orgNumber,
      legalForm: org.legalForm,
      municipalityCode: org.municipalityCode,
      foundedOn: org.foundedOn,
    },
    requestedSek: total - c.cofinancingSek,
  };
}

const org = (key: DemoOrgKey) => DEMO_ORGANISATIONS.find((o) => o.key === key)!;

/** Applications of the demo world. `year` is the year of the project's start. */
export function demoApplications(y: number) {
  const s = (offset: number, md: string) => `${y + offset}-${md}`;
  return {
    skarholmen: contract(org("skarholmen"), {
      track: "COLLABORATION",
      variant: "COORDINATION",
      previousGrantReference: null,
      otherFunding: [
        {
          funder: "Stockholms stad",
          purpose: "Lokalhyra för mötesplatsen",
          amountSek: 50000,
          status: "GRANTED",
          decisionDate: s(-1, "09-15"),
        },
      ],
      stateAid: false,
      title: "Mötesplats Skärholmen",
      summary:
        "Föreningen samordnar stadsdelsförvaltningen, bostadsbolaget och skolan kring en gemensam mötesplats där boende i Skärholmen möts, får stöd i kontakter med myndigheter och påverkar sitt område.",
      areas: [
        { municipalityCode: "0180", name: "Skärholmen" },
        { municipalityCode: "0180", name: "Bredäng" },
      ],
      focusAreas: ["DEMOCRACY", "MEETING_PLACES", "SAFETY"],
      needsDescription:
        "I Skärholmen är valdeltagandet lågt, många boende saknar arbete och unga uppger att de känner sig otrygga på kvällarna. Stadsdelens trygghetsmätning och samtal med 120 boende visar att det saknas platser där generationer och grupper möts.",
      needBasis: null,
      strategicFramework:
        "Arbetet bygger på Stockholms stads strategi mot segregation och stadsdelens lokala utvecklingsprogram. En styrgrupp med alla parter möts varje kvartal och följer en gemensam handlingsplan.",
      methods: ["WORKSHOP", "CONSULTATION", "WALK_AND_TALK"],
      genderEqualityPerspective:
        "Mötesplatsen har egna tider för kvinnor och flickor, barnpassning vid möten och redovisar alla deltagare per kön för att se vilka vi når.",
      longTermPlan:
        "Efter projekttiden tar stadsdelsförvaltningen över lokalkostnaden genom ett idéburet offentligt partnerskap (IOP) och föreningen driver verksamheten med ideella krafter.",
      period: { start: s(0, "01-01"), end: s(2, "12-31") },
      budget: budget(
        [y, y + 1, y + 2],
        [
          ["STAFF", 280000, "Processledare 50 %"],
          ["ACTIVITIES", 60000, "Träffar, workshoppar och trygghetsvandringar"],
          ["PREMISES", 30000, "Lokal för mötesplatsen"],
        ],
      ),
      cofinancingSek: 60000,
      partners: [
        {
          name: "Skärholmens stadsdelsförvaltning",
          orgNumber: "212000-0142",
          sector: "DISTRICT_ADMINISTRATION",
          localAnchoring: true,
          role: "Ansvarar för lokalen och för kopplingen till stadsdelens trygghetsarbete.",
          activities:
            "Deltar i styrgruppen, bidrar med lokal och med fältassistenter på kvällstid.",
          letterOfIntent: signed(
            s(0, "01-01"),
            s(2, "12-31"),
            "Anna Andersson, avdelningschef",
            s(-1, "10-01"),
            "Kunskap om stadsdelens trygghetsarbete och kontakter med förvaltningar.",
            "Lokal två kvällar i veckan och två fältassistenter.",
          ),
        },
        {
          name: "Bostadsbolaget Svenska Bostäder",
          orgNumber: "556677-8899",
          sector: "PROPERTY_OWNER",
          localAnchoring: true,
          role: "Fastighetsägare i området; når hyresgästerna.",
          activities:
            "Sprider inbjudningar, deltar i trygghetsvandringar och åtgärdar brister som boende pekar ut.",
          letterOfIntent: signed(
            s(0, "01-01"),
            s(2, "12-31"),
            "Karin Ek, områdeschef",
            s(-1, "10-03"),
            "Kännedom om boendemiljön och hyresgästernas synpunkter.",
            "Personal vid vandringar och en fast kontaktperson.",
          ),
        },
        {
          name: "Skärholmens gymnasium",
          orgNumber: null,
          sector: "MUNICIPALITY",
          localAnchoring: false,
          role: "Når unga och deras föräldrar.",
          activities:
            "Ordnar föräldramöten på mötesplatsen och bjuder in elevråd till workshoppar.",
          letterOfIntent: signed(
            s(0, "01-01"),
            s(2, "12-31"),
            "Lars Holm, rektor",
            s(-1, "10-05"),
            "Pedagogisk kompetens och kontakt med familjer.",
            "Lärare vid fyra föräldramöten per år.",
          ),
        },
      ],
    }),
    rosengard: contract(org("rosengard"), {
      track: "INTERVENTION",
      variant: null,
      previousGrantReference: null,
      otherFunding: [
        {
          funder: "Malmö stad",
          purpose: "Instrument",
          amountSek: 40000,
          status: "APPLIED",
          decisionDate: s(0, "02-15"),
        },
      ],
      stateAid: false,
      title: "Kulturskola för alla i Rosengård",
      summary:
        "Avgiftsfri kulturskola på eftermiddagar för barn i Rosengård, tillsammans med skolan och Malmö stads kulturförvaltning.",
      areas: [{ municipalityCode: "1280", name: "Rosengård" }],
      focusAreas: ["EDUCATION", "LEISURE"],
      needsDescription:
        "Få barn i Rosengård deltar i organiserad fritid. Kulturskolans avgifter och avstånd till centrum stänger ute många. Skolan ser att barn som saknar meningsfull fritid får sämre skolresultat.",
      needBasis: {
        kind: "COLLABORATION",
        description:
          "Behovet togs fram i samverkan med Rosengårdsskolan, fritidsgården och föräldraföreningen under hösten, genom enkät till 300 familjer.",
      },
      strategicFramework: null,
      methods: ["SURVEY"],
      genderEqualityPerspective:
        "Vi följer deltagandet per kön och erbjuder egna grupper för flickor i de instrument där de är underrepresenterade.",
      longTermPlan:
        "Kulturförvaltningen har åtagit sig att pröva att föra in verksamheten i den ordinarie kulturskolan efter två år.",
      period: { start: s(0, "01-01"), end: s(1, "12-31") },
      budget: budget(
        [y, y + 1],
        [
          ["STAFF", 220000, "Två kulturpedagoger 25 %"],
          ["ACTIVITIES", 80000, "Material och konserter"],
        ],
      ),
      cofinancingSek: 0,
      partners: [
        {
          name: "Rosengårdsskolan",
          orgNumber: null,
          sector: "MUNICIPALITY",
          localAnchoring: true,
          role: "Når barnen och familjerna; lånar ut lokaler.",
          activities: "Lokaler efter skoltid och information till föräldrar.",
          letterOfIntent: signed(
            s(0, "01-01"),
            s(1, "12-31"),
            "Fatima Rahimi, rektor",
            s(-1, "09-20"),
            "Pedagogik och kännedom om elevernas behov.",
            "Musiksal och aula tre eftermiddagar i veckan.",
          ),
        },
        {
          name: "Malmö stad, kulturförvaltningen",
          orgNumber: "212000-1421",
          sector: "MUNICIPALITY",
          localAnchoring: false,
          role: "Huvudman för kulturskolan.",
          activities: "Handledning av pedagogerna och instrumentlån.",
          letterOfIntent: signed(
            s(0, "01-01"),
            s(1, "12-31"),
            "Per Malm, enhetschef",
            s(-1, "09-25"),
            "Kulturskolans metoder.",
            "Instrumentlån och handledning.",
          ),
        },
      ],
    }),
    angered: contract(org("angered"), {
      track: "KNOWLEDGE",
      variant: "NEW",
      previousGrantReference: null,
      otherFunding: [],
      stateAid: false,
      // Long on purpose: the dashboard and the public list must still fit a 1 024-pixel window.
      title:
        "Idrott som väg in – kartläggning av föreningslivets möjligheter att nå flickor och unga kvinnor i Angered, Hammarkullen och Gårdsten under tre säsonger (Föreningsutvecklingsprogrammet)",
      summary:
        "En kartläggning av vilka unga i Angered som inte når föreningsidrotten och varför, tillsammans med Göteborgs stad och forskare.",
      areas: [
        { municipalityCode: "1480", name: "Angered" },
        { municipalityCode: "1480", name: "Hammarkullen" },
      ],
      focusAreas: ["LEISURE", "HEALTH"],
      needsDescription:
        "Andelen unga som idrottar i föreningar är hälften så stor i Angered som i Göteborg i stort. Vi vet för lite om vilka som saknas och vad som hindrar dem.",
      needBasis: null,
      strategicFramework: null,
      methods: ["SURVEY", "INTERVIEW", "RESEARCH_REVIEW"],
      genderEqualityPerspective:
        "Kartläggningen redovisar allt per kön och intervjuar lika många flickor som pojkar.",
      longTermPlan:
        "Resultatet blir en gemensam plan för föreningarna och stadsområdet som följs upp årligen.",
      period: { start: s(0, "01-01"), end: s(0, "12-31") },
      budget: budget(
        [y],
        [
          ["STAFF", 300000, "Utredare 60 %"],
          ["SERVICES", 150000, "Forskarstöd från högskolan"],
        ],
      ),
      cofinancingSek: 0,
      partners: [
        {
          name: "Göteborgs stad, stadsområde Nordost",
          orgNumber: null,
          sector: "MUNICIPALITY",
          localAnchoring: true,
          role: "Beställare av kunskapen och ägare av planen.",
          activities: "Deltar i referensgruppen och tar fram statistik.",
          letterOfIntent: signed(
            s(0, "01-01"),
            s(0, "12-31"),
            "Johanna Berg, områdeschef",
            s(-1, "09-30"),
            "Statistik och uppdrag.",
            "En analytiker 10 %.",
          ),
        },
      ],
    }),
    husbyRejected: contract(org("husby"), {
      track: "INTERVENTION",
      variant: null,
      previousGrantReference: null,
      otherFunding: [],
      stateAid: false,
      title: "Unga röster i Husby",
      summary: "Ungdomsråd som ger unga i Husby en väg in i lokala beslut.",
      areas: [{ municipalityCode: "0180", name: "Husby" }],
      focusAreas: ["DEMOCRACY"],
      needsDescription: "Unga i Husby upplever att ingen lyssnar på dem.",
      needBasis: { kind: "KNOWLEDGE", description: "Enkät bland 80 unga på fritidsgården." },
      strategicFramework: null,
      methods: [],
      genderEqualityPerspective: "Lika många platser för tjejer och killar i rådet.",
      longTermPlan: "Rådet ska leva vidare med stöd av stadsdelen.",
      period: { start: s(0, "01-01"), end: s(0, "12-31") },
      budget: budget(
        [y],
        [
          ["STAFF", 180000, "Samordnare"],
          ["ACTIVITIES", 20000, "Möten"],
        ],
      ),
      cofinancingSek: 0,
      partners: [
        {
          name: "Husby fritidsgård",
          orgNumber: null,
          sector: "DISTRICT_ADMINISTRATION",
          localAnchoring: true,
          role: "Mötesplats för rådet.",
          activities: "Lokal och fritidsledare.",
          letterOfIntent: signed(
            s(0, "01-01"),
            s(0, "12-31"),
            "Ali Kaya, föreståndare",
            s(-1, "10-02"),
            "Ungdomsarbete.",
            "Lokal en kväll i veckan.",
          ),
        },
      ],
    }),
    framtidRejected: contract(org("framtid"), {
      track: "KNOWLEDGE",
      variant: "FOLLOW_UP",
      previousGrantReference: `${y - 2}/0042`,
      otherFunding: [],
      stateAid: false,
      title: "Uppföljning av Södertäljemodellen",
      summary:
        "Uppföljning av ett tidigare kunskapsbidrag om föräldrasamverkan i Hovsjö och Ronna.",
      areas: [
        { municipalityCode: "0181", name: "Hovsjö" },
        { municipalityCode: "0181", name: "Ronna" },
      ],
      focusAreas: ["EDUCATION"],
      needsDescription:
        "Den första studien visade att föräldrasamverkan höjde närvaron. Vi behöver veta om effekten håller i sig.",
      needBasis: null,
      strategicFramework: null,
      methods: ["INTERVIEW", "RESEARCH_REVIEW"],
      genderEqualityPerspective: "Intervjuer med både mammor och pappor.",
      longTermPlan: "Resultaten förs in i kommunens skolplan.",
      period: { start: s(0, "01-01"), end: s(1, "06-30") },
      budget: budget([y, y + 1], [["STAFF", 200000, "Utredare"]]),
      cofinancingSek: 0,
      partners: [
        {
          name: "Södertälje kommun, utbildningskontoret",
          orgNumber: "212000-0142",
          sector: "MUNICIPALITY",
          localAnchoring: true,
          role: "Mottagare av kunskapen.",
          activities: "Referensgrupp och data om närvaro.",
          letterOfIntent: signed(
            s(0, "01-01"),
            s(1, "06-30"),
            "Eva Lund, utvecklingschef",
            s(-1, "10-04"),
            "Skoldata.",
            "En analytiker 5 %.",
          ),
        },
      ],
    }),
    hjallbo: contract(org("hjallbo"), {
      track: "INTERVENTION",
      variant: null,
      previousGrantReference: null,
      otherFunding: [],
      stateAid: false,
      title: "Läxhjälp och föräldracafé i Hjällbo",
      summary:
        "Läxhjälp fyra eftermiddagar i veckan och ett föräldracafé där föräldrar möter skolan och socialtjänsten på sitt eget språk.",
      areas: [{ municipalityCode: "1480", name: "Hjällbo" }],
      focusAreas: ["EDUCATION", "MEETING_PLACES"],
      needsDescription:
        "Var tredje elev i Hjällbo lämnar grundskolan utan behörighet till gymnasiet. Föräldrar vill stötta men har svårt att förstå skolans system.",
      needBasis: {
        kind: "KNOWLEDGE",
        description: "Göteborgs stads skolstatistik och föreningens egna samtal med 60 föräldrar.",
      },
      strategicFramework: null,
      methods: [],
      genderEqualityPerspective:
        "Föräldracaféet har både mammor och pappor som målgrupp och följer upp vilka som kommer.",
      longTermPlan: "Skolan har lovat att fortsätta föräldracaféet i egen regi.",
      period: { start: s(0, "01-01"), end: s(1, "12-31") },
      budget: budget(
        [y, y + 1],
        [
          ["STAFF", 150000, "Samordnare 30 %"],
          ["ACTIVITIES", 40000, "Fika och material"],
        ],
      ),
      cofinancingSek: 20000,
      partners: [
        {
          name: "Hjällboskolan",
          orgNumber: null,
          sector: "MUNICIPALITY",
          localAnchoring: true,
          role: "Lokal och kontakt med familjer.",
          activities: "Lärare deltar i föräldracaféet varannan vecka.",
          letterOfIntent: signed(
            s(0, "01-01"),
            s(1, "12-31"),
            "Nadia Osman, rektor",
            s(-1, "10-10"),
            "Skolans kunskap om eleverna.",
            "Lokal och lärartid.",
          ),
        },
      ],
    }),
    gottsunda: contract(org("gottsunda"), {
      track: "COLLABORATION",
      variant: "EXPLORATORY",
      previousGrantReference: null,
      otherFunding: [],
      stateAid: false,
      title:
        "Samordning i Gottsunda – en förstudie om hur bostadsbolaget, skolan, fritidsgården och civilsamhällets organisationer kan samordna sitt arbete för trygghet och delaktighet",
      summary:
        "Under ett år undersöker vi om trossamfundet kan ta en samordnande roll för civilsamhället i Gottsunda där ingen naturlig samordnare finns.",
      areas: [{ municipalityCode: "0380", name: "Gottsunda" }],
      focusAreas: ["DEMOCRACY", "SAFETY"],
      needsDescription:
        "Ett tjugotal föreningar verkar i Gottsunda men arbetar var för sig, och kommunen saknar en samlad motpart.",
      needBasis: null,
      strategicFramework: null,
      methods: ["CONSULTATION"],
      genderEqualityPerspective: "Kvinnoföreningarna i området ingår i förstudiens referensgrupp.",
      longTermPlan:
        "Förstudien ska leda till en ansökan om samordning eller till att en annan aktör tar rollen.",
      period: { start: s(0, "01-01"), end: s(0, "12-31") },
      budget: budget(
        [y],
        [
          ["STAFF", 250000, "Projektledare 50 %"],
          ["ACTIVITIES", 50000, "Dialogmöten"],
        ],
      ),
      cofinancingSek: 0,
      partners: [
        {
          name: "Uppsala kommun",
          orgNumber: "212000-0142",
          sector: "MUNICIPALITY",
          localAnchoring: true,
          role: "Motpart för samordningen.",
          activities: "Deltar i dialogmöten.",
          letterOfIntent: signed(
            s(0, "01-01"),
            s(0, "12-31"),
            "Henrik Sjöberg, strateg",
            s(-1, "10-12"),
            "Områdesutveckling.",
            "En strateg 10 %.",
          ),
        },
      ],
    }),
    navestad: contract(org("navestad"), {
      track: "INTERVENTION",
      variant: null,
      previousGrantReference: null,
      otherFunding: [],
      stateAid: false,
      title: "Trygga trappuppgångar i Navestad",
      summary:
        "Grannsamverkan och trapphusmöten som ökar tryggheten och kontakten mellan grannar i Navestad.",
      areas: [{ municipalityCode: "0581", name: "Navestad" }],
      focusAreas: ["SAFETY", "HOUSING"],
      needsDescription:
        "Boende i Navestad uppger i kommunens trygghetsmätning att de inte känner sina grannar och undviker att gå ut på kvällen.",
      needBasis: {
        kind: "COLLABORATION",
        description: "Behovet identifierades med Hyresbostäder och kommunens trygghetssamordnare.",
      },
      strategicFramework: null,
      methods: [],
      genderEqualityPerspective:
        "Trapphusmöten hålls på tider som passar föräldrar, och vi följer upp deltagandet per kön.",
      longTermPlan:
        "Hyresbostäder tar över trapphusmötena som en del av sitt ordinarie hyresgästarbete.",
      period: { start: s(0, "01-01"), end: s(1, "12-31") },
      budget: budget(
        [y, y + 1],
        [
          ["STAFF", 120000, "Samordnare 25 %"],
          ["ACTIVITIES", 30000, "Trapphusmöten"],
        ],
      ),
      cofinancingSek: 0,
      partners: [
        {
          name: "Hyresbostäder i Norrköping",
          orgNumber: "556677-8899",
          sector: "PROPERTY_OWNER",
          localAnchoring: true,
          role: "Fastighetsägare.",
          activities: "Bjuder in till trapphusmöten.",
          letterOfIntent: signed(
            s(0, "01-01"),
            s(1, "12-31"),
            "Mikael Gran, områdeschef",
            s(-1, "10-08"),
            "Kunskap om boendet.",
            "Lokal och personal.",
          ),
        },
      ],
    }),
    husbyTogether: contract(org("husby"), {
      track: "COLLABORATION",
      variant: "COORDINATION",
      previousGrantReference: null,
      otherFunding: [],
      stateAid: false,
      title: "Husby tillsammans",
      summary:
        "Husby Ungdomsforum samordnar föreningar, skola och bostadsbolag kring en gemensam sommar- och kvällsverksamhet för unga.",
      areas: [
        { municipalityCode: "0180", name: "Husby" },
        { municipalityCode: "0180", name: "Akalla" },
      ],
      focusAreas: ["LEISURE", "SAFETY", "WORK"],
      needsDescription:
        "Unga i Husby och Akalla saknar sommarjobb och kvällsaktiviteter. Polisen och fritidsgården ser att otryggheten ökar under sommaren.",
      needBasis: null,
      strategicFramework:
        "Arbetet utgår från Rinkeby-Kista stadsdelsförvaltnings plan för trygghet och den lokala överenskommelsen med civilsamhället.",
      methods: ["WORKSHOP", "SURVEY"],
      genderEqualityPerspective:
        "Hälften av sommarjobben går till tjejer, och vi har egna kvällar för unga kvinnor.",
      longTermPlan: "Parterna tecknar ett IOP om den fortsatta samordningen när projektet slutar.",
      period: { start: s(1, "01-01"), end: s(3, "12-31") },
      budget: budget(
        [y + 1, y + 2, y + 3],
        [
          ["STAFF", 250000, "Samordnare 50 %"],
          ["ACTIVITIES", 100000, "Sommarverksamhet"],
        ],
      ),
      cofinancingSek: 50000,
      partners: [
        {
          name: "Rinkeby-Kista stadsdelsförvaltning",
          orgNumber: "212000-0142",
          sector: "DISTRICT_ADMINISTRATION",
          localAnchoring: true,
          role: "Huvudman för fritidsgården och sommarjobben.",
          activities: "Fältassistenter och feriejobb.",
          letterOfIntent: signed(
            s(1, "01-01"),
            s(3, "12-31"),
            "Sofia Lindgren, avdelningschef",
            s(0, "10-20"),
            "Fältarbete och feriejobb.",
            "Två fältassistenter.",
          ),
        },
        {
          name: "Stockholmshem",
          orgNumber: "556677-8899",
          sector: "PROPERTY_OWNER",
          localAnchoring: true,
          role: "Bostadsbolag i Husby.",
          activities: "Sommarjobb i utemiljön.",
          letterOfIntent: signed(
            s(1, "01-01"),
            s(3, "12-31"),
            "Oskar Nyberg, områdeschef",
            s(0, "10-22"),
            "Utemiljö och hyresgästkontakter.",
            "Tio sommarjobb per år.",
          ),
        },
      ],
    }),
  };
}

/** A half-filled draft of the demo applicant: what a real association leaves for the evening. */
export const demoDraft = (y: number) => ({
  track: "INTERVENTION" as const,
  title: "Trygga kvällar i Skärholmen",
  summary: "Kvällsöppen mötesplats för unga och deras föräldrar.",
  needsDescription: "",
  focusAreas: ["SAFETY" as const, "LEISURE" as const],
  periodStart: `${y + 1}-01-01`,
  periodEnd: `${y + 1}-12-31`,
});

/**
 * Published learning examples (erfarenhetsexempel, docs/domain.md §8) of the approved demo grants,
 * in the five parts of Delmos's dialogue guide, so that /erfarenheter has something to show. No
 * personal data: the grantees write about places and groups, never about individuals.
 */
export const DEMO_LEARNING_EXAMPLES = {
  skarholmen: {
    place:
      "Skärholmen i södra Stockholm: ett område med många unga familjer, trångboddhet och få mötesplatser som är öppna på kvällar och helger. Många föreningar verkar i området, men de har sällan arbetat tillsammans.",
    purpose:
      "Vi ville samla föreningar, stadsdelsförvaltningen, bostadsbolaget och skolan kring en gemensam mötesplats, så att boende får inflytande över det som planeras i området och så att föreningarna slutar konkurrera om samma lokaler och bidrag.",
    process:
      "Vi började med trygghetsvandringar och samtalsgrupper med boende på fyra språk. Därefter bildade vi ett samverkansråd där föreningarna turas om att leda mötena. Bostadsbolaget upplät en lokal i centrum, och stadsdelsförvaltningen bidrog med en processledare på halvtid. Varje termin höll vi ett öppet stormöte där boende röstade om vilka aktiviteter mötesplatsen skulle prioritera.",
    results:
      "Mötesplatsen har haft öppet fyra kvällar i veckan i ett år, med i genomsnitt 60 besökare per kväll. Tolv föreningar deltar i samverkansrådet, och tre av dem har börjat söka bidrag tillsammans. Boendes förslag om belysning och en lekplats har tagits in i stadsdelens plan för nästa år.",
    lessons:
      "Samverkan tar tid, och det måste få ta tid: det första halvåret gick mest åt till att bygga förtroende mellan föreningarna. Det som fungerade bäst var att ge boende verklig makt över en del av budgeten. Vi skulle ha involverat bostadsbolaget tidigare och skrivit en överenskommelse om lokalen från början. Vårt råd till andra är att börja smått, med en enda gemensam aktivitet, och låta samarbetet växa därifrån.",
  },
  rosengard: {
    place:
      "Rosengård i Malmö, där få barn deltar i organiserad fritid och där avstånd och avgifter stänger ute många från kulturskolan i centrum.",
    purpose:
      "Att ge barn i Rosengård en avgiftsfri kulturskola nära hemmet, tillsammans med skolan och kulturförvaltningen, och att pröva om verksamheten kan bli en del av den ordinarie kulturskolan.",
    process:
      "Kulturskolan hölls tre eftermiddagar i veckan i skolans musiksal och aula direkt efter skoldagen. Två kulturpedagoger ledde grupper i sång, slagverk, dans och teater. Föräldrar bjöds in till konserter varje termin, och information gick ut på de språk som talas i området. Vi startade egna grupper för flickor i instrument där de var få.",
    results:
      "Omkring 60 barn deltog varje vecka, ungefär hälften flickor. Skolan ser att barnen kommer oftare till skolan de dagar de har kulturskola. Kulturförvaltningen har beslutat att behålla två av grupperna inom den ordinarie kulturskolan.",
    lessons:
      "Att vara i skolans lokaler direkt efter skoldagen var avgörande: barnen behövde inte ta sig någonstans. Konserterna var det som fick föräldrarna att lita på verksamheten. Vi underskattade hur mycket tid det tar att låna ut och laga instrument, och skulle budgetera mer för det nästa gång.",
  },
  angered: {
    place:
      "Angered, Hammarkullen och Gårdsten i nordöstra Göteborg, där flickor och unga kvinnor deltar mycket mindre i föreningsidrotten än pojkar.",
    purpose:
      "Att ta reda på vilka unga som inte når föreningsidrotten och varför, så att föreningarna och staden kan ändra sitt sätt att arbeta utifrån kunskap i stället för antaganden.",
    process:
      "Tillsammans med Göteborgs stad och forskare vid ett universitet genomförde vi en enkät i tre skolor och samtalsgrupper med unga och med föräldrar. Idrottsföreningarna fick återkoppling efter varje säsong och prövade själva små förändringar, till exempel träningstider direkt efter skolan och grupper bara för tjejer.",
    results:
      "Kartläggningen visar att kostnader, avstånd och brist på ledare som de unga känner igen sig i är de största hindren. Fem föreningar har ändrat sina träningstider, och antalet flickor i deras ungdomsverksamhet har ökat med en tredjedel. Rapporten används nu i stadens idrottsplan.",
    lessons:
      "Unga svarar ärligt när de frågas av andra unga: våra unga samtalsledare fick helt andra svar än vuxna intervjuare. Föreningarna behöver se resultat snabbt för att orka förändra, så återkoppling efter varje säsong var bättre än en stor rapport i slutet. Vi skulle ha tagit med föräldrarna redan från början.",
  },
} as const satisfies Partial<
  Record<DemoOrgKey, Record<"place" | "purpose" | "process" | "results" | "lessons", string>>
>;
