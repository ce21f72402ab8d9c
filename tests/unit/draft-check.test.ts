import { describe, expect, it } from "vitest";
import {
  checkDraft,
  fieldId,
  partOf,
  partStatuses,
  type DraftContract,
} from "@/lib/domain/application-parts";
import { mergeDraft, patchFromPart } from "@/lib/domain/draft-patch";
import { TODAY, validApplication } from "../fixtures/applications";

const options = { today: TODAY };

describe("the live checklist of a draft", () => {
  it("lists what an empty draft is missing in plain Swedish, without date rules", () => {
    const problems = checkDraft(
      {
        title: "",
        applicant: {
          name: "Föreningen",
          orgNumber: "802456-1238",
          legalForm: "NONPROFIT_ASSOCIATION",
          municipalityCode: "0180",
        },
      } as DraftContract,
      options,
    );
    const byPath = Object.fromEntries(problems.map((p) => [p.path, p.message]));
    expect(byPath.title).toBe("Ge projektet en titel.");
    expect(byPath["period.start"]).toBe("Ange när projektet startar.");
    expect(byPath["applicant.foundedOn"]).toBe("Ange när organisationen bildades.");
    expect(problems.map((p) => p.code)).toEqual(
      expect.arrayContaining(["PARTNER_REQUIRED", "AREA_REQUIRED", "DECLARATION_MISSING"]),
    );
    expect(problems.some((p) => p.code.startsWith("PERIOD_"))).toBe(false);
  });

  it("is exactly the rules for a complete draft", () => {
    expect(checkDraft(validApplication("INTERVENTION") as DraftContract, options)).toEqual([]);
  });

  it("sees unsaved edits of a part laid over the saved draft", () => {
    const draft = validApplication("COLLABORATION", "EXPLORATORY") as DraftContract;
    const patch = patchFromPart("grunduppgifter", {
      track: "COLLABORATION",
      variant: "EXPLORATORY",
      title: "T",
      summary: "S",
      focusAreas: [],
      periodStart: "2027-01-01",
      periodEnd: "2028-03-01",
      contactName: "",
      contactEmail: "",
      contactPhone: "",
    });
    expect(checkDraft(mergeDraft(draft, patch), options).map((p) => p.code)).toContain(
      "EXPLORATORY_TOO_LONG",
    );
    const budget = patchFromPart("budget", {
      budget: [{ year: 2027, category: "STAFF", amountSek: 100, description: "" }],
      cofinancingSek: 0,
      otherFunding: [],
      stateAid: false,
    });
    expect(mergeDraft(draft, budget).requestedSek).toBe(100);
    const founded = mergeDraft(
      draft,
      patchFromPart("intyganden", { declarations: draft.declarations!, foundedOn: "2026-01-01" }),
    );
    expect(checkDraft(founded, options).map((p) => p.code)).toContain("ORGANISATION_TOO_NEW");
  });
});

describe("the task list", () => {
  it("maps every problem path to its part and field", () => {
    expect(partOf("partners.1.letterOfIntent")).toBe("partner");
    expect(partOf("period.end")).toBe("grunduppgifter");
    expect(partOf("declarations.nonProfit")).toBe("intyganden");
    expect(partOf("requestedSek")).toBe("budget");
    expect(fieldId("partners.1.letterOfIntent")).toBe("partners-1-letterOfIntent");
  });

  it("tags parts as not started, started, done or needing action", () => {
    const empty = {} as DraftContract;
    expect(Object.values(partStatuses(empty, checkDraft(empty, options)))).toEqual(
      Array(6).fill("NOT_STARTED"),
    );
    const full = validApplication("INTERVENTION") as DraftContract;
    expect(Object.values(partStatuses(full, []))).toEqual(Array(6).fill("DONE"));
    const half = { ...full, title: "" };
    const statuses = partStatuses(half, checkDraft(half, options), new Set(["grunduppgifter"]));
    expect(statuses.grunduppgifter).toBe("NEEDS_ACTION");
    expect(statuses.omrade).toBe("DONE");
  });
});
