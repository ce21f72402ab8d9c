import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { UiLocale } from "@/lib/domain/format";
import { requirePageRole } from "@/lib/server/actor";
import { PageHeading } from "@/components/ui/page-heading";
import { SimpleForm } from "@/components/ui/simple-form";
import { roundFields } from "@/components/admin/round-fields";
import { saveRoundAction } from "../actions";

export async function generateMetadata() {
  return { title: (await getTranslations("admin.round"))("newTitle") };
}

export default async function NewRoundPage() {
  await requirePageRole(["ADMIN"]);
  const year = new Date().getFullYear() + 1;
  const t = await getTranslations("admin");
  const tf = await getTranslations("admin.roundForm");
  const locale = (await getLocale()) as UiLocale;
  return (
    <>
      <p className="mb-2">
        <Link href="/admin">{t("backToAdmin")}</Link>
      </p>
      <PageHeading title={t("round.newTitle")} lead={t("round.newLead")} />
      <SimpleForm
        id="round"
        submitLabel={t("round.create")}
        action={saveRoundAction.bind(null, null)}
        // The suggested name is data (the call keeps it in every language), so it stays Swedish.
        fields={roundFields((key, values) => tf(key, values), locale, {
          title: `Statsbidrag mot segregation ${year}`,
          year,
          budgetSek: 25_000_000,
        })}
      />
    </>
  );
}
