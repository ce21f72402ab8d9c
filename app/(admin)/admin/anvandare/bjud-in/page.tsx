import Link from "next/link";
import { requirePageRole } from "@/lib/server/actor";
import { PageHeading } from "@/components/ui/page-heading";
import { SimpleForm } from "@/components/ui/simple-form";
import { inviteStaffAction } from "../actions";

export const metadata = { title: "Bjud in personal" };

export default async function InviteStaffPage() {
  await requirePageRole(["ADMIN"]);
  return (
    <>
      <p className="mb-2"><Link href="/admin/anvandare">Tillbaka till användare</Link></p>
      <PageHeading title="Bjud in personal" lead="Personen får ett mejl med en personlig länk där hen väljer sitt lösenord. Länken gäller i 7 dagar och kan användas en gång." />
      <SimpleForm id="invite" submitLabel="Skicka inbjudan" successText="Inbjudan är skickad." action={inviteStaffAction}
        fields={[
          { name: "name", type: "text", label: "Namn" },
          { name: "email", type: "email", label: "E-postadress" },
          { name: "role_REVIEWER", type: "checkbox", label: "Handläggare" },
          { name: "role_DECIDER", type: "checkbox", label: "Beslutsfattare" },
          { name: "role_ADMIN", type: "checkbox", label: "Administratör" },
        ]} />
    </>
  );
}
