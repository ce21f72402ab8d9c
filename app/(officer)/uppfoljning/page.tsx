import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePageRole } from "@/lib/server/actor";
import {
  listGrants,
  overdueClaims,
  overdueInstalments,
  overdueReports,
} from "@/lib/server/follow-up";
import { formatDate, formatSek, type UiLocale } from "@/lib/domain/format";
import { PageHeading } from "@/components/ui/page-heading";
import { TableScroll } from "@/components/ui/table-scroll";

export async function generateMetadata() {
  return { title: (await getTranslations("followUp.list"))("title") };
}

export default async function FollowUpPage() {
  const actor = await requirePageRole(["REVIEWER", "DECIDER", "ADMIN"]);
  const [grants, overdue, lateInstalments, lateClaims] = await Promise.all([
    listGrants(actor),
    overdueReports(actor),
    overdueInstalments(actor),
    overdueClaims(actor),
  ]);
  const late = new Set(lateInstalments.map((i) => i.id));
  const t = await getTranslations("followUp.list");
  const locale = (await getLocale()) as UiLocale;
  return (
    <>
      <PageHeading title={t("title")} lead={t("lead")} />
      <p className="mb-6 flex flex-wrap gap-6">
        <Link href="/uppfoljning/resultat">{t("outcomesLink")}</Link>
        {actor.roles.includes("ADMIN") ? (
          <Link href="/admin/betalningar">{t("paymentsLink")}</Link>
        ) : null}
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
      <section aria-labelledby="overdue-instalments" className="mb-10">
        <h2 id="overdue-instalments" className="mb-2 text-2xl font-bold">
          {t("overdueInstalments", { count: lateInstalments.length })}
        </h2>
        <ul className="list-disc pl-6" data-testid="overdue-instalments">
          {lateInstalments.map((i) => (
            <li key={i.id}>
              <Link href={`/uppfoljning/${i.application.id}`}>{i.application.referenceNumber}</Link>{" "}
              {t("overdueInstalmentItem", {
                organisation: i.application.organisation.name,
                number: i.number,
                amount: formatSek(i.amountSek, locale),
                date: formatDate(i.dueDate, locale),
              })}
            </li>
          ))}
        </ul>
      </section>
      {lateClaims.length ? (
        <section aria-labelledby="overdue-claims" className="mb-10">
          <h2 id="overdue-claims" className="mb-2 text-2xl font-bold">
            {t("overdueClaims", { count: lateClaims.length })}
          </h2>
          <ul className="list-disc pl-6" data-testid="overdue-claims">
            {lateClaims.map((c) => (
              <li key={c.id}>
                <Link href={`/uppfoljning/${c.application.id}`}>
                  {c.application.referenceNumber}
                </Link>{" "}
                {t("overdueClaimItem", {
                  organisation: c.application.organisation.name,
                  left: formatSek(
                    c.amountSek - c.payments.reduce((sum, p) => sum + p.amountSek, 0),
                    locale,
                  ),
                  date: formatDate(c.dueDate, locale),
                })}
              </li>
            ))}
          </ul>
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
                        `${i.number}: ${formatSek(i.amountSek, locale)} (${t(`instalmentStatus.${i.status}`)}${late.has(i.id) ? `, ${t("late")}` : ""})`,
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
