import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ konto?: string | string[] }> };

export async function generateMetadata({ searchParams }: Props) {
  const t = await getTranslations("admin.staffInvitation");
  const existing = (await searchParams).konto === "befintligt";
  return { title: existing ? t("doneExistingTitle") : t("doneNewTitle"), robots: { index: false } };
}

/**
 * Where an accepted staff invitation ends: what happened and what to do next. `konto` says whether
 * a new account was created or the roles were added to an existing one (whose sessions ended).
 */
export default async function StaffWelcomePage({ searchParams }: Props) {
  const existing = (await searchParams).konto === "befintligt";
  const t = await getTranslations("admin.staffInvitation");
  return (
    <div className="max-w-2xl">
      <div className="mb-8 bg-success p-6 text-white" data-testid="invitation-accepted">
        <h1 className="text-3xl font-bold">
          {existing ? t("doneExistingTitle") : t("doneNewTitle")}
        </h1>
        <p className="mt-3 text-xl">{existing ? t("doneExisting") : t("doneNew")}</p>
      </div>
      <h2 className="mb-2 text-2xl font-bold">{t("nextTitle")}</h2>
      <ol className="mb-6 list-decimal space-y-2 pl-6">
        {(["next1", "next2", "next3"] as const).map((key) => (
          <li key={key}>{t(key)}</li>
        ))}
      </ol>
      <ButtonLink href="/logga-in">{t("signInNow")}</ButtonLink>
    </div>
  );
}
