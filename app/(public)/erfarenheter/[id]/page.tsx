import Link from "next/link";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeading } from "@/components/ui/page-heading";
import { publishedExample } from "@/lib/server/learning-examples";
import { orNotFound } from "@/lib/server/page";
import { EXAMPLE_PARTS } from "@/lib/domain/learning-examples";
import { LABELS } from "@/lib/domain/labels";
import { formatDate, type UiLocale } from "@/lib/domain/format";
import { countyNameOf, municipalityName } from "@/lib/reference/municipalities";

export const dynamic = "force-dynamic";

/** A published example, or the 404 page for anything else (an unknown or unpublished id). */
async function exampleFor(params: Promise<{ id: string }>) {
  return orNotFound(publishedExample((await params).id));
}

/** A description for sharing: the purpose, cut at a word near 200 characters. */
const description = (text: string) => {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= 200) return flat;
  const cut = flat.slice(0, 200);
  return `${cut.slice(0, cut.lastIndexOf(" ") > 120 ? cut.lastIndexOf(" ") : 200)} …`;
};

export async function generateMetadata({
  params,
}: {
  params: Promise<{ id: string }>;
}): Promise<Metadata> {
  const e = await exampleFor(params);
  const t = await getTranslations("examples");
  const title = `${e.title} – ${t("title")}`;
  return {
    title,
    description: description(e.purpose),
    openGraph: {
      title: e.title,
      description: description(e.purpose),
      type: "article",
      siteName: "Samverka",
      publishedTime: e.publishedAt.toISOString(),
    },
  };
}

export default async function ExamplePage({ params }: { params: Promise<{ id: string }> }) {
  const e = await exampleFor(params);
  const t = await getTranslations("examples");
  const tt = await getTranslations("tracks");
  const locale = (await getLocale()) as UiLocale;
  const labels = LABELS[locale];
  const place = e.municipalityCode
    ? [municipalityName(e.municipalityCode), countyNameOf(e.municipalityCode)]
        .filter(Boolean)
        .join(", ")
    : "–";
  return (
    <>
      <p className="mb-2">
        <Link href="/erfarenheter">{t("back")}</Link>
      </p>
      <PageHeading title={e.title} lead={e.organisation} />
      <dl className="mb-8 grid max-w-3xl grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="font-semibold">{t("place")}</dt>
        <dd>{place}</dd>
        <dt className="font-semibold">{t("track")}</dt>
        <dd>{e.track ? tt(e.track) : "–"}</dd>
        <dt className="font-semibold">{t("focusAreas")}</dt>
        <dd>{e.focusAreas.map((f) => labels.focusArea[f]).join(", ") || "–"}</dd>
        <dt className="font-semibold">{t("grantYear")}</dt>
        <dd>{e.year ?? "–"}</dd>
      </dl>
      <div className="max-w-3xl" data-testid="example-text">
        {EXAMPLE_PARTS.map((part) => (
          <section key={part} aria-labelledby={`part-${part}`} className="mb-6">
            <h2 id={`part-${part}`} className="mb-2 text-2xl font-bold">
              {t(`parts.${part}`)}
            </h2>
            <p className="whitespace-pre-line">{e[part]}</p>
          </section>
        ))}
      </div>
      <p className="mb-2 text-muted">
        {t("published", { date: formatDate(e.publishedAt, locale) })}
      </p>
      {e.referenceNumber ? (
        <p className="mb-6">
          <Link href={`/beviljade?diarienummer=${encodeURIComponent(e.referenceNumber)}`}>
            {t("grantLink", { reference: e.referenceNumber })}
          </Link>
        </p>
      ) : null}
    </>
  );
}
