import { describe, expect, it } from "vitest";
import { safeCell } from "@/lib/domain/grant-export";

// Formula starts are neutralised at the start of a cell and after the separators , and ; that a
// spreadsheet program may split the text on (Swedish Excel splits on ;).
describe("safeCell", () => {
  it.each([
    ["Mötesplats i Årsta", "Mötesplats i Årsta"],
    ["=2+5", "'=2+5"],
    ["+46 8 123", "'+46 8 123"],
    ["-5", "'-5"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tx", "'\tx"],
    ["\rx", "'\rx"],
    ["x;=2+5;y", "x;'=2+5;y"],
    ["x,=2+5,y", "x,'=2+5,y"],
    ["x; =2+5", "x; '=2+5"],
    ["a;b,c", "a;b,c"],
    ["x;;-1", "x;;'-1"],
    ["=1;@2,+3", "'=1;'@2,'+3"],
    ["2+5=7", "2+5=7"],
    ["", ""],
  ])("%j becomes %j", (input, expected) => {
    expect(safeCell(input)).toBe(expected);
  });

  it("leaves numbers and null alone", () => {
    expect(safeCell(-5)).toBe(-5);
    expect(safeCell(null)).toBeNull();
  });
});
