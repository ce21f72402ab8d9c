import Link from "next/link";
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
  const tj = await getTranslations("organisations.join");
  return (
    <>
      <PageHeading title={t("title")} lead={t("lead")} />
      <p className="-mt-4 mb-8 max-w-2xl text-lg">
        {tj.rich("joinInstead", {
          link: (chunks) => <Link href="/organisationer/ga-med">{chunks}</Link>,
        })}
      </p>
      <OrganisationForm createOrganisation={createOrganisationAction} />
    </>
  );
}
