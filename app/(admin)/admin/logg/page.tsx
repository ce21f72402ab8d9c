import Link from "next/link";
import { requirePageRole } from "@/lib/server/actor";
import { readAuditLog } from "@/lib/server/audit-log";
import { AuditFilterInput } from "@/lib/validation/audit";
import { formatDateTime } from "@/lib/domain/format";
import { PageHeading } from "@/components/ui/page-heading";
import { TableScroll } from "@/components/ui/table-scroll";

export const metadata = { title: "Granskningslogg" };

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const actor = await requirePageRole(["ADMIN"]);
  const raw = await searchParams;
  const filter = AuditFilterInput.parse(raw);
  const { rows, next } = await readAuditLog(actor, filter);
  const params = new URLSearchParams(Object.entries(raw).filter(([k, v]) => k !== "before" && v));
  const input = "mt-1 block rounded border-2 border-ink px-2 py-1";
  return (
    <>
      <p className="mb-2"><Link href="/admin">Tillbaka till administration</Link></p>
      <PageHeading title="Granskningslogg" lead="Varje statusändring, beslut, export och nekad åtkomst, med vem, när och före/efter. Loggen kan inte ändras." />
      <form method="get" className="mb-6 grid gap-4 sm:grid-cols-3">
        <label className="font-semibold">Vem (e-post)<input name="actor" defaultValue={filter.actor} className={input} /></label>
        <label className="font-semibold">Typ av post<input name="entity" defaultValue={filter.entity} placeholder="Application" className={input} /></label>
        <label className="font-semibold">Händelse<input name="action" defaultValue={filter.action} placeholder="decision" className={input} /></label>
        <label className="font-semibold">Från<input type="date" name="from" defaultValue={filter.from} className={input} /></label>
        <label className="font-semibold">Till<input type="date" name="to" defaultValue={filter.to} className={input} /></label>
        <div className="flex items-end gap-3"><button type="submit" className="rounded bg-accent px-4 py-2 font-semibold text-white">Filtrera</button><Link href="/admin/logg" className="py-2">Rensa</Link></div>
      </form>
      <p className="mb-4"><a href={`/api/admin/logg?${params.toString()}`}>Exportera som CSV</a></p>
      <TableScroll label="Granskningslogg">
        <table className="w-full border-collapse text-left text-sm">
          <thead><tr className="border-b-2 border-ink"><th scope="col" className="py-2 pr-3">Tid</th><th scope="col" className="py-2 pr-3">Vem</th><th scope="col" className="py-2 pr-3">Händelse</th><th scope="col" className="py-2 pr-3">Post</th><th scope="col" className="py-2">Före → efter</th></tr></thead>
          <tbody data-testid="audit-rows">
            {rows.map((e) => (
              <tr key={e.id.toString()} className="border-b border-line align-top">
                <td className="py-2 pr-3 whitespace-nowrap">{formatDateTime(e.at)}</td>
                <td className="py-2 pr-3">{e.actor ? `${e.actor.name} (${e.actor.email})` : "System eller utomstående"}</td>
                <td className="py-2 pr-3">{e.action}</td>
                <td className="py-2 pr-3">{e.entityType} {e.entityId ?? ""}</td>
                <td className="py-2 font-mono text-xs break-all">{e.before ? JSON.stringify(e.before) : ""}{e.after ? ` → ${JSON.stringify(e.after)}` : ""}{e.meta ? ` ${JSON.stringify(e.meta)}` : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {next ? <p className="mt-4"><Link href={`/admin/logg?${params.toString()}${params.size ? "&" : ""}before=${next}`}>Äldre händelser</Link></p> : null}
    </>
  );
}
