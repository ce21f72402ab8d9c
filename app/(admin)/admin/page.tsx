import Link from "next/link";
import { TableScroll } from "@/components/ui/table-scroll";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeading } from "@/components/ui/page-heading";
import { requirePageRole } from "@/lib/server/actor";
import { listRoundsWithBudgetUse } from "@/lib/server/rounds";
import { listUsers } from "@/lib/server/users";
import { overdueClaims, overdueInstalments } from "@/lib/server/follow-up";
import { formatDate, formatSek, type UiLocale } from "@/lib/domain/format";

export async function generateMetadata() {
  return { title: (await getTranslations("admin"))("title") };
}

export default async function AdminHome() {
  const actor = await requirePageRole(["ADMIN"]);
  const t = await getTranslations();
  const locale = (await getLocale()) as UiLocale;
  const [rounds, users, lateInstalments, lateClaims] = await Promise.all([
    listRoundsWithBudgetUse(),
    listUsers(actor),
    overdueInstalments(actor),
    overdueClaims(actor),
  ]);
  const th = "py-2 pr-4";
  return (
    <>
      <PageHeading title={t("admin.title")} lead={t("admin.lead")} />
      <p className="mb-8 flex flex-wrap gap-x-6 gap-y-2">
        <Link href="/handlaggning">{t("nav.reviewer")}</Link>
        <Link href="/admin/anvandare">{t("admin.users")}</Link>
        <Link href="/admin/jav">{t("admin.conflicts")}</Link>
        <Link href="/admin/logg">{t("admin.auditLog")}</Link>
        <Link href="/statistik">{t("admin.statistics")}</Link>
        <Link href="/admin/utkorg">{t("admin.outbox")}</Link>
        <Link href="/admin/betalningar">{t("admin.paymentsLink")}</Link>
      </p>
      {lateInstalments.length || lateClaims.length ? (
        <section
          aria-labelledby="money-flags"
          className="mb-8 border-l-4 border-error pl-4"
          data-testid="money-flags"
        >
          <h2 id="money-flags" className="mb-2 text-2xl font-bold">
            {t("admin.moneyFlags")}
          </h2>
          <ul className="list-disc pl-6">
            {lateInstalments.length ? (
              <li>
                <Link href="/admin/betalningar#overdue-heading">
                  {t("admin.overdueInstalments", { count: lateInstalments.length })}
                </Link>
              </li>
            ) : null}
            {lateClaims.length ? (
              <li>
                <Link href="/admin/betalningar#claims-heading">
                  {t("admin.overdueClaims", { count: lateClaims.length })}
                </Link>
              </li>
            ) : null}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="rounds-heading" className="mb-10">
        <h2 id="rounds-heading" className="mb-3 text-2xl font-bold">
          {t("admin.rounds")}
        </h2>
        <p className="mb-3">
          <Link href="/admin/utlysningar/ny">{t("admin.newRound")}</Link>
        </p>
        <TableScroll label={t("admin.rounds")}>
          <table className="w-full border-collapse text-left">
            <thead>
              <tr className="border-b-2 border-ink">
                <th scope="col" className={th}>
                  {t("admin.roundTitle")}
                </th>
                <th scope="col" className={th}>
                  {t("admin.roundStatus")}
                </th>
                <th scope="col" className={th}>
                  {t("admin.closes")}
                </th>
                <th scope="col" className={`${th} text-right`}>
                  {t("admin.budget")}
                </th>
                <th scope="col" className={`${th} text-right`}>
                  {t("admin.approved")}
                </th>
                <th scope="col" className={`${th} text-right`}>
                  {t("admin.remaining")}
                </th>
                <th scope="col" className={th}>
                  {t("admin.export")}
                </th>
              </tr>
            </thead>
            <tbody>
              {rounds.map((round) => (
                <tr key={round.id} className="border-b border-line">
                  <td className={`${th} font-semibold`}>
                    <Link href={`/admin/utlysningar/${round.id}`}>{round.title}</Link>
                  </td>
                  <td className={th}>{t(`admin.roundStatus${round.status}`)}</td>
                  <td className={th}>{formatDate(round.closesAt, locale)}</td>
                  <td className={`${th} text-right whitespace-nowrap`}>
                    {formatSek(round.budgetSek, locale)}
                  </td>
                  <td className={`${th} text-right whitespace-nowrap`}>
                    {formatSek(round.approvedSek, locale)}
                  </td>
                  <td className={`${th} text-right whitespace-nowrap`}>
                    {formatSek(round.budgetSek - round.approvedSek, locale)}
                  </td>
                  <td className={`${th} whitespace-nowrap`}>
                    {(["csv", "excel", "xlsx", "json"] as const).map((f, i) => (
                      <span key={f}>
                        {i ? " · " : ""}
                        <a
                          href={`/api/admin/export?format=${f}&round=${round.id}`}
                          aria-label={`${t("admin.export")} ${round.title} ${t(`admin.exportFormat.${f}`)}`}
                        >
                          {t(`admin.exportFormat.${f}`)}
                        </a>
                      </span>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>
      <section aria-labelledby="users-heading">
        <h2 id="users-heading" className="mb-3 text-2xl font-bold">
          {t("admin.users")}
        </h2>
        <TableScroll label={t("admin.users")}>
          <table className="w-full border-collapse text-left">
            <thead>
              <tr className="border-b-2 border-ink">
                <th scope="col" className={th}>
                  {t("admin.userName")}
                </th>
                <th scope="col" className={th}>
                  {t("admin.userEmail")}
                </th>
                <th scope="col" className={th}>
                  {t("admin.userRoles")}
                </th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <tr key={user.id} className="border-b border-line">
                  <td className={th}>{user.name}</td>
                  <td className={th}>{user.email}</td>
                  <td className={th}>{user.roles.map((r) => t(`roles.${r}`)).join(", ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>
    </>
  );
}
