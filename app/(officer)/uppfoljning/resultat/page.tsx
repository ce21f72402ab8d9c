import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePageRole } from "@/lib/server/actor";
import { outcomes, type OutcomeRow } from "@/lib/server/follow-up";
import { LABELS } from "@/lib/domain/labels";
import { formatNumber, type UiLocale } from "@/lib/domain/format";
import { countyName } from "@/lib/reference/counties";
import { PageHeading } from "@/components/ui/page-heading";
import { TableScroll } from "@/components/ui/table-scroll";
import { SimpleBarChart } from "@/components/charts/bar-chart";

export async function generateMetadata() {
  return { title: (await getTranslations("followUp.outcomes"))("title") };
}

async function Section({
  id,
  title,
  rows,
  name,
}: {
  id: string;
  title: string;
  rows: OutcomeRow[];
  name: (k: string) => string;
}) {
  const t = await getTranslations("followUp.outcomes");
  const locale = (await getLocale()) as UiLocale;
  const n = (value: number) => formatNumber(value, locale);
  return (
    <section aria-labelledby={id} className="mb-12">
      <h2 id={id} className="mb-3 text-2xl font-bold">
        {title}
      </h2>
      <SimpleBarChart
        title={t("chartTitle", { section: title.toLowerCase() })}
        label={t("participants")}
        dataKey="participants"
        unit="count"
        data={rows.map((r) => ({ name: name(r.key), participants: r.women + r.men + r.other }))}
      />
      <TableScroll label={title}>
        <table className="mt-4 w-full border-collapse text-left text-sm">
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr className="border-b-2 border-ink">
              <th scope="col" className="py-2 pr-3"></th>
              <th scope="col" className="py-2 pr-3 text-right">
                {t("reports")}
              </th>
              <th scope="col" className="py-2 pr-3 text-right">
                {t("meetings")}
              </th>
              <th scope="col" className="py-2 pr-3 text-right">
                {t("women")}
              </th>
              <th scope="col" className="py-2 pr-3 text-right">
                {t("men")}
              </th>
              <th scope="col" className="py-2 pr-3 text-right">
                {t("other")}
              </th>
              <th scope="col" className="py-2 text-right">
                {t("collaboration")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} className="border-b border-line">
                <th scope="row" className="py-2 pr-3 font-normal">
                  {name(r.key)}
                </th>
                <td className="py-2 pr-3 text-right">{n(r.reports)}</td>
                <td className="py-2 pr-3 text-right">{n(r.meetings)}</td>
                <td className="py-2 pr-3 text-right">{n(r.women)}</td>
                <td className="py-2 pr-3 text-right">{n(r.men)}</td>
                <td className="py-2 pr-3 text-right">{n(r.other)}</td>
                <td className="py-2 text-right">{n(r.collaborations)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

export default async function OutcomesPage() {
  const actor = await requirePageRole(["REVIEWER", "DECIDER", "ADMIN"]);
  const o = await outcomes(actor);
  const t = await getTranslations("followUp.outcomes");
  const tt = await getTranslations("tracks");
  const focusAreas: Record<string, string> = LABELS[(await getLocale()) as UiLocale].focusArea;
  return (
    <>
      <p className="mb-2">
        <Link href="/uppfoljning">{t("back")}</Link>
      </p>
      <PageHeading title={t("title")} lead={t("lead")} />
      <p className="mb-8">
        <a href="/api/uppfoljning/resultat">{t("downloadCsv")}</a>
      </p>
      <Section
        id="o-track"
        title={t("byTrack")}
        rows={o.byTrack}
        name={(k) => (tt.has(k) ? tt(k) : k)}
      />
      <Section
        id="o-county"
        title={t("byCounty")}
        rows={o.byCounty}
        name={(k) => countyName(k) ?? k}
      />
      <Section
        id="o-focus"
        title={t("byFocus")}
        rows={o.byFocus}
        name={(k) => focusAreas[k] ?? k}
      />
    </>
  );
}
