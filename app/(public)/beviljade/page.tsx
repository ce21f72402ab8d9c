import { TableScroll } from "@/components/ui/table-scroll";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeading } from "@/components/ui/page-heading";
import { listApprovedGrants } from "@/lib/server/grants";
import { municipalityName } from "@/lib/reference/municipalities";
import { formatDate, formatSek, type UiLocale } from "@/lib/domain/format";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("granted"))("title") };
}

export default async function GrantedPage() {
  const t = await getTranslations();
  const locale = (await getLocale()) as UiLocale;
  const grants = await listApprovedGrants();
  const total = grants.reduce((sum, g) => sum + g.amountSek, 0);
  const th = "py-2 pr-4";
  return (
    <>
      <PageHeading title={t("granted.title")} lead={t("granted.lead")} />
      {grants.length === 0 ? (
        <p>{t("granted.empty")}</p>
      ) : (
        <>
          <p className="mb-4 font-semibold" data-testid="granted-total">{t("granted.total", { count: grants.length, amount: formatSek(total, locale) })}</p>
          <TableScroll label={t("granted.title")}>
            <table className="w-full border-collapse text-left">
              <caption className="sr-only">{t("granted.title")}</caption>
              <thead>
                <tr className="border-b-2 border-ink">
                  <th scope="col" className={th}>{t("granted.organisation")}</th>
                  <th scope="col" className={th}>{t("granted.project")}</th>
                  <th scope="col" className={th}>{t("granted.track")}</th>
                  <th scope="col" className={th}>{t("granted.municipality")}</th>
                  <th scope="col" className={`${th} text-right`}>{t("granted.amount")}</th>
                  <th scope="col" className={th}>{t("granted.period")}</th>
                  <th scope="col" className={th}>{t("granted.decided")}</th>
                </tr>
              </thead>
              <tbody>
                {grants.map((g) => (
                  <tr key={g.id} className="border-b border-line align-top">
                    <td className={th}>{g.organisation}</td>
                    <td className={`${th} font-semibold`}>{g.title}</td>
                    <td className={th}>{g.track ? t(`tracks.${g.track}`) : "–"}</td>
                    <td className={th}>{municipalityName(g.municipalityCode) ?? g.municipalityCode}</td>
                    <td className={`${th} text-right whitespace-nowrap`}>{formatSek(g.amountSek, locale)}</td>
                    <td className={`${th} whitespace-nowrap`}>
                      {g.periodStart && g.periodEnd ? `${formatDate(g.periodStart, locale)} – ${formatDate(g.periodEnd, locale)}` : "–"}
                    </td>
                    <td className={`${th} whitespace-nowrap`}>{formatDate(g.decidedOn, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </>
  );
}
