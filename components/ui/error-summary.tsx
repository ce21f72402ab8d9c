"use client";
import { useEffect, useRef } from "react";

export type SummaryItem = { fieldId: string; message: string };

/** "Det finns fel i formuläret": focused when it appears, each item links to its field (an id on this page, or a path to another). */
export function ErrorSummary({ title, items }: { title: string; items: SummaryItem[] }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (items.length) ref.current?.focus();
  }, [items]);
  if (!items.length) return null;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      aria-labelledby="error-summary-title"
      className="mb-8 border-4 border-error p-4"
      data-testid="error-summary"
    >
      <h2 id="error-summary-title" className="text-xl font-bold">
        {title}
      </h2>
      <ul className="mt-2 list-none">
        {items.map((item) => (
          <li key={item.fieldId + item.message}>
            <a
              href={item.fieldId.startsWith("/") ? item.fieldId : `#${item.fieldId}`}
              className="font-semibold text-error"
            >
              {item.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
