import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { TableScroll } from "@/components/ui/table-scroll";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeading } from "@/components/ui/page-heading";
import { StatusTag } from "@/components/applications/status-tag";
import { requirePageRole } from "@/lib/server/actor";
import { listForApplicant } from "@/lib/server/applications";
import { listMyMembershipRequests } from "@/lib/server/organisations";
import { Tag } from "@/components/ui/tag";
import { formatDate, formatSek, type UiLocale } from "@/lib/domain/format";

export async function generateMetadata() {
  return { title: (await getTranslations("applicant"))("title") };
}

export default async function ApplicantHome() {
  const actor = await requirePageRole(["APPLICANT"]);
  const t = await getTranslations("applicant");
  const tc = await getTranslations("common");
  const locale = (await getLocale()) as UiLocale;
  const tj = await getTranslations("organisations");
  const [organisations, requests] = await Promise.all([
    listForApplicant(actor),
    listMyMembershipRequests(actor),
  ]);
  return (
    <>
      <PageHeading title={t("title")} lead={t("lead")} />
      <p className="mb-8 flex flex-wrap gap-4">
        {organisations.length ? (
          <ButtonLink href="/ansokningar/ny">{t("newApplication")}</ButtonLink>
        ) : null}
        <ButtonLink href="/organisationer/ny" variant="secondary">
          {t("addOrganisation")}
        </ButtonLink>
        <ButtonLink href="/organisationer/ga-med" variant="secondary">
          {tj("join.link")}
        </ButtonLink>
      </p>
      {organisations.length === 0 ? <p>{t("noOrganisation")}</p> : null}
      {requests.length ? (
        <section aria-labelledby="my-requests" className="mt-8 mb-10" data-testid="my-requests">
          <h2 id="my-requests" className="text-2xl font-bold">
            {tj("myRequests.title")}
          </h2>
          <ul className="mt-3 space-y-3">
            {requests.map((r) => (
              <li key={r.id} className="border-l-4 border-line pl-4">
                <p className="font-semibold">
                  {r.organisationName} <span className="font-normal text-muted">{r.orgNumber}</span>{" "}
                  <Tag tone={r.status === "PENDING" ? "yellow" : "red"}>
                    {tj(r.status === "PENDING" ? "myRequests.pending" : "myRequests.declined")}
                  </Tag>
                </p>
                <p>
                  {r.status === "PENDING"
                    ? tj("myRequests.pendingText")
                    : tj.rich("myRequests.declinedText", {
                        date: formatDate(r.decidedAt ?? r.createdAt, locale),
                        link: (chunks) => <Link href="/organisationer/ga-med">{chunks}</Link>,
                      })}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {organisations.map((org) => (
        <section key={org.id} aria-labelledby={`org-${org.id}`} className="mb-10">
          <h2 id={`org-${org.id}`} className="text-2xl font-bold">
            {org.name} <span className="text-base font-normal text-muted">{org.orgNumber}</span>
          </h2>
          <p>
            <Link href={`/organisationer/${org.id}`}>{t("organisationDetails")}</Link>
          </p>
          {org.applications.length === 0 ? (
            <p className="mt-2">{t("noApplications")}</p>
          ) : (
            <div className="mt-3">
              <TableScroll label={`${t("applications")}: ${org.name}`}>
                <table className="w-full border-collapse text-left">
                  <caption className="sr-only">
                    {t("applications")}: {org.name}
                  </caption>
                  <thead>
                    <tr className="border-b-2 border-ink">
                      <th scope="col" className="py-2 pr-4">
                        {t("applicationTitle")}
                      </th>
                      <th scope="col" className="py-2 pr-4">
                        {t("reference")}
                      </th>
                      <th scope="col" className="py-2 pr-4">
                        {t("round")}
                      </th>
                      <th scope="col" className="py-2 pr-4 text-right">
                        {t("requested")}
                      </th>
                      <th scope="col" className="py-2 pr-4">
                        {tc("status")}
                      </th>
                      <th scope="col" className="py-2">
                        {t("updated")}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {org.applications.map((app) => (
                      <tr key={app.id} className="border-b border-line">
                        <td className="py-2 pr-4 font-semibold">
                          <Link href={`/ansokningar/${app.id}`}>{app.title || t("untitled")}</Link>
                        </td>
                        <td className="py-2 pr-4">{app.referenceNumber ?? "–"}</td>
                        <td className="py-2 pr-4">{app.round.title}</td>
                        <td className="py-2 pr-4 text-right">
                          {formatSek(app.requestedSek, locale)}
                        </td>
                        <td className="py-2 pr-4">
                          <StatusTag status={app.status} />
                        </td>
                        <td className="py-2">{formatDate(app.updatedAt, locale)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            </div>
          )}
        </section>
      ))}
    </>
  );
}
