import Link from "next/link";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { requirePageRole } from "@/lib/server/actor";
import { readAuditLog } from "@/lib/server/audit-log";
import { AuditFilterInput } from "@/lib/validation/audit";
import { formatDate, formatDateTime, formatSek, type UiLocale } from "@/lib/domain/format";
import { changeRows } from "@/lib/domain/audit-change";
import { PageHeading } from "@/components/ui/page-heading";
import { TableScroll } from "@/components/ui/table-scroll";

// The kinds of record the log names, for the filter (each has a label in admin.log.entities).
const ENTITY_TYPES = [
  "Application",
  "ConflictDeclaration",
  "GrantRound",
  "Organisation",
  "LetterOfIntent",
  "FollowUpReport",
  "LearningExample",
  "Instalment",
  "RepaymentClaim",
  "User",
  "StaffInvitation",
  "Export",
  "Route",
] as const;

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
  const ts = await getTranslations("status");
  // Every event with a label, by its Swedish name; a prefix from a link ("user.") stays selectable.
  const messages = (await getMessages()) as {
    admin: { log: { actions: Record<string, Record<string, string>> } };
  };
  const groups = messages.admin.log.actions;
  const actions = Object.entries(groups)
    .flatMap(([group, names]) => Object.keys(names).map((name) => `${group}.${name}`))
    .map((code) => ({ code, label: t(`actions.${code}`) }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
  if (filter.action && !actions.some((a) => a.code === filter.action))
    actions.unshift({ code: filter.action, label: filter.action });
  /** A logged value in words: statuses and reasons by name, amounts in kronor, dates as dates. */
  const show = (key: string, value: unknown): string => {
    if (value === null || value === undefined || value === "") return "–";
    if (typeof value === "boolean") return value ? t("yes") : t("no");
    if (typeof value === "number")
      return /sek$|^amount|^budget|^approvedSoFar$/i.test(key)
        ? formatSek(value, locale)
        : String(value);
    if (Array.isArray(value)) return value.map((v) => show(key, v)).join(", ");
    if (typeof value === "object")
      return Object.entries(value as Record<string, unknown>)
        .map(([k, v]) => `${t.has(`fields.${k}`) ? t(`fields.${k}`) : k}: ${show(k, v)}`)
        .join("; ");
    const text = typeof value === "string" ? value : JSON.stringify(value);
    if (key === "status" && ts.has(text)) return ts(text);
    if (t.has(`values.${text}`)) return t(`values.${text}`);
    if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return formatDate(text, locale);
    if (/^\d{4}-\d{2}-\d{2}T/.test(text)) return formatDateTime(new Date(text), locale);
    return text;
  };
  return (
    <>
      <p className="mb-2">
        <Link href="/admin">{ta("backToAdmin")}</Link>
      </p>
      <PageHeading title={t("title")} lead={t("lead")} />
      <form method="get" className="mb-6 grid gap-4 sm:grid-cols-3">
        <label className="font-semibold">
          {t("reference")}
          <input
            name="reference"
            defaultValue={filter.reference}
            placeholder="2026/0042"
            className={input}
          />
        </label>
        <label className="font-semibold">
          {t("actor")}
          <input name="actor" defaultValue={filter.actor} className={input} />
        </label>
        <label className="font-semibold">
          {t("entity")}
          <select name="entity" defaultValue={filter.entity ?? ""} className={input}>
            <option value="">{t("allEntities")}</option>
            {ENTITY_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`entities.${type}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="font-semibold">
          {t("action")}
          <select name="action" defaultValue={filter.action ?? ""} className={`${input} w-full`}>
            <option value="">{t("allEntities")}</option>
            {actions.map((a) => (
              <option key={a.code} value={a.code}>
                {a.label}
              </option>
            ))}
          </select>
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
                <td className="py-2 pr-3">
                  {t.has(`actions.${e.action}`) ? t(`actions.${e.action}`) : e.action}
                </td>
                <td className="py-2 pr-3">
                  {t.has(`entities.${e.entityType}`) ? t(`entities.${e.entityType}`) : e.entityType}{" "}
                  {e.reference ?? <span className="break-all text-muted">{e.entityId ?? ""}</span>}
                </td>
                <td className="py-2">
                  <ul>
                    {changeRows(e.before, e.after, e.meta).map((row) => (
                      <li key={row.key}>
                        <span className="font-semibold">
                          {t.has(`fields.${row.key}`) ? t(`fields.${row.key}`) : row.key}:
                        </span>{" "}
                        {"before" in row ? (
                          <>
                            {show(row.key, row.before)} {"after" in row ? "→ " : ""}
                          </>
                        ) : null}
                        {"after" in row ? show(row.key, row.after) : null}
                      </li>
                    ))}
                  </ul>
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
