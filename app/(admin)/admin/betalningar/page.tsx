import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePageRole } from "@/lib/server/actor";
import { overdueClaims, paymentsOverview } from "@/lib/server/follow-up";
import { formatDate, formatDateTime, formatSek, type UiLocale } from "@/lib/domain/format";
import { PageHeading } from "@/components/ui/page-heading";
import { SimpleForm } from "@/components/ui/simple-form";
import { TableScroll } from "@/components/ui/table-scroll";
import { Tag } from "@/components/ui/tag";
import { cancelPaymentFileAction, createPaymentFileAction, markFilePaidAction } from "./actions";

export async function generateMetadata() {
  return { title: (await getTranslations("admin.payments"))("title") };
}

export default async function PaymentsPage() {
  const actor = await requirePageRole(["ADMIN"]);
  const [overview, claims] = await Promise.all([paymentsOverview(actor), overdueClaims(actor)]);
  const t = await getTranslations("admin.payments");
  const locale = (await getLocale()) as UiLocale;
  const sek = (n: number) => formatSek(n, locale);
  const date = (d: Date) => formatDate(d, locale);
  const th = "py-2 pr-4";
  const readyTotal = overview.ready.reduce((sum, i) => sum + i.amountSek, 0);
  const instalmentList = (
    rows: typeof overview.ready,
    testId: string,
    item: "readyItem" | "awaitingItem" | "overdueItem",
  ) => (
    <ul className="list-disc pl-6" data-testid={testId}>
      {rows.map((i) => (
        <li key={i.id}>
          <Link href={`/uppfoljning/${i.application.id}`}>{i.application.referenceNumber}</Link>{" "}
          {t(item, {
            organisation: i.application.organisation.name,
            number: i.number,
            amount: sek(i.amountSek),
            date: date(i.dueDate),
          })}
        </li>
      ))}
    </ul>
  );
  return (
    <>
      <p className="mb-2">
        <Link href="/admin">{t("back")}</Link>
      </p>
      <PageHeading title={t("title")} lead={t("lead")} />

      <section aria-labelledby="ready-heading" className="mb-10">
        <h2 id="ready-heading" className="mb-2 text-2xl font-bold">
          {t("ready", { count: overview.ready.length, amount: sek(readyTotal) })}
        </h2>
        {instalmentList(overview.ready, "ready", "readyItem")}
        {overview.ready.length ? (
          <div className="mt-6">
            <SimpleForm
              id="create-file"
              title={t("createTitle")}
              submitLabel={t("create")}
              action={createPaymentFileAction}
              fields={[
                {
                  name: "upTo",
                  type: "date",
                  label: t("upTo"),
                  hint: t("upToHint"),
                  optional: true,
                },
              ]}
            />
          </div>
        ) : (
          <p>{t("noneReady")}</p>
        )}
      </section>

      <section aria-labelledby="files-heading" className="mb-10">
        <h2 id="files-heading" className="mb-3 text-2xl font-bold">
          {t("files")}
        </h2>
        {overview.files.length ? (
          <ul className="space-y-6" data-testid="payment-files">
            {overview.files.map((f) => (
              <li key={f.id} className="border-l-4 border-line pl-4" data-testid="payment-file">
                <h3 className="text-xl font-bold">
                  {t("fileTitle", { at: formatDateTime(f.createdAt, locale) })}{" "}
                  <Tag
                    tone={f.status === "PAID" ? "green" : f.status === "CANCELLED" ? "red" : "blue"}
                  >
                    {t(`status.${f.status}`)}
                  </Tag>
                </h3>
                <p>
                  {t("fileSummary", {
                    count: f.count,
                    amount: sek(f.totalSek),
                    by: f.createdBy,
                  })}
                  {f.upTo ? ` ${t("fileUpTo", { date: date(f.upTo) })}` : ""}
                </p>
                <p className="text-sm break-all text-muted">
                  {t("checksum")} <code>{f.sha256}</code>
                </p>
                {f.paidAt ? <p>{t("paidAt", { at: formatDateTime(f.paidAt, locale) })}</p> : null}
                {f.cancelledAt ? (
                  <p>
                    {t("cancelledAt", {
                      at: formatDateTime(f.cancelledAt, locale),
                      reason: f.cancelReason ?? "",
                    })}
                  </p>
                ) : null}
                {f.conflicted ? (
                  <p className="font-semibold">{t("conflicted")}</p>
                ) : (
                  <>
                    <p className="my-2 flex flex-wrap gap-x-6">
                      {/* A cancelled file is never to reach the bank: its instalments are in a newer file. */}
                      {f.status !== "CANCELLED" ? (
                        <a href={`/api/admin/betalfiler/${f.id}?format=xml`}>{t("downloadXml")}</a>
                      ) : null}
                      <a href={`/api/admin/betalfiler/${f.id}?format=csv`}>{t("downloadCsv")}</a>
                    </p>
                    {f.status === "CREATED" ? (
                      <div className="mt-3 grid gap-6 sm:grid-cols-2">
                        <SimpleForm
                          id={`paid-${f.id}`}
                          fields={[]}
                          submitLabel={t("markPaid")}
                          action={markFilePaidAction.bind(null, f.id)}
                        />
                        <details>
                          <summary className="cursor-pointer">{t("cancel")}</summary>
                          <SimpleForm
                            id={`cancel-${f.id}`}
                            submitLabel={t("cancelSubmit")}
                            variant="warning"
                            action={cancelPaymentFileAction.bind(null, f.id)}
                            fields={[
                              { name: "reason", type: "textarea", label: t("cancelReason") },
                            ]}
                          />
                        </details>
                      </div>
                    ) : null}
                  </>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("noFiles")}</p>
        )}
      </section>

      <section aria-labelledby="awaiting-heading" className="mb-10">
        <h2 id="awaiting-heading" className="mb-2 text-2xl font-bold">
          {t("awaiting", { count: overview.awaitingAttest.length })}
        </h2>
        {instalmentList(overview.awaitingAttest, "awaiting-attest", "awaitingItem")}
      </section>

      <section aria-labelledby="overdue-heading" className="mb-10">
        <h2 id="overdue-heading" className="mb-2 text-2xl font-bold">
          {t("overdue", { count: overview.overdue.length })}
        </h2>
        {instalmentList(overview.overdue, "overdue-instalments", "overdueItem")}
      </section>

      <section aria-labelledby="claims-heading" className="mb-10">
        <h2 id="claims-heading" className="mb-2 text-2xl font-bold">
          {t("overdueClaims", { count: claims.length })}
        </h2>
        {claims.length ? (
          <TableScroll label={t("overdueClaimsTable")}>
            <table className="w-full border-collapse text-left">
              <thead>
                <tr className="border-b-2 border-ink">
                  <th scope="col" className={th}>
                    {t("reference")}
                  </th>
                  <th scope="col" className={th}>
                    {t("organisation")}
                  </th>
                  <th scope="col" className={`${th} text-right`}>
                    {t("left")}
                  </th>
                  <th scope="col" className={th}>
                    {t("dueDate")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {claims.map((c) => (
                  <tr key={c.id} className="border-b border-line">
                    <td className={th}>
                      <Link href={`/uppfoljning/${c.application.id}`}>
                        {c.application.referenceNumber}
                      </Link>
                    </td>
                    <td className={th}>{c.application.organisation.name}</td>
                    <td className={`${th} text-right whitespace-nowrap`}>
                      {sek(c.amountSek - c.payments.reduce((sum, p) => sum + p.amountSek, 0))}
                    </td>
                    <td className={th}>{date(c.dueDate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ) : null}
      </section>
    </>
  );
}
