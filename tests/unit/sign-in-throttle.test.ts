import { describe, expect, it } from "vitest";
import {
  FREE_SIGN_IN_FAILURES,
  MAX_SIGN_IN_DELAY_SECONDS,
  signInDelaySeconds,
  waitInWords,
} from "@/lib/domain/sign-in-throttle";

describe("the wait after failed sign-ins in a row", () => {
  it.each([
    [0, 0],
    [1, 0],
    [4, 0],
    [5, 1],
    [6, 2],
    [7, 4],
    [8, 8],
    [9, 16],
    [12, 128],
    [14, 512],
    [15, 900],
    [16, 900],
    [50, 900],
    [10_000, 900],
  ])("after %i failures: %i s", (failures, seconds) => {
    expect(signInDelaySeconds(failures)).toBe(seconds);
  });

  it("starts after the free failures, never shrinks as failures grow, and stays within the cap", () => {
    expect(signInDelaySeconds(FREE_SIGN_IN_FAILURES - 1)).toBe(0);
    expect(signInDelaySeconds(FREE_SIGN_IN_FAILURES)).toBeGreaterThan(0);
    let previous = 0;
    for (let failures = 0; failures <= 2_000; failures++) {
      const delay = signInDelaySeconds(failures);
      expect(Number.isInteger(delay)).toBe(true);
      expect(delay).toBeGreaterThanOrEqual(previous);
      expect(delay).toBeLessThanOrEqual(MAX_SIGN_IN_DELAY_SECONDS);
      previous = delay;
    }
  });

  it("costs a guesser more than a day of waiting for two hundred guesses, the owner at most the cap", () => {
    let total = 0;
    for (let failures = 1; failures < 200; failures++) total += signInDelaySeconds(failures);
    expect(total).toBeGreaterThan(24 * 3600);
  });

  it("treats nonsense as no failures", () => {
    expect(signInDelaySeconds(-3)).toBe(0);
    expect(signInDelaySeconds(Number.NaN)).toBe(0);
    expect(signInDelaySeconds(Number.POSITIVE_INFINITY)).toBe(0);
  });
});

describe("how a wait is said", () => {
  it.each([
    [0.2, { unit: "seconds", count: 1 }],
    [1, { unit: "seconds", count: 1 }],
    [1.01, { unit: "seconds", count: 2 }],
    [119, { unit: "seconds", count: 119 }],
    [120, { unit: "minutes", count: 2 }],
    [121, { unit: "minutes", count: 3 }],
    [900, { unit: "minutes", count: 15 }],
    [3600, { unit: "minutes", count: 60 }],
  ])("%s s", (seconds, words) => {
    expect(waitInWords(seconds)).toEqual(words);
  });
});
