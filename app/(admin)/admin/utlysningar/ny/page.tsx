import Link from "next/link";
import { requirePageRole } from "@/lib/server/actor";
import { PageHeading } from "@/components/ui/page-heading";
import { SimpleForm } from "@/components/ui/simple-form";
import { roundFields } from "@/components/admin/round-fields";
import { saveRoundAction } from "../actions";

export const metadata = { title: "Ny utlysning" };

export default async function NewRoundPage() {
  await requirePageRole(["ADMIN"]);
  const year = new Date().getFullYear() + 1;
  return (
    <>
      <p className="mb-2"><Link href="/admin">Tillbaka till administration</Link></p>
      <PageHeading title="Ny utlysning" lead="En ny utlysning är planerad tills du öppnar den. Tiderna gäller svensk tid." />
      <SimpleForm id="round" submitLabel="Skapa utlysningen" successText="Utlysningen är skapad. Du hittar den på sidan för administration." action={saveRoundAction.bind(null, null)}
        fields={roundFields({ title: `Statsbidrag mot segregation ${year}`, year, budgetSek: 25_000_000 })} />
    </>
  );
}
