import { requirePageRole } from "@/lib/server/actor";
import { statistics, type StatRow } from "@/lib/server/statistics";
import { FOCUS_AREA_LABELS, TRACK_LABELS } from "@/lib/domain/labels";
import { countyName } from "@/lib/reference/counties";
import { municipalityName } from "@/lib/reference/municipalities";
import { formatSek } from "@/lib/domain/format";
import { PageHeading } from "@/components/ui/page-heading";
import { TableScroll } from "@/components/ui/table-scroll";
import { SimpleBarChart } from "@/components/charts/bar-chart";

export const metadata = { title: "Statistik" };

function Section({ id, title, rows, name }: { id: string; title: string; rows: StatRow[]; name: (key: string) => string }) {
  const data = rows.map((r) => ({ name: name(r.key), approvedSek: r.approvedSek, applications: r.applications }));
  return (
    <section aria-labelledby={id} className="mb-12">
      <h2 id={id} className="mb-3 text-2xl font-bold">{title}</h2>
      <SimpleBarChart data={data} dataKey="approvedSek" label="Beviljat (kr)" title={title} />
      <TableScroll label={title}>
        <table className="mt-4 w-full border-collapse text-left text-sm">
          <caption className="sr-only">{title}</caption>
          <thead><tr className="border-b-2 border-ink"><th scope="col" className="py-2 pr-3"></th><th scope="col" className="py-2 pr-3 text-right">Ansökningar</th><th scope="col" className="py-2 pr-3 text-right">Beviljade</th><th scope="col" className="py-2 text-right">Beviljat belopp</th></tr></thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} className="border-b border-line">
                <th scope="row" className="py-2 pr-3 font-normal">{name(r.key)}</th>
                <td className="py-2 pr-3 text-right">{r.applications}</td>
                <td className="py-2 pr-3 text-right">{r.approved}</td>
                <td className="py-2 text-right whitespace-nowrap">{formatSek(r.approvedSek)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

export default async function StatisticsPage({ searchParams }: { searchParams: Promise<{ round?: string }> }) {
  const actor = await requirePageRole(["REVIEWER", "DECIDER", "ADMIN"]);
  const { round } = await searchParams;
  const s = await statistics(actor, round || undefined);
  return (
    <>
      <PageHeading title="Statistik" lead="Ansökningar och beviljade belopp per inriktning, län och fokusområde. Varje diagram har samma siffror i en tabell." />
      <form method="get" className="mb-8 flex items-end gap-3">
        <label className="font-semibold">Utlysning
          <select name="round" defaultValue={round ?? ""} className="mt-1 block rounded border-2 border-ink px-2 py-1">
            <option value="">Alla utlysningar</option>{s.rounds.map((r) => <option key={r.id} value={r.id}>{r.title}</option>)}
          </select>
        </label>
        <button type="submit" className="rounded bg-accent px-4 py-2 font-semibold text-white">Visa</button>
      </form>
      <p className="mb-8 text-lg" data-testid="approval-rate">
        Andel beviljade av beslutade ansökningar: <strong>{s.approvalRate === null ? "–" : `${Math.round(s.approvalRate * 100)} %`}</strong> ({s.approvedCount} av {s.decidedCount}).
      </p>
      <Section id="by-track" title="Per inriktning" rows={s.byTrack} name={(k) => TRACK_LABELS[k as keyof typeof TRACK_LABELS]?.split(" med")[0] ?? k} />
      <Section id="by-county" title="Per län" rows={s.byCounty} name={(k) => countyName(k) ?? k} />
      <Section id="by-municipality" title="Per kommun" rows={s.byMunicipality} name={(k) => municipalityName(k) ?? k} />
      <Section id="by-focus" title="Per fokusområde" rows={s.byFocus} name={(k) => FOCUS_AREA_LABELS[k as keyof typeof FOCUS_AREA_LABELS] ?? k} />
      <section aria-labelledby="budget" className="mb-12">
        <h2 id="budget" className="mb-3 text-2xl font-bold">Budgetutnyttjande per utlysning</h2>
        <SimpleBarChart data={s.rounds.map((r) => ({ name: r.title, approvedSek: r.approvedSek }))} dataKey="approvedSek" label="Beviljat (kr)" title="Budgetutnyttjande per utlysning" />
        <TableScroll label="Budgetutnyttjande per utlysning">
          <table className="mt-4 w-full border-collapse text-left text-sm">
            <thead><tr className="border-b-2 border-ink"><th scope="col" className="py-2 pr-3">Utlysning</th><th scope="col" className="py-2 pr-3 text-right">Budgetram</th><th scope="col" className="py-2 pr-3 text-right">Beviljat</th><th scope="col" className="py-2 text-right">Andel</th></tr></thead>
            <tbody>
              {s.rounds.map((r) => (
                <tr key={r.id} className="border-b border-line">
                  <th scope="row" className="py-2 pr-3 font-normal">{r.title}</th>
                  <td className="py-2 pr-3 text-right whitespace-nowrap">{formatSek(r.budgetSek)}</td>
                  <td className="py-2 pr-3 text-right whitespace-nowrap">{formatSek(r.approvedSek)}</td>
                  <td className="py-2 text-right">{Math.round((r.approvedSek / r.budgetSek) * 1000) / 10} %</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>
    </>
  );
}
