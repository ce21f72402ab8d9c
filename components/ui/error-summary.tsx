"use client";
import { useId, useLayoutEffect, useRef } from "react";

export type SummaryItem = { fieldId: string; message: string };

/**
 * "Det finns fel i formuläret": each item links to its field (an id on this page, or a path to
 * another). It takes the focus when an action has failed, not when the form merely re-renders:
 * - with `focusKey` (the errors as last set, or a count of failed tries), each time it changes, so
 *   a second failed try with the same errors brings the focus back; nothing else moves it, which
 *   keeps background work such as autosave from taking the person's place;
 * - without it, each time the list says something new.
 */
export function ErrorSummary({
  title,
  items,
  focusKey,
}: {
  title: string;
  items: SummaryItem[];
  focusKey?: unknown;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const content = items.map((i) => `${i.fieldId}\u0000${i.message}`).join("\u0001");
  const trigger = focusKey === undefined ? content : focusKey;
  const seen = useRef<{ trigger: unknown } | null>(null);
  // A layout effect: the summary has the focus before anything else can notice it was lost.
  useLayoutEffect(() => {
    const first = seen.current === null;
    if (!first && Object.is(seen.current?.trigger, trigger)) return;
    seen.current = { trigger };
    // With a focusKey, the page as it was loaded (errors kept from before) is no failed action.
    if (first && focusKey !== undefined) return;
    if (content) ref.current?.focus();
  });
  if (!items.length) return null;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      aria-labelledby={titleId}
      className="mb-8 border-4 border-error p-4"
      data-testid="error-summary"
    >
      <h2 id={titleId} className="text-xl font-bold">
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
