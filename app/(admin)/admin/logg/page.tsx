import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePageRole } from "@/lib/server/actor";
import { readAuditLog } from "@/lib/server/audit-log";
import { AuditFilterInput } from "@/lib/validation/audit";
import { formatDateTime, type UiLocale } from "@/lib/domain/format";
import { PageHeading } from "@/components/ui/page-heading";
import { TableScroll } from "@/components/ui/table-scroll";

export async function generateMetadata() {
  return { title: (await getTranslations("admin.log"))("title") };
}

export default async function AuditLogPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string>>;
}) {
  const actor = await requirePageRole(["ADMIN"]);
  const raw = await searchParams;
  const filter = AuditFilterInput.parse(raw);
  const { rows, next } = await readAuditLog(actor, filter);
  const params = new URLSearchParams(Object.entries(raw).filter(([k, v]) => k !== "before" && v));
  const input = "mt-1 block rounded border-2 border-ink px-2 py-1";
  const t = await getTranslations("admin.log");
  const ta = await getTranslations("admin");
  const locale = (await getLocale()) as UiLocale;
  return (
    <>
      <p className="mb-2">
        <Link href="/admin">{ta("backToAdmin")}</Link>
      </p>
      <PageHeading title={t("title")} lead={t("lead")} />
      <form method="get" className="mb-6 grid gap-4 sm:grid-cols-3">
        <label className="font-semibold">
          {t("actor")}
          <input name="actor" defaultValue={filter.actor} className={input} />
        </label>
        <label className="font-semibold">
          {t("entity")}
          <input
            name="entity"
            defaultValue={filter.entity}
            placeholder="Application"
            className={input}
          />
        </label>
        <label className="font-semibold">
          {t("action")}
          <input
            name="action"
            defaultValue={filter.action}
            placeholder="decision"
            className={input}
          />
        </label>
        <label className="font-semibold">
          {t("from")}
          <input type="date" name="from" defaultValue={filter.from} className={input} />
        </label>
        <label className="font-semibold">
          {t("to")}
          <input type="date" name="to" defaultValue={filter.to} className={input} />
        </label>
        <div className="flex items-end gap-3">
          <button type="submit" className="rounded bg-accent px-4 py-2 font-semibold text-white">
            {t("filter")}
          </button>
          <Link href="/admin/logg" className="py-2">
            {t("clear")}
          </Link>
        </div>
      </form>
      <p className="mb-4">
        <a href={`/api/admin/logg?${params.toString()}`}>{t("exportCsv")}</a>
      </p>
      <TableScroll label={t("title")}>
        <table className="w-full border-collapse text-left text-sm">
          <thead>
            <tr className="border-b-2 border-ink">
              <th scope="col" className="py-2 pr-3">
                {t("time")}
              </th>
              <th scope="col" className="py-2 pr-3">
                {t("who")}
              </th>
              <th scope="col" className="py-2 pr-3">
                {t("action")}
              </th>
              <th scope="col" className="py-2 pr-3">
                {t("record")}
              </th>
              <th scope="col" className="py-2">
                {t("beforeAfter")}
              </th>
            </tr>
          </thead>
          <tbody data-testid="audit-rows">
            {rows.map((e) => (
              <tr key={e.id.toString()} className="border-b border-line align-top">
                <td className="py-2 pr-3 whitespace-nowrap">{formatDateTime(e.at, locale)}</td>
                <td className="py-2 pr-3">
                  {e.actor ? `${e.actor.name} (${e.actor.email})` : t("system")}
                </td>
                <td className="py-2 pr-3">{e.action}</td>
                <td className="py-2 pr-3">
                  {e.entityType} {e.entityId ?? ""}
                </td>
                <td className="py-2 font-mono text-xs break-all">
                  {e.before ? JSON.stringify(e.before) : ""}
                  {e.after ? ` → ${JSON.stringify(e.after)}` : ""}
                  {e.meta ? ` ${JSON.stringify(e.meta)}` : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {next ? (
        <p className="mt-4">
          <Link href={`/admin/logg?${params.toString()}${params.size ? "&" : ""}before=${next}`}>
            {t("older")}
          </Link>
        </p>
      ) : null}
    </>
  );
}
