import { describe, expect, it } from "vitest";
import { missingSteps, missingStepText, type ConflictStatus } from "@/lib/domain/review";

// Steps that can't be skipped (docs/domain.md §5): a passed formal check and the round's number of
// completed reviews by officers without a conflict, before a case can be proposed.

const review = (status: ConflictStatus | null, completed = true) => ({
  completedAt: completed ? new Date("2027-01-10") : null,
  declaration: status ? { status } : null,
});

describe("missingSteps", () => {
  it.each([
    ["nothing done", null, 1, [], ["FORMAL_CHECK", "REVIEWS"]],
    ["a failed formal check", false, 1, [review("NO_CONFLICT")], ["FORMAL_CHECK"]],
    ["a passed check, no review", true, 1, [], ["REVIEWS"]],
    ["a passed check and a review", true, 1, [review("NO_CONFLICT")], []],
    ["a review not completed", true, 1, [review("NO_CONFLICT", false)], ["REVIEWS"]],
    ["a review by a lifted conflict", true, 1, [review("LIFTED")], []],
    ["a review by a declared conflict", true, 1, [review("DECLARED")], ["REVIEWS"]],
    ["a review by a confirmed conflict", true, 1, [review("CONFIRMED")], ["REVIEWS"]],
    ["a review without a declaration", true, 1, [review(null)], ["REVIEWS"]],
    ["one of two reviews", true, 2, [review("NO_CONFLICT")], ["REVIEWS"]],
    ["two of two reviews", true, 2, [review("NO_CONFLICT"), review("LIFTED")], []],
    ["a round that asks for none still needs one", true, 0, [], ["REVIEWS"]],
  ] as const)("%s", (_, formalCheckPassed, reviewsRequired, reviews, expected) => {
    expect(
      missingSteps({ formalCheckPassed, reviewsRequired, reviews: [...reviews] }).map(
        (m) => m.step,
      ),
    ).toEqual(expected);
  });

  it("counts the completed reviews against the required", () => {
    expect(
      missingSteps({
        formalCheckPassed: true,
        reviewsRequired: 3,
        reviews: [review("NO_CONFLICT")],
      }),
    ).toEqual([{ step: "REVIEWS", completed: 1, required: 3 }]);
  });

  it("says in Swedish what is missing", () => {
    expect(missingStepText({ step: "FORMAL_CHECK" })).toBe(
      "Den formella kontrollen är inte godkänd.",
    );
    expect(missingStepText({ step: "REVIEWS", completed: 0, required: 1 })).toBe(
      "En slutförd bedömning behövs (0 av 1 klara).",
    );
    expect(missingStepText({ step: "REVIEWS", completed: 1, required: 2 })).toBe(
      "2 slutförda bedömningar behövs (1 av 2 klara).",
    );
  });
});
