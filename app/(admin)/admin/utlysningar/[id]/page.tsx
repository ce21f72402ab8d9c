import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { isoDate, type UiLocale } from "@/lib/domain/format";
import { requirePageRole } from "@/lib/server/actor";
import { getRound } from "@/lib/server/rounds";
import { orNotFound } from "@/lib/server/page";
import { utcToStockholmLocal } from "@/lib/domain/dates";
import { PageHeading } from "@/components/ui/page-heading";
import { SimpleForm } from "@/components/ui/simple-form";
import { SuccessMessage } from "@/components/ui/success-message";
import { roundFields } from "@/components/admin/round-fields";
import { roundStatusAction, saveRoundAction } from "../actions";

export async function generateMetadata() {
  return { title: (await getTranslations("admin.round"))("metaTitle") };
}

export default async function RoundPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  // Creating a round lands here; the page says so once.
  const created = (await searchParams).skapad === "1";
  const actor = await requirePageRole(["ADMIN"]);
  const round = await orNotFound(getRound(actor, id));
  const t = await getTranslations("admin");
  const tf = await getTranslations("admin.roundForm");
  const locale = (await getLocale()) as UiLocale;
  return (
    <>
      <p className="mb-2">
        <Link href="/admin">{t("backToAdmin")}</Link>
      </p>
      <PageHeading
        title={round.title}
        lead={t("round.lead", { status: t(`roundStatus${round.status}`) })}
      />
      {created ? (
        <SuccessMessage className="mb-6" testId="round-created">
          {t("round.created")}
        </SuccessMessage>
      ) : null}
      <div className="mb-10">
        <SimpleForm
          id="round-status"
          submitLabel={round.status === "OPEN" ? t("round.close") : t("round.open")}
          variant={round.status === "OPEN" ? "warning" : "primary"}
          action={roundStatusAction.bind(null, id)}
          fields={[]}
          successText={t("done")}
        />
      </div>
      <h2 className="mb-4 text-2xl font-bold">{t("round.editTitle")}</h2>
      <SimpleForm
        id="round"
        submitLabel={t("round.save")}
        successText={t("round.saved")}
        action={saveRoundAction.bind(null, id)}
        fields={roundFields((key, values) => tf(key, values), locale, {
          title: round.title,
          year: round.year,
          opensAt: utcToStockholmLocal(round.opensAt),
          closesAt: utcToStockholmLocal(round.closesAt),
          budgetSek: round.budgetSek,
          acceptedTracks: round.acceptedTracks,
          longestPeriodMonths: round.longestPeriodMonths,
          reviewsRequired: round.reviewsRequired,
          targetDecisionOn: round.targetDecisionOn ? isoDate(round.targetDecisionOn) : "",
        })}
      />
    </>
  );
}
