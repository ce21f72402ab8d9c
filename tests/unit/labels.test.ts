import { describe, expect, it } from "vitest";
import { label, LABELS, options, TRACK_LABELS, type LabelKind } from "@/lib/domain/labels";
import {
  BUDGET_CATEGORIES,
  DECLARATIONS,
  FOCUS_AREAS,
  FUNDING_STATUSES,
  LEGAL_FORMS,
  LETTER_STATUSES,
  METHODS,
  NEED_BASIS_KINDS,
  SECTORS,
  TRACKS,
  VARIANTS,
} from "@/lib/validation/application";

const ENUMS: Record<LabelKind, readonly string[]> = {
  track: TRACKS,
  variant: VARIANTS,
  legalForm: LEGAL_FORMS,
  sector: SECTORS,
  focusArea: FOCUS_AREAS,
  method: METHODS,
  needBasis: NEED_BASIS_KINDS,
  budgetCategory: BUDGET_CATEGORIES,
  letterStatus: LETTER_STATUSES,
  fundingStatus: FUNDING_STATUSES,
  declaration: DECLARATIONS,
};

describe.each(["sv", "en"] as const)("labels in %s", (locale) => {
  it.each(Object.keys(ENUMS) as LabelKind[])("name every value of %s, and nothing else", (kind) => {
    const labels = LABELS[locale][kind] as Record<string, string>;
    expect(Object.keys(labels)).toEqual([...ENUMS[kind]]);
    for (const value of ENUMS[kind]) expect(labels[value].trim(), `${kind}.${value}`).not.toBe("");
  });
});

it("names the tracks as docs/domain.md §3 does", () => {
  expect(label("sv", "track", "KNOWLEDGE")).toBe("Kunskaps- och metodutveckling");
  expect(label("en", "track", "KNOWLEDGE")).toBe("Developing knowledge and methods");
  expect(TRACK_LABELS).toBe(LABELS.sv.track);
});

it("translates every Swedish label (no English label is a copy of a Swedish one, except shared words)", () => {
  const shared = new Set(["Region", "Workshop", "Administration"]);
  for (const kind of Object.keys(ENUMS) as LabelKind[]) {
    const sv = LABELS.sv[kind] as Record<string, string>;
    const en = LABELS.en[kind] as Record<string, string>;
    for (const value of ENUMS[kind])
      if (!shared.has(sv[value])) expect(en[value], `${kind}.${value}`).not.toBe(sv[value]);
  }
});

it("turns labels into options in enum order", () => {
  expect(options(LABELS.sv.letterStatus)).toEqual([
    { value: "PENDING", label: "Väntar på svar" },
    { value: "SIGNED", label: "Underskriven" },
    { value: "DECLINED", label: "Avböjd" },
  ]);
});
