import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePageRole } from "@/lib/server/actor";
import { listGrants, overdueReports } from "@/lib/server/follow-up";
import { formatDate, formatSek, type UiLocale } from "@/lib/domain/format";
import { PageHeading } from "@/components/ui/page-heading";
import { TableScroll } from "@/components/ui/table-scroll";

export async function generateMetadata() {
  return { title: (await getTranslations("followUp.list"))("title") };
}

export default async function FollowUpPage() {
  const actor = await requirePageRole(["REVIEWER", "DECIDER", "ADMIN"]);
  const [grants, overdue] = await Promise.all([listGrants(actor), overdueReports(actor)]);
  const year = new Date().getFullYear();
  const t = await getTranslations("followUp.list");
  const locale = (await getLocale()) as UiLocale;
  return (
    <>
      <PageHeading title={t("title")} lead={t("lead")} />
      <p className="mb-6 flex flex-wrap gap-6">
        <Link href="/uppfoljning/resultat">{t("outcomesLink")}</Link>
      </p>
      <section aria-labelledby="overdue" className="mb-10">
        <h2 id="overdue" className="mb-2 text-2xl font-bold">
          {t("overdue", { count: overdue.length })}
        </h2>
        <ul className="list-disc pl-6" data-testid="overdue">
          {overdue.map((r) => (
            <li key={r.id}>
              <Link href={`/uppfoljning/${r.application.id}`}>{r.application.referenceNumber}</Link>{" "}
              {t("overdueItem", {
                organisation: r.application.organisation.name,
                kind: r.kind === "FINAL" ? t("kindFinal") : t("kindProgress"),
                date: formatDate(r.dueDate, locale),
              })}
            </li>
          ))}
        </ul>
      </section>
      {actor.roles.includes("ADMIN") ? (
        <section aria-labelledby="payments" className="mb-10">
          <h2 id="payments" className="mb-2 text-2xl font-bold">
            {t("paymentFile")}
          </h2>
          <form
            method="get"
            action="/api/admin/betalfil"
            className="flex flex-wrap items-end gap-4"
          >
            <label className="font-semibold">
              {t("dueFrom")}
              <input
                type="date"
                name="from"
                defaultValue={`${year}-01-01`}
                className="mt-1 block rounded border-2 border-ink px-2 py-1"
              />
            </label>
            <label className="font-semibold">
              {t("dueTo")}
              <input
                type="date"
                name="to"
                defaultValue={`${year + 1}-12-31`}
                className="mt-1 block rounded border-2 border-ink px-2 py-1"
              />
            </label>
            <button type="submit" className="rounded bg-accent px-4 py-2 font-semibold text-white">
              {t("downloadPaymentFile")}
            </button>
          </form>
        </section>
      ) : null}
      <TableScroll label={t("grants")}>
        <table className="w-full border-collapse text-left text-sm">
          <thead>
            <tr className="border-b-2 border-ink">
              <th scope="col" className="py-2 pr-3">
                {t("reference")}
              </th>
              <th scope="col" className="py-2 pr-3">
                {t("organisation")}
              </th>
              <th scope="col" className="py-2 pr-3">
                {t("instalments")}
              </th>
              <th scope="col" className="py-2">
                {t("reports")}
              </th>
            </tr>
          </thead>
          <tbody>
            {grants.map((g) => (
              <tr key={g.id} className="border-b border-line align-top">
                <td className="py-2 pr-3">
                  <Link href={`/uppfoljning/${g.id}`}>{g.referenceNumber}</Link>
                </td>
                <td className="py-2 pr-3">
                  {g.organisation.name}
                  <br />
                  <span className="text-muted">{g.title}</span>
                </td>
                <td className="py-2 pr-3">
                  {g.instalments
                    .map(
                      (i) =>
                        `${i.number}: ${formatSek(i.amountSek, locale)} (${t(`instalmentStatus.${i.status}`)})`,
                    )
                    .join(", ")}
                </td>
                <td className="py-2">
                  {g.reports
                    .map((r) => `${t(`reportShort.${r.kind}`)}: ${t(`reportStatus.${r.status}`)}`)
                    .join(", ")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
