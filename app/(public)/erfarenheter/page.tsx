import Link from "next/link";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeading } from "@/components/ui/page-heading";
import { MunicipalityFilter } from "@/components/filters/municipality-filter";
import { exampleFilterOptions, listPublishedExamples } from "@/lib/server/learning-examples";
import { exampleFilterFrom } from "@/lib/validation/learning-example";
import { FOCUS_AREAS, TRACKS } from "@/lib/validation/application";
import { COUNTIES_BY_NAME } from "@/lib/reference/counties";
import { countyNameOf, municipalityName } from "@/lib/reference/municipalities";
import { LABELS } from "@/lib/domain/labels";
import type { UiLocale } from "@/lib/domain/format";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("examples");
  return {
    title: t("title"),
    description: t("metaDescription"),
    openGraph: {
      title: t("title"),
      description: t("metaDescription"),
      type: "website",
      siteName: "Samverka",
    },
  };
}

/** The published learning examples (docs/domain.md §8): search, filters and keyset pages. */
export default async function ExamplesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const t = await getTranslations("examples");
  const tt = await getTranslations("tracks");
  const locale = (await getLocale()) as UiLocale;
  const labels = LABELS[locale];
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(await searchParams))
    if (typeof v === "string") params.set(k, v);
  const filter = exampleFilterFrom(params);
  const [{ examples, count, next }, options] = await Promise.all([
    listPublishedExamples(filter),
    exampleFilterOptions(),
  ]);
  params.delete("after");
  const query = params.toString();
  const counties = COUNTIES_BY_NAME.filter((c) =>
    options.municipalities.some((m) => m.startsWith(c.code)),
  );
  const select = "mt-1 block w-full rounded border-2 border-ink px-2 py-1";
  const label = "block font-semibold";
  const filtered = Object.keys(filter).some((k) => k !== "after");
  return (
    <>
      <PageHeading title={t("title")} lead={t("lead")} />
      <form method="get" className="mb-6 grid gap-4 sm:grid-cols-3" aria-label={t("filter")}>
        <div className="sm:col-span-3">
          <label htmlFor="q" className={label}>
            {t("search")}
          </label>
          <p id="q-hint" className="text-muted">
            {t("searchHint")}
          </p>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={filter.q ?? ""}
            aria-describedby="q-hint"
            className="mt-1 block w-full max-w-xl rounded border-2 border-ink px-3 py-2"
          />
        </div>
        <label className={label}>
          {t("track")}
          <select name="track" defaultValue={filter.track ?? ""} className={select}>
            <option value="">{t("all")}</option>
            {TRACKS.map((tr) => (
              <option key={tr} value={tr}>
                {tt(tr)}
              </option>
            ))}
          </select>
        </label>
        <label className={label}>
          {t("focus")}
          <select name="focus" defaultValue={filter.focus ?? ""} className={select}>
            <option value="">{t("all")}</option>
            {FOCUS_AREAS.map((f) => (
              <option key={f} value={f}>
                {labels.focusArea[f]}
              </option>
            ))}
          </select>
        </label>
        <label className={label}>
          {t("year")}
          <select name="year" defaultValue={filter.year ?? ""} className={select}>
            <option value="">{t("all")}</option>
            {options.years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <label className={label}>
          {t("county")}
          <select name="county" defaultValue={filter.county ?? ""} className={select}>
            <option value="">{t("all")}</option>
            {counties.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <MunicipalityFilter
          label={t("municipality")}
          code={filter.municipality}
          labelClassName={label}
          inputClassName={select}
        />
        <div className="flex items-end">
          <button type="submit" className="rounded bg-accent px-4 py-2 font-semibold text-white">
            {t("show")}
          </button>
        </div>
      </form>
      <p className="mb-4 font-semibold" role="status" data-testid="examples-count">
        {t("count", { count })}
      </p>
      {examples.length === 0 ? (
        <p className="mb-6">{filtered ? t("empty") : t("noneYet")}</p>
      ) : (
        <ul className="mb-6 grid grid-cols-1 gap-6 md:grid-cols-2" data-testid="examples">
          {examples.map((e) => {
            const place = e.municipalityCode
              ? [municipalityName(e.municipalityCode), countyNameOf(e.municipalityCode)]
                  .filter(Boolean)
                  .join(", ")
              : "–";
            return (
              <li key={e.id} className="border-l-4 border-accent bg-white p-4 shadow-sm">
                <article aria-labelledby={`example-${e.id}`}>
                  <h2 id={`example-${e.id}`} className="mb-2 text-xl font-bold wrap-break-word">
                    <Link href={`/erfarenheter/${e.id}`}>{e.title}</Link>
                  </h2>
                  <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-sm">
                    <dt className="font-semibold">{t("organisation")}</dt>
                    <dd>{e.organisation}</dd>
                    <dt className="font-semibold">{t("place")}</dt>
                    <dd>{place}</dd>
                    <dt className="font-semibold">{t("track")}</dt>
                    <dd>{e.track ? tt(e.track) : "–"}</dd>
                    <dt className="font-semibold">{t("focusAreas")}</dt>
                    <dd>{e.focusAreas.map((f) => labels.focusArea[f]).join(", ") || "–"}</dd>
                    <dt className="font-semibold">{t("grantYear")}</dt>
                    <dd>{e.year ?? "–"}</dd>
                  </dl>
                  <p className="mt-3 line-clamp-3">{e.purpose}</p>
                </article>
              </li>
            );
          })}
        </ul>
      )}
      {next || filter.after ? (
        <nav aria-label={t("pages")} className="mb-6 flex flex-wrap gap-6">
          {filter.after ? (
            <a href={`/erfarenheter${query ? `?${query}` : ""}`}>{t("first")}</a>
          ) : null}
          {next ? (
            <a href={`/erfarenheter?${query}${query ? "&" : ""}after=${next}`} rel="next">
              {t("next")}
            </a>
          ) : null}
        </nav>
      ) : null}
      <p className="mb-6">
        {t("download")} <a href={`/api/open-data/erfarenheter${query ? `?${query}` : ""}`}>JSON</a>
      </p>
    </>
  );
}
