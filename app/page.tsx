import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { SignInForm } from "@/components/auth/sign-in-form";
import { AreaMessages } from "@/components/layout/area-messages";
import { getActor, homeFor } from "@/lib/server/actor";
import { listOpenRounds } from "@/lib/server/rounds";
import { formatDate, formatSek, type UiLocale } from "@/lib/domain/format";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const t = await getTranslations("home");
  const locale = (await getLocale()) as UiLocale;
  const [actor, rounds] = await Promise.all([getActor(), listOpenRounds()]);
  const tracks = [
    ["trackKnowledge", "trackKnowledgeText"],
    ["trackCollaboration", "trackCollaborationText"],
    ["trackIntervention", "trackInterventionText"],
  ] as const;
  return (
    <div className="grid gap-10 lg:grid-cols-[2fr_1fr]">
      <div>
        <h1 className="text-3xl font-bold sm:text-5xl">{t("title")}</h1>
        <p className="mt-4 text-xl">{t("lead")}</p>

        <section aria-labelledby="rounds" className="mt-8">
          <h2 id="rounds" className="text-2xl font-bold">
            {t("openRounds")}
          </h2>
          {rounds.length ? (
            <ul className="mt-3 space-y-3">
              {rounds.map((round) => (
                <li key={round.id} className="border-l-4 border-accent bg-surface p-4">
                  <p className="font-semibold">{round.title}</p>
                  <p>{t("roundCloses", { date: formatDate(round.closesAt, locale) })}</p>
                  <p>{t("roundBudget", { amount: formatSek(round.budgetSek, locale) })}</p>
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-3">{t("noOpenRounds")}</p>
          )}
        </section>

        <section aria-labelledby="who" className="mt-8">
          <h2 id="who" className="text-2xl font-bold">
            {t("whoTitle")}
          </h2>
          <p className="mt-2">{t("who")}</p>
        </section>

        <section aria-labelledby="tracks" className="mt-8">
          <h2 id="tracks" className="text-2xl font-bold">
            {t("tracksTitle")}
          </h2>
          <ul className="mt-3 space-y-4">
            {tracks.map(([title, text]) => (
              <li key={title}>
                <h3 className="text-lg font-semibold">{t(title)}</h3>
                <p>{t(text)}</p>
              </li>
            ))}
          </ul>
        </section>

        <section aria-labelledby="how" className="mt-8">
          <h2 id="how" className="text-2xl font-bold">
            {t("howTitle")}
          </h2>
          <ol className="mt-3 list-decimal space-y-1 pl-6">
            {(["how1", "how2", "how3", "how4"] as const).map((key) => (
              <li key={key}>{t(key)}</li>
            ))}
          </ol>
        </section>
      </div>

      <aside
        aria-labelledby="sign-in-heading"
        className="self-start border-t-4 border-accent bg-surface p-6"
      >
        {actor ? (
          <>
            <h2 id="sign-in-heading" className="mb-4 text-xl font-bold">
              {actor.name}
            </h2>
            <ButtonLink href={homeFor(actor)}>{t("ctaSignIn")}</ButtonLink>
          </>
        ) : (
          <>
            <h2 id="sign-in-heading" className="mb-4 text-xl font-bold">
              {t("ctaSignIn")}
            </h2>
            <AreaMessages namespaces={["auth"]}>
              <SignInForm />
            </AreaMessages>
            <p className="mt-6">
              <Link href="/registrera">{t("ctaStart")}</Link>
            </p>
          </>
        )}
      </aside>
    </div>
  );
}
