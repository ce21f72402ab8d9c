import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";

/**
 * The namespaces every page's client components use (forms' common texts, the error page). The
 * sign-in and registration forms' texts ("auth") and the two-factor panel's ("twoFactor") go only
 * with the pages that show them.
 */
const SHARED_CLIENT_NAMESPACES = ["common", "errors"] as const;

/**
 * Gives the client components of one area the message namespaces they read, and no more: a page
 * sends only what its forms need (the public list, for instance, carries none of the wizard's
 * texts). A nested provider replaces the outer one's messages, so the shared namespaces come too.
 */
export async function AreaMessages({
  namespaces,
  children,
}: {
  namespaces: readonly string[];
  children: React.ReactNode;
}) {
  const messages = await getMessages();
  const picked = Object.fromEntries(
    [...SHARED_CLIENT_NAMESPACES, ...namespaces].map((ns) => [ns, messages[ns]]),
  );
  return <NextIntlClientProvider messages={picked}>{children}</NextIntlClientProvider>;
}
