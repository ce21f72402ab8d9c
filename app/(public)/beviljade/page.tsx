import { TableScroll } from "@/components/ui/table-scroll";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeading } from "@/components/ui/page-heading";
import { GrantRows, type GrantRowView } from "@/components/grants/grant-rows";
import { listApprovedGrants, PUBLIC_PAGE_SIZE } from "@/lib/server/grants";
import { grantFilterFrom } from "@/lib/validation/export";
import { COUNTIES } from "@/lib/reference/counties";
import { municipalityName } from "@/lib/reference/municipalities";
import { formatDate, formatSek, type UiLocale } from "@/lib/domain/format";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("granted"))("title") };
}

export default async function GrantedPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string>>;
}) {
  const t = await getTranslations();
  const locale = (await getLocale()) as UiLocale;
  const params = new URLSearchParams(await searchParams);
  const { filter } = grantFilterFrom(params);
  const page = Math.max(1, Math.min(10_000, Number(params.get("sida")) || 1));
  const { grants, count, totalSek: total, years } = await listApprovedGrants(filter, page);
  params.delete("format");
  params.delete("sida");
  const pages = Math.max(1, Math.ceil(count / PUBLIC_PAGE_SIZE));
  const query = params.toString();
  const select = "mt-1 block rounded border-2 border-ink px-2 py-1";
  const th = "py-2 pr-3";
  return (
    <>
      <PageHeading title={t("granted.title")} lead={t("granted.lead")} />
      <form
        method="get"
        className="mb-6 flex flex-wrap items-end gap-4"
        aria-label={t("granted.filter")}
      >
        <label className="font-semibold">
          {t("granted.year")}
          <select name="year" defaultValue={filter.year ?? ""} className={select}>
            <option value="">{t("granted.all")}</option>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <label className="font-semibold">
          {t("granted.track")}
          <select name="track" defaultValue={filter.track ?? ""} className={select}>
            <option value="">{t("granted.all")}</option>
            {(["KNOWLEDGE", "COLLABORATION", "INTERVENTION"] as const).map((tr) => (
              <option key={tr} value={tr}>
                {t(`tracks.${tr}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="font-semibold">
          {t("granted.county")}
          <select name="county" defaultValue={filter.county ?? ""} className={select}>
            <option value="">{t("granted.all")}</option>
            {COUNTIES.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded bg-accent px-4 py-2 font-semibold text-white">
          {t("granted.show")}
        </button>
      </form>
      {filter.reference ? (
        <p className="mb-4" data-testid="granted-reference">
          {t("granted.onlyReference", { reference: filter.reference })}{" "}
          <a href="/beviljade">{t("granted.showAll")}</a>
        </p>
      ) : null}
      <p className="mb-6">
        {t("granted.download")} <a href={`/api/open-data/beviljade?format=csv&${query}`}>CSV</a> ·{" "}
        <a href={`/api/open-data/beviljade?format=xlsx&${query}`}>Excel (XLSX)</a> ·{" "}
        <a href={`/api/open-data/beviljade?format=json&${query}`}>JSON (360Giving)</a>
      </p>
      {grants.length === 0 ? (
        <p>{t("granted.empty")}</p>
      ) : (
        <>
          <p className="mb-4 font-semibold" data-testid="granted-total">
            {t("granted.total", { count, amount: formatSek(total, locale) })}
          </p>
          <TableScroll label={t("granted.title")}>
            {/* Five columns that fit a 1 024-pixel window: the municipality sits under the
                organisation and the track under the project, whose long title is cut to three
                lines on screen but stays whole in the page (and so for screen readers). */}
            <table className="w-full table-fixed border-collapse text-left">
              <caption className="sr-only">{t("granted.title")}</caption>
              <colgroup>
                <col className="w-[28%]" />
                <col />
                <col className="w-[8.5rem]" />
                <col className="w-[11rem]" />
                <col className="w-[9.5rem]" />
              </colgroup>
              <thead>
                <tr className="border-b-2 border-ink align-bottom">
                  <th scope="col" className={th}>
                    {t("granted.organisation")}
                    <span className="block text-sm font-normal">{t("granted.municipality")}</span>
                  </th>
                  <th scope="col" className={th}>
                    {t("granted.project")}
                    <span className="block text-sm font-normal">{t("granted.track")}</span>
                  </th>
                  <th scope="col" className={`${th} text-right`}>
                    {t("granted.amount")}
                  </th>
                  <th scope="col" className={th}>
                    {t("granted.period")}
                  </th>
                  <th scope="col" className={th}>
                    {t("granted.decided")}
                  </th>
                </tr>
              </thead>
              <GrantRows
                exampleText={t("examples.grantedExample")}
                rows={grants.map((g) => {
                  const row: GrantRowView = {
                    id: g.id,
                    organisation: g.organisation,
                    municipality: municipalityName(g.municipalityCode) ?? g.municipalityCode,
                    title: g.title,
                    track: g.track ? t(`tracks.${g.track}`) : "–",
                    amount: formatSek(g.amountSek, locale),
                    decided: formatDate(g.decidedOn, locale),
                  };
                  if (g.exampleId) row.exampleId = g.exampleId;
                  if (g.periodStart && g.periodEnd)
                    row.period = [
                      formatDate(g.periodStart, locale),
                      formatDate(g.periodEnd, locale),
                    ];
                  return row;
                })}
              />
            </table>
          </TableScroll>
          {pages > 1 ? (
            <nav aria-label={t("granted.pages")} className="mt-4 flex flex-wrap items-center gap-6">
              {page > 1 ? (
                <a href={`/beviljade?${query}${query ? "&" : ""}sida=${page - 1}`} rel="prev">
                  {t("granted.previous")}
                </a>
              ) : null}
              <span>{t("granted.pageOf", { page, pages })}</span>
              {page < pages ? (
                <a href={`/beviljade?${query}${query ? "&" : ""}sida=${page + 1}`} rel="next">
                  {t("granted.next")}
                </a>
              ) : null}
            </nav>
          ) : null}
        </>
      )}
    </>
  );
}
