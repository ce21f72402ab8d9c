import { readdirSync } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { MASK, TOKEN_ROUTES, maskBearerLinks, maskBearerUrl } from "@/lib/domain/bearer-links";

const token = () => randomBytes(32).toString("base64url");

/** Every route in app/ that takes a token: a dynamic segment named like one ([token], [inviteToken] …). */
function tokenRoutesInApp(dir = path.resolve("app"), route = "/"): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    if (/^\[.*token.*\]$/i.test(entry.name)) found.push(route);
    // Route groups, (admin) and the like, are not part of the address.
    const next = /^\(.*\)$/.test(entry.name) ? route : `${route}${entry.name}/`;
    found.push(...tokenRoutesInApp(path.join(dir, entry.name), next));
  }
  return found;
}

describe("the routes that take a token", () => {
  it("are exactly the routes in app/ with a token segment, so a new one cannot be forgotten", () => {
    expect([...TOKEN_ROUTES].sort()).toEqual([...new Set(tokenRoutesInApp())].sort());
  });

  it.each(TOKEN_ROUTES)("masks the token of %s, whatever its shape", (route) => {
    for (const secret of [token(), "kort", "ABC-123"]) {
      const url = `http://localhost:3000${route}${secret}`;
      expect(maskBearerUrl(url)).toBe(`http://localhost:3000${route}${MASK}`);
    }
  });
});

describe("maskBearerLinks", () => {
  it("masks the links of the staff, organisation and partner invitations in a mail", () => {
    const [a, b, c] = [token(), token(), token()];
    const text = [
      "Välj ditt lösenord via den här personliga länken:",
      `https://samverka.example/personal/inbjudan/${a}`,
      `Gå med: https://samverka.example/inbjudan/${b}.`,
      `Partner: (https://samverka.example/avsiktsforklaring/${c})`,
    ].join("\n");
    const masked = maskBearerLinks(text);
    for (const secret of [a, b, c]) expect(masked).not.toContain(secret);
    expect(masked).toBe(
      [
        "Välj ditt lösenord via den här personliga länken:",
        `https://samverka.example/personal/inbjudan/${MASK}`,
        `Gå med: https://samverka.example/inbjudan/${MASK}.`,
        `Partner: (https://samverka.example/avsiktsforklaring/${MASK})`,
      ].join("\n"),
    );
  });

  it("masks a token-shaped segment on any route, and secret query parameters", () => {
    const t = token();
    expect(maskBearerLinks(`https://x.example/verifiera/${t}`)).toBe(
      `https://x.example/verifiera/${MASK}`,
    );
    expect(maskBearerLinks(`https://x.example/konto/aterstall/${t}/bekrafta`)).toBe(
      `https://x.example/konto/aterstall/${MASK}/bekrafta`,
    );
    expect(maskBearerLinks(`http://x.example/verifiera?token=abc&lang=sv`)).toBe(
      `http://x.example/verifiera?token=${MASK}&lang=sv`,
    );
    expect(maskBearerLinks(`http://x.example/a?email=a%40b.se&id=${t}`)).toBe(
      `http://x.example/a?email=a%40b.se&id=${MASK}`,
    );
    expect(maskBearerLinks(`http://x.example/a?Code=123456`)).toBe(
      `http://x.example/a?Code=${MASK}`,
    );
    expect(maskBearerLinks(`http://x.example/a#${t}`)).toBe(`http://x.example/a#${MASK}`);
  });

  it("leaves ordinary links and text alone", () => {
    const text = [
      "Ansökan: https://samverka.example/ansokningar/cmf1a2b3c0000xyzabcdefghi",
      "Rapport: https://samverka.example/ansokningar/abc/rapport/def?flik=2",
      "Inbjudan till Samverka, 7 dagar.",
      "http://localhost:3000/",
    ].join("\n");
    expect(maskBearerLinks(text)).toBe(text);
  });

  it("never leaves a live token, in any case of the scheme or next to other links", () => {
    const t = token();
    const masked = maskBearerLinks(
      `HTTPS://X.EXAMPLE/personal/inbjudan/${t} http://y.example/inbjudan/${t}/`,
    );
    expect(masked).not.toContain(t);
  });
});
