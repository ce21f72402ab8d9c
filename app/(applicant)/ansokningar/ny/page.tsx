import Link from "next/link";
import { requirePageRole } from "@/lib/server/actor";
import { listMyOrganisations } from "@/lib/server/organisations";
import { listOpenRounds } from "@/lib/server/rounds";
import { formatDate } from "@/lib/domain/format";
import { PageHeading } from "@/components/ui/page-heading";
import { StartApplicationForm } from "@/components/applications/start-application-form";

export const metadata = { title: "Ny ansökan" };

export default async function NewApplicationPage({ searchParams }: { searchParams: Promise<{ organisation?: string }> }) {
  const actor = await requirePageRole(["APPLICANT"]);
  const [organisations, rounds, { organisation }] = await Promise.all([listMyOrganisations(actor), listOpenRounds(), searchParams]);
  return (
    <>
      <PageHeading title="Ny ansökan" lead="Välj organisation och utlysning. Sedan fyller du i ansökan i den ordning som passar dig – allt sparas medan du skriver." />
      {organisations.length === 0 ? (
        <p>Lägg först till er organisation: <Link href="/organisationer/ny">Lägg till organisation</Link>.</p>
      ) : rounds.length === 0 ? (
        <p>Det finns ingen öppen utlysning just nu.</p>
      ) : (
        <StartApplicationForm selected={organisation}
          organisations={organisations.map((o) => ({ value: o.id, label: `${o.name} (${o.orgNumber})` }))}
          rounds={rounds.map((r) => ({ value: r.id, label: `${r.title} – sista dag ${formatDate(r.closesAt)}` }))} />
      )}
    </>
  );
}
