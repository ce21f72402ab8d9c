import { describe, expect, it } from "vitest";
import {
  defaultInstalments,
  instalmentBlocked,
  reportSchedule,
  spendingProblems,
} from "@/lib/domain/follow-up";

describe("payment plan and reporting schedule", () => {
  it("gives one instalment per year of the period, summing to the granted amount", () => {
    const plan = defaultInstalments(1_000_000, "2027-01-01", "2029-12-31", "2026-12-10");
    expect(plan).toEqual([
      { number: 1, amountSek: 333_334, dueDate: "2027-01-01" },
      { number: 2, amountSek: 333_333, dueDate: "2028-01-15" },
      { number: 3, amountSek: 333_333, dueDate: "2029-01-15" },
    ]);
    expect(plan.reduce((s, i) => s + i.amountSek, 0)).toBe(1_000_000);
    expect(defaultInstalments(450_000, "2026-01-01", "2026-12-31", "2026-03-01")).toEqual([
      { number: 1, amountSek: 450_000, dueDate: "2026-03-01" },
    ]);
  });

  it("asks for a progress report before each later instalment and a final report two months after the period", () => {
    const plan = defaultInstalments(600_000, "2027-01-01", "2028-12-31", "2026-12-10");
    expect(reportSchedule(plan, "2028-12-31")).toEqual([
      { kind: "PROGRESS", dueDate: "2027-12-15", beforeInstalment: 2 },
      { kind: "FINAL", dueDate: "2029-02-28", beforeInstalment: null },
    ]);
  });

  it("blocks a later instalment until the progress report before it is accepted", () => {
    const second = { number: 2, dueDate: "2028-01-15" };
    expect(instalmentBlocked({ number: 1, dueDate: "2027-01-01" }, [])).toBe(false);
    expect(
      instalmentBlocked(second, [{ kind: "PROGRESS", dueDate: "2027-12-15", status: "SUBMITTED" }]),
    ).toBe(true);
    expect(
      instalmentBlocked(second, [{ kind: "PROGRESS", dueDate: "2027-12-15", status: "ACCEPTED" }]),
    ).toBe(false);
    expect(instalmentBlocked(second, [])).toBe(true);
  });

  it("flags spending over the granted amount or a category's budget, in Swedish", () => {
    expect(spendingProblems({ STAFF: 100_000 }, 200_000, { STAFF: 150_000 })).toEqual([]);
    const over = spendingProblems({ STAFF: 180_000, ACTIVITIES: 50_000 }, 200_000, {
      STAFF: 150_000,
      ACTIVITIES: 50_000,
    });
    expect(over.map((p) => p.path)).toEqual(["spending.STAFF", "spending"]);
    expect(over[1].message).toContain("större än det beviljade beloppet");
    expect(spendingProblems({ STAFF: -5 }, 100, { STAFF: 100 })[0].message).toContain(
      "hela kronor",
    );
  });
});
