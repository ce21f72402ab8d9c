import Link from "next/link";
import { requirePageRole } from "@/lib/server/actor";
import { outcomes, type OutcomeRow } from "@/lib/server/follow-up";
import { FOCUS_AREA_LABELS, TRACK_LABELS } from "@/lib/domain/labels";
import { countyName } from "@/lib/reference/counties";
import { PageHeading } from "@/components/ui/page-heading";
import { TableScroll } from "@/components/ui/table-scroll";
import { SimpleBarChart } from "@/components/charts/bar-chart";

export const metadata = { title: "Vad bidragen har åstadkommit" };

function Section({ id, title, rows, name }: { id: string; title: string; rows: OutcomeRow[]; name: (k: string) => string }) {
  return (
    <section aria-labelledby={id} className="mb-12">
      <h2 id={id} className="mb-3 text-2xl font-bold">{title}</h2>
      <SimpleBarChart title={`Deltagare ${title.toLowerCase()}`} label="Deltagare" dataKey="participants" data={rows.map((r) => ({ name: name(r.key), participants: r.women + r.men + r.other }))} />
      <TableScroll label={title}>
        <table className="mt-4 w-full border-collapse text-left text-sm">
          <caption className="sr-only">{title}</caption>
          <thead><tr className="border-b-2 border-ink"><th scope="col" className="py-2 pr-3"></th><th scope="col" className="py-2 pr-3 text-right">Rapporter</th><th scope="col" className="py-2 pr-3 text-right">Möten</th><th scope="col" className="py-2 pr-3 text-right">Kvinnor</th><th scope="col" className="py-2 pr-3 text-right">Män</th><th scope="col" className="py-2 pr-3 text-right">Annat/okänt</th><th scope="col" className="py-2 text-right">Samverkan</th></tr></thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} className="border-b border-line">
                <th scope="row" className="py-2 pr-3 font-normal">{name(r.key)}</th>
                <td className="py-2 pr-3 text-right">{r.reports}</td><td className="py-2 pr-3 text-right">{r.meetings}</td><td className="py-2 pr-3 text-right">{r.women}</td>
                <td className="py-2 pr-3 text-right">{r.men}</td><td className="py-2 pr-3 text-right">{r.other}</td><td className="py-2 text-right">{r.collaborations}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

export default async function OutcomesPage() {
  const actor = await requirePageRole(["REVIEWER", "DECIDER", "ADMIN"]);
  const o = await outcomes(actor);
  return (
    <>
      <p className="mb-2"><Link href="/uppfoljning">Tillbaka till uppföljning</Link></p>
      <PageHeading title="Vad bidragen har åstadkommit" lead="Summor ur alla inskickade och godkända rapporter: möten, deltagare och samverkan." />
      <p className="mb-8"><a href="/api/uppfoljning/resultat">Ladda ner siffrorna som CSV</a></p>
      <Section id="o-track" title="Per inriktning" rows={o.byTrack} name={(k) => TRACK_LABELS[k as keyof typeof TRACK_LABELS]?.split(" med")[0] ?? k} />
      <Section id="o-county" title="Per län" rows={o.byCounty} name={(k) => countyName(k) ?? k} />
      <Section id="o-focus" title="Per fokusområde" rows={o.byFocus} name={(k) => FOCUS_AREA_LABELS[k as keyof typeof FOCUS_AREA_LABELS] ?? k} />
    </>
  );
}
