import { describe, expect, it } from "vitest";
import { formatDecimal, formatPercent, formatSekShort } from "@/lib/domain/format";
import { excelNumber } from "@/lib/domain/grant-export";

// Numbers in Swedish formats everywhere: decimal commas, a space before %, tkr and mnkr on axes.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describe("Swedish number formats", () => {
  it.each([
    [3.3, "3,3"],
    [3.25, "3,3"],
    [4, "4"],
    [1234.5, "1 234,5"],
  ])("shows %s as %s", (value, text) => {
    expect(plain(formatDecimal(value))).toBe(text);
  });

  it("shows shares as percentages with a decimal comma", () => {
    expect(plain(formatPercent(0.093))).toBe("9,3 %");
    expect(plain(formatPercent(2 / 3))).toBe("66,7 %");
    expect(plain(formatPercent(0.093, "en"))).toBe("9.3%");
  });

  it("shows amounts on chart axes in kr, tkr and mnkr", () => {
    expect(plain(formatSekShort(950))).toBe("950 kr");
    expect(plain(formatSekShort(300_000))).toBe("300 tkr");
    expect(plain(formatSekShort(1_200_000))).toBe("1,2 mnkr");
    expect(plain(formatSekShort(25_000_000))).toBe("25 mnkr");
    expect(formatSekShort(1_200_000, "en")).toBe("SEK 1.2m");
  });

  it("writes numbers for Swedish Excel with a decimal comma and no grouping", () => {
    expect(excelNumber(1234.5)).toBe("1234,5");
    expect(excelNumber(150000)).toBe("150000");
  });
});
