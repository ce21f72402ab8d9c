// Learning examples (erfarenhetsexempel, docs/domain.md §8): the five parts of the public
// summary, who may change it when, and the steps of its review. Pure.

/** The parts of Delmos's dialogue guide, in order: Ort, Syfte, Process, Resultat, Vad vi lärt oss. */
export const EXAMPLE_PARTS = ["place", "purpose", "process", "results", "lessons"] as const;
export type ExamplePart = (typeof EXAMPLE_PARTS)[number];

/** The longest text of each part, in characters: a summary, not a report. */
export const EXAMPLE_PART_LIMIT = 2_000;

export type ExampleStatus =
  "DRAFT" | "SUBMITTED" | "CHANGES_REQUESTED" | "PUBLISHED" | "UNPUBLISHED";

/** The grantee writes while the summary is a draft or the officer has asked for changes. */
export const granteeMayEdit = (status: ExampleStatus | null) =>
  status === null || status === "DRAFT" || status === "CHANGES_REQUESTED";

/** The officer's steps and the status each starts from. */
const REVIEW_STEPS = {
  approve: ["SUBMITTED"],
  requestChanges: ["SUBMITTED", "UNPUBLISHED"],
  unpublish: ["PUBLISHED"],
} as const satisfies Record<string, readonly ExampleStatus[]>;
export type ReviewStep = keyof typeof REVIEW_STEPS;

export const officerMay = (step: ReviewStep, status: ExampleStatus) =>
  (REVIEW_STEPS[step] as readonly ExampleStatus[]).includes(status);
