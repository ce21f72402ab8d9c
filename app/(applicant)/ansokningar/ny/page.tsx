import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePageRole } from "@/lib/server/actor";
import { listMyOrganisations } from "@/lib/server/organisations";
import { listOpenRounds } from "@/lib/server/rounds";
import { formatDate, type UiLocale } from "@/lib/domain/format";
import { PageHeading } from "@/components/ui/page-heading";
import { StartApplicationForm } from "@/components/applications/start-application-form";
import { startApplicationAction } from "./actions";

export async function generateMetadata() {
  return { title: (await getTranslations("applications"))("new.title") };
}

export default async function NewApplicationPage({
  searchParams,
}: {
  searchParams: Promise<{ organisation?: string }>;
}) {
  const actor = await requirePageRole(["APPLICANT"]);
  const [organisations, rounds, { organisation }] = await Promise.all([
    listMyOrganisations(actor),
    listOpenRounds(),
    searchParams,
  ]);
  const t = await getTranslations("applications.new");
  const locale = (await getLocale()) as UiLocale;
  return (
    <>
      <PageHeading title={t("title")} lead={t("lead")} />
      {organisations.length === 0 ? (
        <p>
          {t.rich("addOrganisationFirst", {
            link: (chunks) => <Link href="/organisationer/ny">{chunks}</Link>,
          })}
        </p>
      ) : rounds.length === 0 ? (
        <p>{t("noOpenRounds")}</p>
      ) : (
        <StartApplicationForm
          selected={organisation}
          start={startApplicationAction}
          organisations={organisations.map((o) => ({
            value: o.id,
            label: `${o.name} (${o.orgNumber})`,
          }))}
          rounds={rounds.map((r) => ({
            value: r.id,
            label: t("roundOption", { title: r.title, date: formatDate(r.closesAt, locale) }),
          }))}
        />
      )}
    </>
  );
}
