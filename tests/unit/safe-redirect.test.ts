import { describe, expect, it } from "vitest";
import { safeNextPath } from "@/lib/domain/safe-redirect";

const FALLBACK = "/start";

describe("safeNextPath never leaves the site", () => {
  // Each as the page receives it (Next has decoded the query string once) and encoded once more.
  const evil = [
    "/\\evil.example",
    "/\\evil.example/phish",
    "/%5Cevil.example/phish",
    "/%5cevil.example",
    "/%09/evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "/\\/evil.example",
    "\\\\evil.example",
    "\\/evil.example",
    "//evil.example",
    "///evil.example",
    "/%2F/evil.example",
    "/%2F%2Fevil.example",
    " //evil.example",
    "\t//evil.example",
    "https://evil.example",
    "https://evil.example/ansokningar",
    "HTTPS://evil.example",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "%2F%2Fevil.example",
  ];
  it.each(evil)("%j gives the fallback", (raw) => {
    expect(safeNextPath(raw, FALLBACK)).toBe(FALLBACK);
    expect(safeNextPath(raw, FALLBACK, "http://localhost:3000")).toBe(FALLBACK);
  });

  it.each([undefined, null, "", 42, ["/ansokningar"]])("%j gives the fallback", (raw) => {
    expect(safeNextPath(raw, FALLBACK)).toBe(FALLBACK);
  });

  it.each([
    ["/ansokningar/abc?x=1#y", "/ansokningar/abc?x=1#y"],
    ["/handlaggning", "/handlaggning"],
    ["/konto/tvastegsverifiering?next=%2Fadmin", "/konto/tvastegsverifiering?next=%2Fadmin"],
    ["/ans%C3%B6kan", "/ans%C3%B6kan"],
    [" /ansokningar", "/ansokningar"],
    ["/a/../admin", "/admin"],
    // A scheme-relative form of the site's own scheme, or credentials before our host: still here.
    ["https:evil.example", "/evil.example"],
    ["https:/evil.example", "/evil.example"],
  ])("%j stays on the site as %j", (raw, path) => {
    expect(safeNextPath(raw, FALLBACK)).toBe(path);
  });

  it("takes an absolute address on the site's own origin as its path, no other", () => {
    const origin = "http://localhost:3000";
    expect(safeNextPath("http://localhost:3000/ansokningar?x=1", FALLBACK, origin)).toBe(
      "/ansokningar?x=1",
    );
    expect(safeNextPath("http://localhost:3001/ansokningar", FALLBACK, origin)).toBe(FALLBACK);
    expect(safeNextPath("http://localhost:3000.evil.example/", FALLBACK, origin)).toBe(FALLBACK);
  });
});

describe("the check it replaces", () => {
  // The inline check the forms used let these through (penetration test finding).
  const old = (next: string) => next.startsWith("/") && !next.startsWith("//");
  it.each(["/\\evil.example/phish", "/\t/evil.example", "/\\/evil.example"])(
    "let %j through, which safeNextPath refuses",
    (raw) => {
      expect(old(raw)).toBe(true);
      expect(safeNextPath(raw, FALLBACK)).toBe(FALLBACK);
    },
  );
});
