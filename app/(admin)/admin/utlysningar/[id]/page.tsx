import Link from "next/link";
import { requirePageRole } from "@/lib/server/actor";
import { getRound } from "@/lib/server/rounds";
import { orNotFound } from "@/lib/server/page";
import { utcToStockholmLocal } from "@/lib/domain/dates";
import { PageHeading } from "@/components/ui/page-heading";
import { SimpleForm } from "@/components/ui/simple-form";
import { roundFields } from "@/components/admin/round-fields";
import { roundStatusAction, saveRoundAction } from "../actions";

export const metadata = { title: "Utlysning" };
const STATUS = { PLANNED: "Planerad", OPEN: "Öppen", CLOSED: "Stängd" } as const;

export default async function RoundPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageRole(["ADMIN"]);
  const round = await orNotFound(getRound(actor, id));
  return (
    <>
      <p className="mb-2"><Link href="/admin">Tillbaka till administration</Link></p>
      <PageHeading title={round.title} lead={`Status: ${STATUS[round.status]}. Ansökningar tas emot när utlysningen är öppen och tiden är inne.`} />
      <div className="mb-10">
        <SimpleForm id="round-status" submitLabel={round.status === "OPEN" ? "Stäng utlysningen" : "Öppna utlysningen"} variant={round.status === "OPEN" ? "warning" : "primary"}
          action={roundStatusAction.bind(null, id)} fields={[]} successText="Klart." />
      </div>
      <h2 className="mb-4 text-2xl font-bold">Ändra utlysningen</h2>
      <SimpleForm id="round" submitLabel="Spara ändringarna" successText="Ändringarna är sparade." action={saveRoundAction.bind(null, id)}
        fields={roundFields({
          title: round.title, year: round.year, opensAt: utcToStockholmLocal(round.opensAt), closesAt: utcToStockholmLocal(round.closesAt),
          budgetSek: round.budgetSek, acceptedTracks: round.acceptedTracks, longestPeriodMonths: round.longestPeriodMonths,
        })} />
    </>
  );
}
