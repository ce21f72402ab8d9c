import { getTranslations } from "next-intl/server";
import { requirePageRole } from "@/lib/server/actor";
import { PageHeading } from "@/components/ui/page-heading";
import { OrganisationForm } from "@/components/applications/organisation-form";
import { createOrganisationAction } from "../actions";

export async function generateMetadata() {
  return { title: (await getTranslations("organisations.new"))("metaTitle") };
}

export default async function NewOrganisationPage() {
  await requirePageRole(["APPLICANT"]);
  const t = await getTranslations("organisations.new");
  return (
    <>
      <PageHeading title={t("title")} lead={t("lead")} />
      <OrganisationForm createOrganisation={createOrganisationAction} />
    </>
  );
}
