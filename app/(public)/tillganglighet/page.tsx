import { getTranslations } from "next-intl/server";
import { PageHeading } from "@/components/ui/page-heading";

export async function generateMetadata() {
  return { title: (await getTranslations("accessibility"))("title") };
}

export default async function AccessibilityStatement() {
  const t = await getTranslations("accessibility");
  const sections = [
    ["statusTitle", "status"],
    ["knownTitle", "known"],
    ["reportTitle", "report"],
    ["supervisionTitle", "supervision"],
    ["madeTitle", "made"],
  ] as const;
  return (
    <article className="prose-samverka max-w-3xl">
      <PageHeading title={t("title")} lead={t("lead")} />
      {sections.map(([title, text]) => (
        <section key={title} aria-labelledby={title} className="mb-6">
          <h2 id={title} className="text-2xl font-bold">
            {t(title)}
          </h2>
          <p className="mt-2">{t(text)}</p>
          {title === "reportTitle" ? (
            <p className="mt-2">
              <a href="mailto:tillganglighet@samverka.example?subject=Tillg%C3%A4nglighetsbrist%20i%20Samverka">
                {t("reportEmail")}
              </a>
            </p>
          ) : null}
        </section>
      ))}
    </article>
  );
}
