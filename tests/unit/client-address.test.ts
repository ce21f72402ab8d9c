import { describe, expect, it } from "vitest";
import {
  normalizeAddress,
  parseTrustedProxies,
  resolveClientAddress,
  rewriteForwardingHeaders,
} from "@/lib/domain/client-address";

describe("normalizeAddress", () => {
  it.each([
    ["203.0.113.9", "203.0.113.9"],
    [" 203.0.113.9 ", "203.0.113.9"],
    ["203.0.113.9:51234", "203.0.113.9"],
    ["::ffff:127.0.0.1", "127.0.0.1"],
    ["::FFFF:7f00:1", "127.0.0.1"],
    ["::ffff:203.0.113.9", "203.0.113.9"],
    ["2001:DB8:0:0:0:0:0:1", "2001:db8::1"],
    ["[2001:db8::1]:443", "2001:db8::1"],
    ["[2001:db8::1]", "2001:db8::1"],
    ["fe80::1%eth0", "fe80::1"],
    ["::1", "::1"],
  ])("%s → %s", (raw, expected) => expect(normalizeAddress(raw)).toBe(expected));

  it.each([
    "",
    "unknown",
    "evil.example",
    "1.2.3",
    "256.1.1.1",
    "1.2.3.4.5",
    "2001:db8::1::2",
    "_hidden",
  ])("%j is no address", (raw) => expect(normalizeAddress(raw)).toBeNull());
});

describe("parseTrustedProxies", () => {
  it("takes addresses and CIDR ranges of both families, separated by commas or spaces", () => {
    const trusted = parseTrustedProxies("10.0.0.5, 10.1.0.0/16 2001:db8:a::/48,::1");
    expect(trusted.size).toBe(4);
    for (const yes of ["10.0.0.5", "10.1.255.3", "2001:db8:a:1::9", "::1"])
      expect(trusted.has(yes), yes).toBe(true);
    for (const no of ["10.0.0.6", "10.2.0.1", "2001:db8:b::1", "127.0.0.1", "::2"])
      expect(trusted.has(no), no).toBe(false);
  });

  it("trusts nothing when unset or empty", () => {
    for (const spec of [undefined, "", " , "]) {
      const trusted = parseTrustedProxies(spec);
      expect(trusted.size).toBe(0);
      expect(trusted.has("127.0.0.1")).toBe(false);
    }
  });

  it("matches an IPv4-mapped entry as IPv4", () => {
    expect(parseTrustedProxies("::ffff:10.0.0.5").has("10.0.0.5")).toBe(true);
  });

  // The old meaning was a count of proxies ("1"): refused, so nobody trusts the wrong thing in silence.
  it.each([
    "1",
    "2",
    "10.0.0.0/33",
    "2001:db8::/129",
    "10.0.0.0/8/8",
    "proxy.internal",
    "10.0.0.0/x",
  ])("refuses %j at start", (spec) =>
    expect(() => parseTrustedProxies(spec)).toThrow(/SAMVERKA_TRUSTED_PROXIES/),
  );
});

describe("resolveClientAddress", () => {
  const none = parseTrustedProxies("");
  const proxies = parseTrustedProxies("10.0.0.0/8, 2001:db8:ffff::/48");

  it("is the connection's address when no proxy is trusted, whatever the client sends", () => {
    expect(resolveClientAddress("::ffff:198.51.100.7", "1.2.3.4", none)).toBe("198.51.100.7");
    expect(resolveClientAddress("198.51.100.7", "1.2.3.4, 5.6.7.8", none)).toBe("198.51.100.7");
    expect(resolveClientAddress("2001:db8::7", ["1.2.3.4", "5.6.7.8"], none)).toBe("2001:db8::7");
    expect(resolveClientAddress(undefined, "1.2.3.4", none)).toBe("unknown");
  });

  it("ignores X-Forwarded-For from a connection that is not a trusted proxy", () => {
    // The client itself pretends to be behind our proxy.
    expect(resolveClientAddress("198.51.100.7", "203.0.113.1, 10.0.0.2", proxies)).toBe(
      "198.51.100.7",
    );
  });

  it("reads the chain from the right behind trusted proxies", () => {
    expect(resolveClientAddress("10.0.0.2", "203.0.113.9", proxies)).toBe("203.0.113.9");
    expect(resolveClientAddress("::ffff:10.0.0.2", "203.0.113.9", proxies)).toBe("203.0.113.9");
    // Two proxies of ours: the balancer appended the client, the inner proxy appended the balancer.
    expect(resolveClientAddress("10.0.0.2", "203.0.113.9, 10.0.0.3", proxies)).toBe("203.0.113.9");
    expect(resolveClientAddress("2001:db8:ffff::2", "2001:db8:1::42", proxies)).toBe(
      "2001:db8:1::42",
    );
    // Repeated headers count as one list, in order.
    expect(
      resolveClientAddress("10.0.0.2", ["198.51.100.1", "203.0.113.9, 10.0.0.3"], proxies),
    ).toBe("203.0.113.9");
  });

  it("never takes what the client wrote at the left of a spoofed chain", () => {
    for (const spoofed of [
      "6.6.6.6, 203.0.113.9",
      "10.0.0.9, 203.0.113.9",
      "evil, 6.6.6.6,7.7.7.7, 203.0.113.9",
      "::1, 203.0.113.9, 10.0.0.7",
    ])
      expect(resolveClientAddress("10.0.0.2", spoofed, proxies), spoofed).toBe("203.0.113.9");
  });

  it("stops at the last good hop when an entry is malformed", () => {
    expect(resolveClientAddress("10.0.0.2", "203.0.113.9, unknown", proxies)).toBe("10.0.0.2");
    expect(resolveClientAddress("10.0.0.2", "203.0.113.9, 10.0.0.3, _x", proxies)).toBe("10.0.0.2");
  });

  it("is the leftmost hop when every hop is ours, and the proxy when it sent no header", () => {
    expect(resolveClientAddress("10.0.0.2", "10.0.0.4, 10.0.0.3", proxies)).toBe("10.0.0.4");
    expect(resolveClientAddress("10.0.0.2", undefined, proxies)).toBe("10.0.0.2");
    expect(resolveClientAddress("10.0.0.2", "", proxies)).toBe("10.0.0.2");
  });
});

describe("rewriteForwardingHeaders", () => {
  const spoof = () => ({
    host: "samverka.example",
    "x-forwarded-for": "1.2.3.4",
    "x-forwarded-host": "evil.example",
    "x-forwarded-proto": "https",
    "x-forwarded-port": "443",
    forwarded: "for=1.2.3.4;host=evil.example",
    "x-real-ip": "5.6.7.8",
  });

  it("drops every forwarding header from a client and names the connection's address", () => {
    const headers: Record<string, string | string[] | undefined> = spoof();
    const client = rewriteForwardingHeaders(headers, "::ffff:198.51.100.7", {
      trustedProxies: parseTrustedProxies(""),
      trustForwardedHost: true,
    });
    expect(client).toBe("198.51.100.7");
    expect(headers).toEqual({ host: "samverka.example", "x-forwarded-for": "198.51.100.7" });
  });

  it("keeps a trusted proxy's scheme, and its host only when configured", () => {
    const trustedProxies = parseTrustedProxies("10.0.0.0/8");
    const withoutHost: Record<string, string | string[] | undefined> = spoof();
    rewriteForwardingHeaders(withoutHost, "10.0.0.2", {
      trustedProxies,
      trustForwardedHost: false,
    });
    expect(withoutHost).toEqual({
      host: "samverka.example",
      "x-forwarded-for": "1.2.3.4",
      "x-forwarded-proto": "https",
      "x-forwarded-port": "443",
      forwarded: "for=1.2.3.4;host=evil.example",
    });
    const withHost: Record<string, string | string[] | undefined> = spoof();
    rewriteForwardingHeaders(withHost, "10.0.0.2", { trustedProxies, trustForwardedHost: true });
    expect(withHost["x-forwarded-host"]).toBe("evil.example");
    expect(withHost["x-real-ip"]).toBeUndefined();
  });

  it("sets the address even when the client sent no header", () => {
    const headers: Record<string, string | string[] | undefined> = { host: "h" };
    rewriteForwardingHeaders(headers, "2001:db8::7", {
      trustedProxies: parseTrustedProxies(""),
      trustForwardedHost: false,
    });
    expect(headers["x-forwarded-for"]).toBe("2001:db8::7");
  });
});
