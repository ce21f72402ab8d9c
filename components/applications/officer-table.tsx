import { TableScroll } from "@/components/ui/table-scroll";
import { getLocale, getTranslations } from "next-intl/server";
import { StatusTag } from "./status-tag";
import { formatDate, formatSek, type UiLocale } from "@/lib/domain/format";

type Row = {
  id: string;
  title: string;
  status: Parameters<typeof StatusTag>[0]["status"];
  referenceNumber: string | null;
  requestedSek: number;
  track: "KNOWLEDGE" | "COLLABORATION" | "INTERVENTION" | null;
  submittedAt: Date | null;
  organisation: { name: string };
};

export async function OfficerTable({ rows, caption }: { rows: Row[]; caption: string }) {
  const t = await getTranslations();
  const locale = (await getLocale()) as UiLocale;
  if (!rows.length) return <p>{t("common.none")}</p>;
  return (
    <TableScroll label={caption}>
      <table className="w-full border-collapse text-left">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-ink">
            <th scope="col" className="py-2 pr-4">
              {t("applicant.reference")}
            </th>
            <th scope="col" className="py-2 pr-4">
              {t("applicant.applicationTitle")}
            </th>
            <th scope="col" className="py-2 pr-4">
              {t("reviewer.organisation")}
            </th>
            <th scope="col" className="py-2 pr-4">
              {t("reviewer.track")}
            </th>
            <th scope="col" className="py-2 pr-4 text-right">
              {t("applicant.requested")}
            </th>
            <th scope="col" className="py-2 pr-4">
              {t("common.status")}
            </th>
            <th scope="col" className="py-2">
              {t("reviewer.submitted")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-b border-line">
              <td className="py-2 pr-4 whitespace-nowrap">
                <a href={`/handlaggning/${row.id}`}>{row.referenceNumber}</a>
              </td>
              <td className="py-2 pr-4 font-semibold">{row.title}</td>
              <td className="py-2 pr-4">{row.organisation.name}</td>
              <td className="py-2 pr-4">{row.track ? t(`tracks.${row.track}`) : "–"}</td>
              <td className="py-2 pr-4 text-right whitespace-nowrap">
                {formatSek(row.requestedSek, locale)}
              </td>
              <td className="py-2 pr-4">
                <StatusTag status={row.status} />
              </td>
              <td className="py-2">
                {row.submittedAt ? formatDate(row.submittedAt, locale) : "–"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
