import { requirePageRole } from "@/lib/server/actor";
import { PageHeading } from "@/components/ui/page-heading";
import { OrganisationForm } from "@/components/applications/organisation-form";

export const metadata = { title: "Lägg till organisation" };

export default async function NewOrganisationPage() {
  await requirePageRole(["APPLICANT"]);
  return (
    <>
      <PageHeading title="Lägg till er organisation" lead="Ansökan görs i organisationens namn. Om organisationen redan finns i Samverka ber du någon som är med att bjuda in dig i stället." />
      <OrganisationForm />
    </>
  );
}
