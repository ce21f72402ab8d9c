// Personal links are bearer credentials: whoever holds one can use it (a staff invitation, a
// partner's letter of intent, an organisation invitation, a verification or reset link). Mails
// carry them; anything that shows a mail to someone else (the admin outbox) masks them first.
//
// A link counts as bearing a secret when
//   - its path runs through a route that takes a token (TOKEN_ROUTES: the segment after the
//     prefix is the token, whatever it looks like), or
//   - any path segment has the shape of a token (lib/server/tokens.ts: 32 random bytes in
//     base64url, 43 characters; anything of 32 or more such characters is treated alike), or
//   - a query parameter is named like a secret (token, code, key …) or has a token-shaped value.

/** Routes whose next path segment is a token. tests/unit/bearer-links.test.ts keeps this in step with app/. */
export const TOKEN_ROUTES = [
  "/personal/inbjudan/",
  "/inbjudan/",
  "/avsiktsforklaring/",
  "/bekrafta-epost/",
] as const;

export const MASK = "••••••";

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'()]+/gi;
const TOKEN_SHAPED = /^[A-Za-z0-9_-]{32,}={0,2}$/;
const SECRET_PARAM = /^(token|code|key|secret|signature|sig|otp|auth|access_token|t)$/i;

const maskPath = (path: string): string => {
  for (const prefix of TOKEN_ROUTES) {
    // The prefix starts with "/", so it matches whole segments (at the root or under a base path).
    const at = path.indexOf(prefix);
    if (at >= 0) {
      const rest = path.slice(at + prefix.length);
      if (rest !== "") {
        const end = rest.indexOf("/");
        return `${path.slice(0, at + prefix.length)}${MASK}${end >= 0 ? maskPath(rest.slice(end)) : ""}`;
      }
    }
  }
  return path
    .split("/")
    .map((segment) => (TOKEN_SHAPED.test(segment) ? MASK : segment))
    .join("/");
};

const maskQuery = (query: string): string =>
  query
    .split("&")
    .map((pair) => {
      const eq = pair.indexOf("=");
      if (eq < 0) return TOKEN_SHAPED.test(pair) ? MASK : pair;
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      return SECRET_PARAM.test(name) || TOKEN_SHAPED.test(value) ? `${name}=${MASK}` : pair;
    })
    .join("&");

/** One link with its secrets replaced by MASK; the rest (origin, route) stays readable. */
export function maskBearerUrl(url: string): string {
  const match = /^(https?:\/\/[^/?#]*)([^?#]*)(\?[^#]*)?(#.*)?$/i.exec(url);
  if (!match) return url;
  const [, origin, path, query = "", fragment = ""] = match;
  const maskedQuery = query ? `?${maskQuery(query.slice(1))}` : "";
  // A fragment never reaches the server but may still carry a secret: it is dropped if non-empty.
  return `${origin}${maskPath(path)}${maskedQuery}${fragment.length > 1 ? `#${MASK}` : fragment}`;
}

/** The text with every bearer link in it masked (mail text shown in the outbox). */
export const maskBearerLinks = (text: string): string =>
  text.replace(URL_PATTERN, (url) => {
    // Punctuation that ends the sentence is not part of the link.
    const trail = /[.,;:!?]+$/.exec(url)?.[0] ?? "";
    return maskBearerUrl(url.slice(0, url.length - trail.length)) + trail;
  });
