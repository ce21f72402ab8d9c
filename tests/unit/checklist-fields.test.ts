import { describe, expect, it } from "vitest";
import {
  checkDraft,
  fieldId,
  partOf,
  uniqueProblems,
  type DraftContract,
} from "@/lib/domain/application-parts";
import type { Problem } from "@/lib/domain/rules";
import { TODAY, changed, validApplication } from "../fixtures/applications";

// The checklist links every problem to a field of a part's page; these tables say where each
// kind of path the rules produce lands, that nothing is asked before it can be answered, and
// that each problem is listed once.

const options = { today: TODAY };

describe("where a problem's link lands", () => {
  it.each([
    ["title", "grunduppgifter", "title"],
    ["period.end", "grunduppgifter", "period-end"],
    ["variant", "grunduppgifter", "variant"],
    ["areas", "omrade", "areas"],
    ["areas.2.municipalityCode", "omrade", "areas-2-municipalityCode"],
    ["needBasis", "omrade", "needBasis"],
    ["methods", "genomforande", "methods"],
    ["previousGrantReference", "genomforande", "previousGrantReference"],
    ["partners", "partner", "partners"],
    ["partners.0.orgNumber", "partner", "partners-0-orgNumber"],
    ["partners.3.activities", "partner", "partners-3-activities"],
    ["partners.1.letterOfIntent", "partner", "partners-1-letterOfIntent"],
    // A letter is one thing on the page: its parts point at the letter.
    ["partners.1.letterOfIntent.competences", "partner", "partners-1-letterOfIntent"],
    ["partners.12.letterOfIntent.to", "partner", "partners-12-letterOfIntent"],
    ["budget.0.year", "budget", "budget-0-year"],
    ["requestedSek", "budget", "requestedSek"],
    ["otherFunding.1.decisionDate", "budget", "otherFunding-1-decisionDate"],
    ["stateAid", "budget", "stateAid"],
    ["declarations.nonProfit", "intyganden", "declarations-nonProfit"],
    ["applicant.foundedOn", "intyganden", "applicant-foundedOn"],
    ["applicant.orgNumber", "intyganden", "applicant-orgNumber"],
    ["applicant.municipalityCode", "intyganden", "applicant-municipalityCode"],
  ])("%s → %s#%s", (path, part, id) => {
    expect(partOf(path)).toBe(part);
    expect(fieldId(path)).toBe(id);
  });

  it("gives an empty path the application itself", () => {
    expect(fieldId("")).toBe("application");
  });
});

describe("the checklist before a track is chosen", () => {
  const noTrack = (change: (d: DraftContract) => void = () => {}) =>
    changed({ ...validApplication("INTERVENTION"), track: null }, change);

  it.each([
    ["no need basis", (d: DraftContract) => (d.needBasis = null), "NEED_BASIS_REQUIRED"],
    [
      "a need basis without a description",
      (d: DraftContract) => (d.needBasis = { kind: "KNOWLEDGE", description: "" }),
      "NEED_BASIS_REQUIRED",
    ],
  ])("does not ask for the need basis (%s)", (_, change, code) => {
    const codes = checkDraft(noTrack(change), options).map((p) => p.code);
    expect(codes).not.toContain(code);
    expect(checkDraft(noTrack(change), options).map((p) => p.path)).toContain("track");
  });

  it("does not say that the round refuses a track nobody chose", () => {
    const round = { longestPeriodMonths: 36, acceptedTracks: ["KNOWLEDGE"] as const };
    const problems = checkDraft(noTrack(), { ...options, round });
    expect(problems.map((p) => p.code)).not.toContain("TRACK_NOT_IN_ROUND");
    expect(problems.find((p) => p.path === "track")?.message).toBe("Välj inriktning.");
  });

  it.each([
    ["INTERVENTION", "NEED_BASIS_REQUIRED"],
    ["KNOWLEDGE", "METHOD_REQUIRED"],
  ] as const)("asks for %s's own fields once the track is chosen", (track, code) => {
    const draft = changed(validApplication(track) as DraftContract, (d) => {
      d.needBasis = null;
      d.methods = [];
      d.title = "";
    });
    expect(checkDraft(draft, options).map((p) => p.code)).toContain(code);
  });
});

describe("what a missing field in a row says", () => {
  it.each([
    ["partners.0.name", (d: DraftContract) => (d.partners![0].name = ""), "Ange partnerns namn."],
    [
      "partners.1.role",
      (d: DraftContract) => (d.partners![1].role = " "),
      "Beskriv vilken roll partnern har i projektet.",
    ],
    [
      "otherFunding.0.decisionDate",
      (d: DraftContract) =>
        (d.otherFunding = [
          {
            funder: "Allmänna arvsfonden",
            purpose: "Lokalhyra",
            amountSek: 10_000,
            status: "APPLIED",
            decisionDate: null as unknown as string,
          },
        ]),
      "Ange datumet för finansiärens beslut, eller när beslutet väntas, till exempel 2027-03-01.",
    ],
  ])("%s", (path, change, message) => {
    const draft = changed(validApplication("COLLABORATION") as DraftContract, change);
    const found = checkDraft(draft, options).filter((p) => p.path === path);
    expect(found).toEqual([{ code: "INVALID_FIELD", path, message }]);
  });
});

describe("each problem once", () => {
  const p = (code: Problem["code"], path: string, message: string): Problem => ({
    code,
    path,
    message,
  });
  it.each([
    ["nothing", [], []],
    [
      "the same problem twice",
      [p("AREA_REQUIRED", "areas", "A"), p("AREA_REQUIRED", "areas", "A")],
      [p("AREA_REQUIRED", "areas", "A")],
    ],
    [
      "the same rule and field with a newer message (the later wins, in the first one's place)",
      [
        p("INVALID_FIELD", "period.start", "Ange när projektet startar."),
        p("AREA_REQUIRED", "areas", "A"),
        p("INVALID_FIELD", "period.start", "Ange datumet som ÅÅÅÅ-MM-DD."),
      ],
      [
        p("INVALID_FIELD", "period.start", "Ange datumet som ÅÅÅÅ-MM-DD."),
        p("AREA_REQUIRED", "areas", "A"),
      ],
    ],
    [
      "the same message about the same field from two rules",
      [p("PARTNER_REQUIRED", "partners", "B"), p("LOCAL_ANCHORING_REQUIRED", "partners", "B")],
      [p("PARTNER_REQUIRED", "partners", "B")],
    ],
    [
      "different problems about one field",
      [p("PARTNER_REQUIRED", "partners", "B"), p("LOCAL_ANCHORING_REQUIRED", "partners", "C")],
      [p("PARTNER_REQUIRED", "partners", "B"), p("LOCAL_ANCHORING_REQUIRED", "partners", "C")],
    ],
    [
      "one rule about two rows",
      [p("MUNICIPALITY_UNKNOWN", "areas.0.x", "D"), p("MUNICIPALITY_UNKNOWN", "areas.1.x", "D")],
      [p("MUNICIPALITY_UNKNOWN", "areas.0.x", "D"), p("MUNICIPALITY_UNKNOWN", "areas.1.x", "D")],
    ],
  ])("%s", (_, given, expected) => {
    expect(uniqueProblems(given)).toEqual(expected);
  });

  it("is what the live check of a draft gives", () => {
    const draft = changed(validApplication("KNOWLEDGE") as DraftContract, (d) => {
      d.title = "";
      d.partners = [];
    });
    const problems = checkDraft(draft, options);
    expect(uniqueProblems(problems)).toEqual(problems);
  });
});
