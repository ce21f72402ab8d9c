import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/server/actor";
import { unreadCount } from "@/lib/server/notifications";
import { ROLE_HOME, type Role } from "@/lib/domain/roles";
import { LanguageSwitch } from "./language-switch";
import { SignOutButton } from "./sign-out-button";

const NAV: {
  roles: Role[];
  key: "applicant" | "reviewer" | "decider" | "admin" | "followUp";
  href?: string;
}[] = [
  { roles: ["APPLICANT"], key: "applicant" },
  { roles: ["REVIEWER"], key: "reviewer" },
  { roles: ["DECIDER"], key: "decider" },
  { roles: ["ADMIN"], key: "admin" },
  // Deciders attest instalments and decide repayment claims there; administrators pay them.
  { roles: ["REVIEWER", "DECIDER", "ADMIN"], key: "followUp", href: "/uppfoljning" },
];

export async function SiteHeader() {
  const actor = await getActor();
  const t = await getTranslations();
  const unread = actor ? await unreadCount(actor) : 0;
  return (
    <header className="border-b-8 border-accent bg-ink text-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-4 px-4 py-3 sm:px-6">
        <Link href="/" className="text-2xl font-bold text-white no-underline hover:text-white">
          {t("common.appName")}
          <span className="ml-3 hidden text-base font-normal sm:inline">{t("common.agency")}</span>
        </Link>
        <div className="flex flex-wrap items-center gap-4">
          <LanguageSwitch />
          {actor ? (
            <>
              <Link
                href="/notiser"
                className="text-sm font-semibold text-white hover:text-white"
                data-testid="notification-count"
              >
                {t("common.notifications", { count: unread })}
              </Link>
              <span className="text-sm">{t("common.signedInAs", { name: actor.name })}</span>
              <SignOutButton label={t("common.signOut")} />
            </>
          ) : (
            <Link href="/logga-in" className="font-semibold text-white hover:text-white">
              {t("common.signIn")}
            </Link>
          )}
        </div>
      </div>
      <nav aria-label={t("common.mainNav")} className="bg-accent-dark">
        <ul className="mx-auto flex max-w-5xl flex-wrap gap-x-6 gap-y-1 px-4 py-2 sm:px-6">
          {NAV.filter((item) => item.roles.some((r) => actor?.roles.includes(r))).map((item) => (
            <li key={item.key}>
              <Link
                href={item.href ?? ROLE_HOME[item.roles[0]]}
                className="font-semibold text-white hover:text-white"
              >
                {t(`nav.${item.key}`)}
              </Link>
            </li>
          ))}
          <li>
            <Link href="/beviljade" className="text-white hover:text-white">
              {t("nav.granted")}
            </Link>
          </li>
          <li>
            <Link href="/erfarenheter" className="text-white hover:text-white">
              {t("nav.examples")}
            </Link>
          </li>
        </ul>
      </nav>
    </header>
  );
}
