import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePageRole } from "@/lib/server/actor";
import { PageHeading } from "@/components/ui/page-heading";
import { JoinOrganisationForm } from "@/components/applications/join-organisation-form";
import { findOrganisationToJoinAction, requestMembershipAction } from "../actions";

export async function generateMetadata() {
  return { title: (await getTranslations("organisations.join"))("metaTitle") };
}

export default async function JoinOrganisationPage() {
  await requirePageRole(["APPLICANT"]);
  const t = await getTranslations("organisations.join");
  return (
    <>
      <PageHeading title={t("title")} lead={t("lead")} />
      <JoinOrganisationForm find={findOrganisationToJoinAction} request={requestMembershipAction} />
      <p className="mt-10">
        {t.rich("newInstead", {
          link: (chunks) => <Link href="/organisationer/ny">{chunks}</Link>,
        })}
      </p>
    </>
  );
}
