import { getLocale, getTranslations } from "next-intl/server";
import { requirePageRole } from "@/lib/server/actor";
import { statistics, type StatRow } from "@/lib/server/statistics";
import { LABELS } from "@/lib/domain/labels";
import { countyName } from "@/lib/reference/counties";
import { municipalityName } from "@/lib/reference/municipalities";
import { formatNumber, formatPercent, formatSek, type UiLocale } from "@/lib/domain/format";
import { PageHeading } from "@/components/ui/page-heading";
import { TableScroll } from "@/components/ui/table-scroll";
import { SimpleBarChart } from "@/components/charts/bar-chart";

export async function generateMetadata() {
  return { title: (await getTranslations("statistics"))("title") };
}

async function Section({
  id,
  title,
  rows,
  name,
}: {
  id: string;
  title: string;
  rows: StatRow[];
  name: (key: string) => string;
}) {
  const t = await getTranslations("statistics");
  const locale = (await getLocale()) as UiLocale;
  // The chart shows the approved amounts only: it gets the names and those, nothing more.
  const data = rows.map((r) => ({ name: name(r.key), approvedSek: r.approvedSek }));
  return (
    <section aria-labelledby={id} className="mb-12">
      <h2 id={id} className="mb-3 text-2xl font-bold">
        {title}
      </h2>
      <SimpleBarChart
        data={data}
        dataKey="approvedSek"
        label={t("approvedChartLabel")}
        title={title}
      />
      <TableScroll label={title}>
        <table className="mt-4 w-full border-collapse text-left text-sm">
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr className="border-b-2 border-ink">
              <th scope="col" className="py-2 pr-3"></th>
              <th scope="col" className="py-2 pr-3 text-right">
                {t("applications")}
              </th>
              <th scope="col" className="py-2 pr-3 text-right">
                {t("approvedCount")}
              </th>
              <th scope="col" className="py-2 text-right">
                {t("approvedAmount")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} className="border-b border-line">
                <th scope="row" className="py-2 pr-3 font-normal">
                  {name(r.key)}
                </th>
                <td className="py-2 pr-3 text-right">{formatNumber(r.applications, locale)}</td>
                <td className="py-2 pr-3 text-right">{formatNumber(r.approved, locale)}</td>
                <td className="py-2 text-right whitespace-nowrap">
                  {formatSek(r.approvedSek, locale)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

export default async function StatisticsPage({
  searchParams,
}: {
  searchParams: Promise<{ round?: string }>;
}) {
  const actor = await requirePageRole(["REVIEWER", "DECIDER", "ADMIN"]);
  const { round } = await searchParams;
  const s = await statistics(actor, round || undefined);
  const t = await getTranslations("statistics");
  const tt = await getTranslations("tracks");
  const locale = (await getLocale()) as UiLocale;
  const focusAreas: Record<string, string> = LABELS[locale].focusArea;
  return (
    <>
      <PageHeading title={t("title")} lead={t("lead")} />
      <form method="get" className="mb-8 flex items-end gap-3">
        <label className="font-semibold">
          {t("round")}
          <select
            name="round"
            defaultValue={round ?? ""}
            className="mt-1 block rounded border-2 border-ink px-2 py-1"
          >
            <option value="">{t("allRounds")}</option>
            {s.rounds.map((r) => (
              <option key={r.id} value={r.id}>
                {r.title}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded bg-accent px-4 py-2 font-semibold text-white">
          {t("show")}
        </button>
      </form>
      <p className="mb-8 text-lg" data-testid="approval-rate">
        {t.rich("approvalRate", {
          rate: s.approvalRate === null ? "–" : formatPercent(s.approvalRate, locale),
          approved: formatNumber(s.approvedCount, locale),
          decided: formatNumber(s.decidedCount, locale),
          strong: (chunks) => <strong>{chunks}</strong>,
        })}
      </p>
      <Section
        id="by-track"
        title={t("byTrack")}
        rows={s.byTrack}
        name={(k) => (tt.has(k) ? tt(k) : k)}
      />
      <Section
        id="by-county"
        title={t("byCounty")}
        rows={s.byCounty}
        name={(k) => countyName(k) ?? k}
      />
      <Section
        id="by-municipality"
        title={t("byMunicipality")}
        rows={s.byMunicipality}
        name={(k) => municipalityName(k) ?? k}
      />
      <Section
        id="by-focus"
        title={t("byFocus")}
        rows={s.byFocus}
        name={(k) => focusAreas[k] ?? k}
      />
      <section aria-labelledby="budget" className="mb-12">
        <h2 id="budget" className="mb-3 text-2xl font-bold">
          {t("budgetUse")}
        </h2>
        <SimpleBarChart
          data={s.rounds.map((r) => ({ name: r.title, approvedSek: r.approvedSek }))}
          dataKey="approvedSek"
          label={t("approvedChartLabel")}
          title={t("budgetUse")}
        />
        <TableScroll label={t("budgetUse")}>
          <table className="mt-4 w-full border-collapse text-left text-sm">
            <thead>
              <tr className="border-b-2 border-ink">
                <th scope="col" className="py-2 pr-3">
                  {t("round")}
                </th>
                <th scope="col" className="py-2 pr-3 text-right">
                  {t("budget")}
                </th>
                <th scope="col" className="py-2 pr-3 text-right">
                  {t("approved")}
                </th>
                <th scope="col" className="py-2 text-right">
                  {t("share")}
                </th>
              </tr>
            </thead>
            <tbody>
              {s.rounds.map((r) => (
                <tr key={r.id} className="border-b border-line">
                  <th scope="row" className="py-2 pr-3 font-normal">
                    {r.title}
                  </th>
                  <td className="py-2 pr-3 text-right whitespace-nowrap">
                    {formatSek(r.budgetSek, locale)}
                  </td>
                  <td className="py-2 pr-3 text-right whitespace-nowrap">
                    {formatSek(r.approvedSek, locale)}
                  </td>
                  <td className="py-2 text-right">
                    {formatPercent(r.approvedSek / r.budgetSek, locale)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>
    </>
  );
}
