"use client";

/**
 * One approved grant as the public list shows it, every text formatted by the page. The page's
 * payload then carries these strings per row instead of the rendered element tree.
 */
export type GrantRowView = {
  id: string;
  organisation: string;
  municipality: string;
  title: string;
  track: string;
  /** The published learning example's id, if there is one. */
  exampleId?: string;
  amount: string;
  /** The project period's first and last day, formatted. */
  period?: [string, string];
  decided: string;
};

const cell = "py-2 pr-3";

/** The public list's table body (the page renders its head). */
export function GrantRows({ rows, exampleText }: { rows: GrantRowView[]; exampleText: string }) {
  return (
    <tbody>
      {rows.map((g) => (
        <tr key={g.id} className="border-b border-line align-top">
          <td className={`${cell} break-words`}>
            {g.organisation}
            <span className="block text-sm text-muted">{g.municipality}</span>
          </td>
          <td className={`${cell} break-words`}>
            <span className="line-clamp-3 font-semibold" title={g.title} data-testid="grant-title">
              {g.title}
            </span>
            <span className="block text-sm text-muted">{g.track}</span>
            {g.exampleId ? (
              <a href={`/erfarenheter/${g.exampleId}`} className="block text-sm">
                {exampleText}
              </a>
            ) : null}
          </td>
          <td className={`${cell} text-right`}>{g.amount}</td>
          <td className={cell}>
            {g.period ? (
              <>
                <span className="block">{g.period[0]} –</span>
                <span className="block">{g.period[1]}</span>
              </>
            ) : (
              "–"
            )}
          </td>
          <td className={cell}>{g.decided}</td>
        </tr>
      ))}
    </tbody>
  );
}
