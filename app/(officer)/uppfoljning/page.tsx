import Link from "next/link";
import { requirePageRole } from "@/lib/server/actor";
import { listGrants, overdueReports } from "@/lib/server/follow-up";
import { formatDate, formatSek } from "@/lib/domain/format";
import { PageHeading } from "@/components/ui/page-heading";
import { TableScroll } from "@/components/ui/table-scroll";

export const metadata = { title: "Uppföljning" };

export default async function FollowUpPage() {
  const actor = await requirePageRole(["REVIEWER", "DECIDER", "ADMIN"]);
  const [grants, overdue] = await Promise.all([listGrants(actor), overdueReports(actor)]);
  const year = new Date().getFullYear();
  return (
    <>
      <PageHeading title="Uppföljning" lead="Beviljade bidrag: delbetalningar, lägesrapporter och slutredovisningar." />
      <p className="mb-6 flex flex-wrap gap-6"><Link href="/uppfoljning/resultat">Vad bidragen har åstadkommit</Link></p>
      <section aria-labelledby="overdue" className="mb-10">
        <h2 id="overdue" className="mb-2 text-2xl font-bold">Försenade rapporter ({overdue.length})</h2>
        <ul className="list-disc pl-6" data-testid="overdue">
          {overdue.map((r) => <li key={r.id}><Link href={`/uppfoljning/${r.application.id}`}>{r.application.referenceNumber}</Link> {r.application.organisation.name}: {r.kind === "FINAL" ? "slutredovisning" : "lägesrapport"} senast {formatDate(r.dueDate)}</li>)}
        </ul>
      </section>
      {actor.roles.includes("ADMIN") ? (
        <section aria-labelledby="payments" className="mb-10">
          <h2 id="payments" className="mb-2 text-2xl font-bold">Betalfil till ekonomisystemet</h2>
          <form method="get" action="/api/admin/betalfil" className="flex flex-wrap items-end gap-4">
            <label className="font-semibold">Förfaller från<input type="date" name="from" defaultValue={`${year}-01-01`} className="mt-1 block rounded border-2 border-ink px-2 py-1" /></label>
            <label className="font-semibold">till<input type="date" name="to" defaultValue={`${year + 1}-12-31`} className="mt-1 block rounded border-2 border-ink px-2 py-1" /></label>
            <button type="submit" className="rounded bg-accent px-4 py-2 font-semibold text-white">Ladda ner betalfil (CSV)</button>
          </form>
        </section>
      ) : null}
      <TableScroll label="Beviljade bidrag">
        <table className="w-full border-collapse text-left text-sm">
          <thead><tr className="border-b-2 border-ink"><th scope="col" className="py-2 pr-3">Diarienummer</th><th scope="col" className="py-2 pr-3">Organisation</th><th scope="col" className="py-2 pr-3">Delbetalningar</th><th scope="col" className="py-2">Rapporter</th></tr></thead>
          <tbody>
            {grants.map((g) => (
              <tr key={g.id} className="border-b border-line align-top">
                <td className="py-2 pr-3"><Link href={`/uppfoljning/${g.id}`}>{g.referenceNumber}</Link></td>
                <td className="py-2 pr-3">{g.organisation.name}<br /><span className="text-muted">{g.title}</span></td>
                <td className="py-2 pr-3">{g.instalments.map((i) => `${i.number}: ${formatSek(i.amountSek)} (${({ PLANNED: "planerad", RELEASED: "frisläppt", PAID: "betald" } as const)[i.status]})`).join(", ")}</td>
                <td className="py-2">{g.reports.map((r) => `${r.kind === "FINAL" ? "Slut" : "Läges"}: ${({ NOT_STARTED: "ej påbörjad", DRAFT: "utkast", SUBMITTED: "inskickad", COMPLEMENT_REQUESTED: "komplettering", ACCEPTED: "godkänd" } as const)[r.status]}`).join(", ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
