import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeading } from "@/components/ui/page-heading";
import { OfficerTable } from "@/components/applications/officer-table";
import { requirePageRole } from "@/lib/server/actor";
import { listDecidable } from "@/lib/server/applications";

export async function generateMetadata() {
  return { title: (await getTranslations("decider"))("title") };
}

export default async function DeciderHome() {
  const actor = await requirePageRole(["DECIDER"]);
  const t = await getTranslations("decider");
  const rows = await listDecidable(actor);
  return (
    <>
      <PageHeading title={t("title")} lead={t("lead")} />
      <p className="mb-6">
        <Link href="/beslut/mote">{t("meetingLink")}</Link>
      </p>
      <OfficerTable rows={rows} caption={t("title")} />
    </>
  );
}
