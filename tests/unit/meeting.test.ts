import { describe, expect, it } from "vitest";
import {
  STANDARD_REASONS,
  meanOfReviews,
  movedKey,
  municipalSupport,
  rankCases,
  runningTotals,
  type Rankable,
} from "@/lib/domain/meeting";
import { MeetingCaseInput, MeetingInput } from "@/lib/validation/meeting";

// The decision meeting's pure rules (docs/domain.md §7): ranking, moves, running totals.

const c = (id: string, meanScore: number | null, support = 0, sortKey: number | null = null) =>
  ({ id, referenceNumber: `2026/${id}`, meanScore, support, sortKey }) satisfies Rankable;

describe("ranking", () => {
  it("orders by mean score, then municipal support, then reference number; unscored last", () => {
    const ranked = rankCases([c("4", null), c("3", 3), c("2", 4, 0), c("1", 4, 2), c("0", 4, 2)]);
    expect(ranked.map((r) => r.id)).toEqual(["0", "1", "2", "3", "4"]);
  });

  it("moves a case one visible place each time, also past cases moved before", () => {
    let list = rankCases([c("a", 5), c("b", 4), c("c", 3), c("d", 2)]);
    const move = (id: string, direction: "UP" | "DOWN") => {
      const key = movedKey(
        list,
        list.findIndex((r) => r.id === id),
        direction,
      );
      list = rankCases(list.map((r) => (r.id === id ? { ...r, sortKey: key } : r)));
      return list.map((r) => r.id).join("");
    };
    expect(move("d", "UP")).toBe("abdc");
    expect(move("d", "UP")).toBe("adbc");
    expect(move("c", "UP")).toBe("adcb");
    expect(move("a", "DOWN")).toBe("dacb");
    expect(move("c", "DOWN")).toBe("dabc");
    expect(movedKey(list, 0, "UP")).toBeNull();
    expect(movedKey(list, list.length - 1, "DOWN")).toBeNull();
  });

  it("weighs a signed letter from the municipality above a municipality partner", () => {
    expect(municipalSupport([{ sector: "MUNICIPALITY", letterStatus: "SIGNED" }])).toBe(2);
    expect(municipalSupport([{ sector: "MUNICIPALITY", letterStatus: null }])).toBe(1);
    expect(municipalSupport([{ sector: "BUSINESS", letterStatus: "SIGNED" }])).toBe(0);
    expect(
      meanOfReviews([{ scores: [{ score: 4 }, { score: 5 }] }, { scores: [{ score: 3 }] }]),
    ).toBe(4);
    expect(meanOfReviews([])).toBeNull();
  });
});

describe("running totals", () => {
  it("draws the line above the first case the money does not reach", () => {
    const totals = runningTotals(
      [
        { id: "a", action: "APPROVE", amountSek: 400 },
        { id: "b", action: "REJECT", amountSek: 999 },
        { id: "c", action: "APPROVE", amountSek: 500 },
        { id: "d", action: "APPROVE", amountSek: 200 },
        { id: "e", action: null, amountSek: 50 },
      ],
      1_000,
    );
    expect(totals.rows.map((r) => [r.id, r.totalSek, r.leftSek, r.fits])).toEqual([
      ["a", 400, 600, true],
      ["b", 400, 600, true],
      ["c", 900, 100, true],
      ["d", 1_100, -100, false],
      ["e", 1_100, -100, false],
    ]);
    expect(totals).toMatchObject({ lineBefore: "d", overFrame: true, approved: 3, rejected: 1 });
    expect(
      runningTotals([{ id: "a", action: "APPROVE", amountSek: 1_000 }], 1_000).lineBefore,
    ).toBeNull();
  });
});

describe("the meeting's schema (shared by the page and the server)", () => {
  it("needs an amount to approve, reasons for every outcome and the conflict question answered", () => {
    const base = { applicationId: "x", version: 1 };
    expect(
      MeetingCaseInput.safeParse({ ...base, action: "APPROVE", reasons: STANDARD_REASONS.APPROVE })
        .success,
    ).toBe(false);
    expect(MeetingCaseInput.safeParse({ ...base, action: "REJECT", reasons: "kort" }).success).toBe(
      false,
    );
    expect(
      MeetingCaseInput.safeParse({ ...base, action: "SEND_BACK", reasons: "Budget." }).success,
    ).toBe(true);
    const meeting = {
      roundId: "r",
      key: "6f1c1f1e-1b7a-4f4e-9d2a-3c1e2b4a5d6f",
      cases: [{ ...base, action: "REJECT", reasons: STANDARD_REASONS.REJECT }],
    };
    expect(MeetingInput.safeParse(meeting).success).toBe(false);
    expect(MeetingInput.safeParse({ ...meeting, conflictsChecked: true }).success).toBe(true);
    expect(MeetingInput.safeParse({ ...meeting, conflictsChecked: true, cases: [] }).success).toBe(
      false,
    );
  });
});
