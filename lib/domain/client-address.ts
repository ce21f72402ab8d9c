// Who is calling, for abuse limits: the address of the TCP connection, unless that connection comes
// from a reverse proxy we were told to trust. Only then is X-Forwarded-For read, from the right
// (each proxy appends the address it saw; the left end is whatever the client wrote), skipping our
// own trusted hops. Pure: server.ts applies it to every request before Next.js sees it.
import { BlockList, isIPv4, isIPv6 } from "node:net";

/**
 * One canonical form of an IP address as sockets and proxies write it, or null when `raw` is not
 * one. IPv4-mapped IPv6 (`::ffff:192.0.2.1`, how a dual-stack socket reports an IPv4 peer) becomes
 * IPv4; IPv6 is compressed and lower-case, without brackets or zone; a port is dropped
 * (`192.0.2.1:443`, `[2001:db8::1]:443`).
 */
export function normalizeAddress(raw: string | undefined | null): string | null {
  if (!raw) return null;
  let value = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(value);
  if (bracketed) value = bracketed[1];
  else if (/^[\d.]+:\d{1,5}$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  value = value.replace(/%[\w.-]+$/, "");
  if (isIPv4(value)) return value;
  if (!isIPv6(value)) return null;
  // The URL parser writes IPv6 in its canonical compressed form (RFC 5952).
  const canonical = new URL(`http://[${value}]/`).hostname.slice(1, -1);
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(canonical);
  if (!mapped) return canonical;
  const [high, low] = [parseInt(mapped[1], 16), parseInt(mapped[2], 16)];
  return [high >> 8, high & 255, low >> 8, low & 255].join(".");
}

export type TrustedProxies = {
  /** Whether the (normalised) address is one of our proxies. */
  has(address: string): boolean;
  readonly size: number;
};

/**
 * The proxies whose X-Forwarded-* headers are believed: a comma- or space-separated list of
 * addresses and CIDR ranges (`10.0.0.5, 10.1.0.0/16, 2001:db8::/48`). Empty means none: the
 * connection's own address is the client. Throws on an entry that is not an address or range, so
 * a typo stops the server at start instead of trusting nothing (or everything) in silence.
 */
export function parseTrustedProxies(spec: string | undefined): TrustedProxies {
  const list = new BlockList();
  const entries = (spec ?? "").split(/[\s,]+/).filter(Boolean);
  const wrong: string[] = [];
  for (const entry of entries) {
    const [addressPart, prefixPart, extra] = entry.split("/");
    const address = normalizeAddress(addressPart);
    const type = address && isIPv4(address) ? "ipv4" : "ipv6";
    const prefix = prefixPart === undefined ? null : Number(prefixPart);
    if (
      !address ||
      extra !== undefined ||
      (prefix !== null && (!/^\d{1,3}$/.test(prefixPart) || prefix > (type === "ipv4" ? 32 : 128)))
    ) {
      wrong.push(entry);
      continue;
    }
    if (prefix === null) list.addAddress(address, type);
    else list.addSubnet(address, prefix, type);
  }
  if (wrong.length)
    throw new Error(
      `SAMVERKA_TRUSTED_PROXIES ska vara en lista med IP-adresser och CIDR-intervall (t.ex. "10.0.0.5, 10.1.0.0/16"); ogiltigt: ${wrong.join(", ")}`,
    );
  return {
    size: entries.length,
    has: (address) => entries.length > 0 && list.check(address, isIPv4(address) ? "ipv4" : "ipv6"),
  };
}

/**
 * The client's address. `peer` is the TCP connection's remote address; `forwardedFor` the
 * X-Forwarded-For value(s) as received. When the peer is not a trusted proxy, the header is a
 * client's claim and is ignored. Otherwise the chain is read from the right: every trusted hop is
 * skipped and the first address that is not ours is the client. A malformed entry ends the walk at
 * the last good hop (a proxy of ours always writes a real address, so anything else was written by
 * someone beyond it).
 */
export function resolveClientAddress(
  peer: string | undefined,
  forwardedFor: string | string[] | undefined,
  trusted: TrustedProxies,
): string {
  let client = normalizeAddress(peer) ?? "unknown";
  if (!trusted.has(client)) return client;
  const hops = ([] as string[])
    .concat(forwardedFor ?? [])
    .join(",")
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normalizeAddress(hops[i]);
    if (!hop) return client;
    client = hop;
    if (!trusted.has(hop)) return hop;
  }
  return client;
}

/** Headers a client could use to claim another address, host or scheme. */
const FORWARDING_HEADERS = [
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-proto",
  "x-forwarded-port",
  "forwarded",
  "x-real-ip",
] as const;

type NodeHeaders = Record<string, string | string[] | undefined>;

/**
 * Rewrites the forwarding headers of one incoming request in place, before Next.js sees it, and
 * returns the client's address. From anyone but a trusted proxy every forwarding header is
 * dropped; from a trusted proxy X-Forwarded-Proto/-Port and Forwarded stay, and X-Forwarded-Host
 * only when `trustForwardedHost`. X-Forwarded-For is then the one resolved address (Next.js fills
 * it only when it is missing), and X-Real-IP is never passed on: the app reads one header.
 */
export function rewriteForwardingHeaders(
  headers: NodeHeaders,
  peer: string | undefined,
  options: { trustedProxies: TrustedProxies; trustForwardedHost: boolean },
): string {
  const client = resolveClientAddress(peer, headers["x-forwarded-for"], options.trustedProxies);
  if (!options.trustedProxies.has(normalizeAddress(peer) ?? "")) {
    for (const name of FORWARDING_HEADERS) delete headers[name];
  } else {
    if (!options.trustForwardedHost) delete headers["x-forwarded-host"];
    delete headers["x-real-ip"];
  }
  headers["x-forwarded-for"] = client;
  return client;
}
