import { describe, expect, it } from "vitest";
import {
  caseAgeDays,
  completionDueProblem,
  completionOverdue,
  daysBetween,
  defaultCompletionDue,
} from "@/lib/domain/case-time";
import { isPhoneNumber, looksLikePersonalIdentityNumber } from "@/lib/domain/personal-data";
import { BoardInput, contactFields } from "@/lib/validation/people";

describe("a case's age", () => {
  it.each([
    // Submitted late in the evening counts from that Stockholm day, not the UTC one.
    ["2027-03-01T23:30:00Z", "2027-03-02T08:00:00Z", 0],
    ["2027-03-01T10:00:00Z", "2027-03-01T21:00:00Z", 0],
    ["2027-03-01T10:00:00Z", "2027-03-02T00:30:00Z", 1],
    ["2027-03-01T10:00:00Z", "2027-03-31T10:00:00Z", 30],
    // Over the change to summer time (2027-03-28) a day is still a day.
    ["2027-03-27T12:00:00Z", "2027-03-29T12:00:00Z", 2],
    ["2027-12-31T12:00:00Z", "2028-01-01T12:00:00Z", 1],
  ])("submitted %s, now %s → %d days", (submitted, now, days) => {
    expect(caseAgeDays(new Date(submitted), new Date(now))).toBe(days);
  });

  it("counts calendar days between ISO dates, both ways", () => {
    expect(daysBetween("2028-02-28", "2028-03-01")).toBe(2);
    expect(daysBetween("2027-03-01", "2027-02-27")).toBe(-2);
  });
});

describe("a completion's due date", () => {
  it("is two weeks ahead by default", () => {
    expect(defaultCompletionDue("2027-12-24")).toBe("2028-01-07");
  });

  it.each([
    ["2027-03-01", "2027-03-01", null],
    ["2027-02-28", "2027-03-01", "PAST"],
    ["2027-08-28", "2027-03-01", null],
    ["2027-08-29", "2027-03-01", "TOO_FAR"],
  ] as const)("due %s on %s → %s", (due, today, problem) => {
    expect(completionDueProblem(due, today)).toBe(problem);
  });

  it.each([
    [{ dueDate: "2027-03-01", answered: false }, "2027-03-01", false],
    [{ dueDate: "2027-03-01", answered: false }, "2027-03-02", true],
    [{ dueDate: "2027-03-01", answered: true }, "2027-04-01", false],
    [{ dueDate: null, answered: false }, "2027-04-01", false],
  ])("%o on %s is overdue: %s", (request, today, overdue) => {
    expect(completionOverdue(request, today)).toBe(overdue);
  });
});

describe("people are named, never numbered", () => {
  it.each([
    ["850709-1234", true],
    ["19850709-1234", true],
    ["Amina 8507091234", true],
    ["19850709 1234", true],
    ["850769-1234", true], // a coordination number (day + 60)
    ["ordförande sedan 2019", false],
    ["Amina Hassan", false],
    ["851309-1234", false], // no month 13
    ["123456789012345", false],
  ])("%s looks like a personal identity number: %s", (text, expected) => {
    expect(looksLikePersonalIdentityNumber(text)).toBe(expected);
  });

  it.each([
    ["08-123 456 78", true],
    ["070-123 45 67", true],
    ["+46 70 123 45 67", true],
    ["(08) 123 456 78", true],
    ["123", false],
    ["850709-1234", false],
    ["070 abc", false],
  ])("%s is a phone number: %s", (text, expected) => {
    expect(isPhoneNumber(text)).toBe(expected);
  });

  it("accepts an empty contact and refuses a wrong one with Swedish advice", () => {
    expect(contactFields.contactEmail.safeParse("").success).toBe(true);
    expect(contactFields.contactPhone.safeParse("").success).toBe(true);
    expect(contactFields.contactEmail.safeParse("inte en adress").error?.issues[0].message).toBe(
      "Ange en e-postadress, till exempel namn@forening.se.",
    );
    expect(contactFields.contactName.safeParse("Amina 850709-1234").error?.issues[0].message).toBe(
      "Skriv inte personnummer här. Ange bara namn och roll – vi känner igen personer på namn och e-post.",
    );
  });

  it("needs a name, a role and at least one signatory on a board, and nothing that looks like an identity number", () => {
    const member = { name: "Amina Hassan", role: "ordförande", signatory: true };
    expect(BoardInput.safeParse({ members: [] }).success).toBe(true);
    expect(BoardInput.safeParse({ members: [member] }).success).toBe(true);
    const messages = (members: unknown[]) =>
      BoardInput.safeParse({ members }).error?.issues.map((i) => [i.path.join("."), i.message]);
    expect(messages([{ ...member, name: " " }])).toEqual([
      ["members.0.name", "Ange personens namn."],
    ]);
    expect(messages([{ ...member, name: "Amina 19850709-1234" }])?.[0][0]).toBe("members.0.name");
    expect(messages([{ ...member, signatory: false }])).toEqual([
      ["members", "Markera vem eller vilka som är firmatecknare."],
    ]);
  });
});
