import { getLocale, getTranslations } from "next-intl/server";
import { findLetterLink } from "@/lib/server/letters";
import { formatDate, type UiLocale } from "@/lib/domain/format";
import { PartnerAnswer } from "@/components/wizard/partner-answer";
import { confirmLetterAction, declineLetterAction } from "./actions";

export const dynamic = "force-dynamic";
export async function generateMetadata() {
  return {
    title: (await getTranslations("letters.partner"))("metaTitle"),
    robots: { index: false },
  };
}

export default async function PartnerLetterPage({
  params,
}: {
  params: Promise<{ token: string }>;
}) {
  const { token } = await params;
  const link = await findLetterLink(token);
  const t = await getTranslations("letters.partner");
  const locale = (await getLocale()) as UiLocale;
  if (link.state !== "valid") {
    return (
      <div className="max-w-2xl" data-testid="link-refused">
        <h1 className="text-3xl font-bold">{t(`${link.state}Title`)}</h1>
        <p className="mt-4 text-lg">{t(`${link.state}Text`)}</p>
      </div>
    );
  }
  return (
    <div className="max-w-3xl">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="mt-2 text-lg text-muted">
        {t("lead", { organisation: link.organisation, partner: link.partner })}
      </p>
      <dl className="my-8 divide-y divide-line border-y border-line">
        {[
          [t("project"), link.title],
          [t("applicant"), link.organisation],
          [t("partner"), link.partner],
          [t("role"), link.role],
          [t("activities"), link.activities || "–"],
          [t("competences"), link.competences],
          [t("resources"), link.resources],
          [
            t("period"),
            link.from && link.to
              ? `${formatDate(link.from, locale)} – ${formatDate(link.to, locale)}`
              : "–",
          ],
        ].map(([label, value]) => (
          <div key={label} className="grid gap-2 py-3 sm:grid-cols-[1fr_2fr]">
            <dt className="font-semibold">{label}</dt>
            <dd className="whitespace-pre-line">{value}</dd>
          </div>
        ))}
      </dl>
      <PartnerAnswer
        token={token}
        confirmLetter={confirmLetterAction}
        declineLetter={declineLetterAction}
      />
    </div>
  );
}
