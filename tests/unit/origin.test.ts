import { describe, expect, it } from "vitest";
import { allowedHosts, isStateChanging, originAllowed } from "@/lib/domain/origin";

const check = (
  origin: string | undefined,
  host = "samverka.example",
  secFetchSite?: string,
  hosts: string[] = [],
) => originAllowed({ origin, host, secFetchSite, allowedHosts: hosts });

describe("originAllowed", () => {
  it("lets a page of this site post", () => {
    expect(check("https://samverka.example")).toBe(true);
    expect(check("http://localhost:3100", "localhost:3100")).toBe(true);
    expect(check("https://SAMVERKA.example", "Samverka.Example")).toBe(true);
  });

  it.each([
    "https://evil.example",
    "https://samverka.example.evil.example",
    "https://samverka.example:444",
    "http://localhost:3101",
    "null",
    "not a url",
    "file:///etc/passwd",
  ])("refuses Origin %j", (origin) => {
    expect(check(origin)).toBe(false);
    expect(check(origin, "localhost:3100")).toBe(false);
  });

  it("compares with the host the request was sent to, never one the client chose", () => {
    // What the app sees for a spoofed X-Forwarded-Host is decided by the caller (server.ts drops it).
    expect(check("https://evil.example", "samverka.example")).toBe(false);
    // A list of forwarded hosts counts by its first entry, as Next.js reads it.
    expect(check("https://samverka.example", "samverka.example, evil.example")).toBe(true);
    expect(check("https://evil.example", "samverka.example, evil.example")).toBe(false);
  });

  it("lets the configured public hosts post", () => {
    expect(
      check("https://samverka.example", "localhost:3000", undefined, ["samverka.example"]),
    ).toBe(true);
    expect(check("https://evil.example", "localhost:3000", undefined, ["samverka.example"])).toBe(
      false,
    );
  });

  it("without Origin, refuses what the browser marks as from another site and lets scripts through", () => {
    expect(check(undefined, "samverka.example", "cross-site")).toBe(false);
    expect(check(undefined, "samverka.example", "same-site")).toBe(false);
    expect(check(undefined, "samverka.example", "same-origin")).toBe(true);
    expect(check(undefined, "samverka.example", "none")).toBe(true);
    expect(check(undefined)).toBe(true);
    expect(check("")).toBe(true);
  });
});

describe("allowedHosts", () => {
  it("takes hosts from the public address and the configured origins", () => {
    expect(
      allowedHosts(
        " https://samverka.example , intern.example:8443,,http://[::1]:3000",
        "https://ansok.samverka.example",
      ),
    ).toEqual(["ansok.samverka.example", "samverka.example", "intern.example:8443", "[::1]:3000"]);
    expect(allowedHosts(undefined, undefined)).toEqual([]);
    expect(allowedHosts("http://", undefined)).toEqual([]);
  });
});

describe("isStateChanging", () => {
  it.each(["POST", "PUT", "PATCH", "DELETE"])("%s changes state", (method) =>
    expect(isStateChanging(method)).toBe(true),
  );
  it.each(["GET", "HEAD", "OPTIONS"])("%s does not", (method) =>
    expect(isStateChanging(method)).toBe(false),
  );
});
