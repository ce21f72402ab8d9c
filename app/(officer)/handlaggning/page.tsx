import { getTranslations } from "next-intl/server";
import { PageHeading } from "@/components/ui/page-heading";
import { OfficerTable } from "@/components/applications/officer-table";
import { requirePageRole } from "@/lib/server/actor";
import { listForOfficers } from "@/lib/server/applications";

export async function generateMetadata() {
  return { title: (await getTranslations("reviewer"))("title") };
}

export default async function ReviewerHome() {
  await requirePageRole(["REVIEWER", "ADMIN"]);
  const t = await getTranslations("reviewer");
  const rows = await listForOfficers({ in: ["SUBMITTED", "IN_REVIEW", "COMPLEMENT_REQUESTED", "PROPOSED"] });
  return (
    <>
      <PageHeading title={t("title")} lead={t("lead")} />
      <p className="mb-4 font-semibold" data-testid="count">{t("count", { count: rows.length })}</p>
      <OfficerTable rows={rows} caption={t("title")} />
    </>
  );
}
