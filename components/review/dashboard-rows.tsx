"use client";
import Link from "next/link";
import { Tag, type TagTone } from "@/components/ui/tag";

/**
 * One row of the officers' dashboard as it is shown: every text already formatted by the page
 * (dates, amounts, labels), absent fields left out. The page's payload then carries these few
 * strings per row instead of the rendered element tree.
 */
export type DashboardRowView = {
  id: string;
  reference: string;
  title: string;
  organisation: string;
  /** Track and municipality, "Kunskap · Stockholm". */
  place: string;
  /** The round's title, when all rounds are listed. */
  round?: string;
  amount: string;
  status: string;
  tone: TagTone;
  step?: string;
  officer?: string;
  conflict?: "declared" | "notConsidered";
  reviewed?: true;
  submitted: string;
  age: string;
  due?: string;
  overdue?: true;
  target?: string;
};

export type DashboardRowsText = {
  conflictDeclared: string;
  conflictNotConsidered: string;
  reviewed: string;
  overdue: string;
};

/** The dashboard table's body (the page renders its head, with the sort links). */
export function DashboardRows({
  rows,
  text,
}: {
  rows: DashboardRowView[];
  text: DashboardRowsText;
}) {
  return (
    <tbody data-testid="dashboard-rows">
      {rows.map((row) => (
        <tr key={row.id} className="border-b border-line align-top">
          <td className="py-2 pr-2 font-semibold whitespace-nowrap">{row.reference}</td>
          <td className="py-2 pr-2 break-words">
            {/* Long titles are cut to two lines on screen; the link's text (its accessible
                name) stays whole, and focus shows all of it. */}
            <Link
              href={`/handlaggning/${row.id}`}
              title={row.title}
              className="line-clamp-2 font-semibold focus:line-clamp-none"
              data-testid="case-title"
            >
              {row.title}
            </Link>
            <span className="block">{row.organisation}</span>
            <span className="block text-muted">{row.place}</span>
            {row.round ? <span className="block text-muted">{row.round}</span> : null}
          </td>
          <td className="py-2 pr-2 text-right">{row.amount}</td>
          <td className="py-2 pr-2">
            <Tag tone={row.tone}>{row.status}</Tag>
            {row.step ? <span className="block text-muted">{row.step}</span> : null}
            {row.officer ? <span className="block text-muted">{row.officer}</span> : null}
            {row.conflict ? (
              <span className="mt-1 block">
                {row.conflict === "declared" ? (
                  <Tag tone="red">{text.conflictDeclared}</Tag>
                ) : (
                  <Tag tone="yellow">{text.conflictNotConsidered}</Tag>
                )}
              </span>
            ) : null}
            {row.reviewed ? <span className="block text-muted">{text.reviewed}</span> : null}
          </td>
          <td className="py-2">
            <span className="block">{row.submitted}</span>
            <span className="block text-muted" data-testid="case-age">
              {row.age}
            </span>
            {row.due ? (
              <span className="mt-1 block" data-testid="completion-due">
                {row.due}
                {row.overdue ? (
                  <span className="mt-1 block">
                    <Tag tone="red">{text.overdue}</Tag>
                  </span>
                ) : null}
              </span>
            ) : null}
            {row.target ? <span className="mt-1 block text-muted">{row.target}</span> : null}
          </td>
        </tr>
      ))}
    </tbody>
  );
}
