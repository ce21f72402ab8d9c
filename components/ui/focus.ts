// Where the keyboard goes after an action (UX.md, "Focus after every action"): a heading, a
// success message or an error summary, never the page body.
import { useLayoutEffect, useRef } from "react";

/** The page's own heading: the h1 in main. */
export const pageHeading = () => document.querySelector<HTMLElement>("main h1");

/**
 * The headings around an element, the nearest first: the legend of each fieldset it is in, the
 * heading that names each section it is in, and last the page's h1.
 */
export function headingsAround(element: Element | null): HTMLElement[] {
  const found: HTMLElement[] = [];
  for (let at = element?.parentElement ?? null; at; at = at.parentElement) {
    if (at instanceof HTMLFieldSetElement) {
      const legend = at.querySelector<HTMLElement>(":scope > legend");
      if (legend) found.push(legend);
    } else if (at.matches("section, [role=region]")) {
      const labelledBy = at.getAttribute("aria-labelledby");
      const heading =
        (labelledBy ? document.getElementById(labelledBy) : null) ??
        at.querySelector<HTMLElement>("h2, h3");
      if (heading) found.push(heading);
    }
  }
  const h1 = pageHeading();
  if (h1) found.push(h1);
  return found;
}

/** The heading of the part of the page an element is in (its section's, else the page's h1). */
export const headingNear = (element: Element | null): HTMLElement | null =>
  headingsAround(element)[0] ?? null;

/**
 * Focuses an element, also one that takes no focus by itself (a heading, a message: it gets
 * tabindex="-1", so it does not join the tab order). Answers whether the focus is there now.
 */
export function focusElement(element: HTMLElement | null, options?: FocusOptions): boolean {
  if (!element?.isConnected) return false;
  if (element.tabIndex < 0 && !element.hasAttribute("tabindex")) element.tabIndex = -1;
  element.focus(options);
  return document.activeElement === element;
}

/**
 * For a change that adds or removes something on screen (a partner, a row): call the answer with
 * the id of the element that is to have the focus once the change is rendered.
 */
export function useFocusAfterRender(): (id: string) => void {
  const next = useRef<string | null>(null);
  useLayoutEffect(() => {
    if (next.current === null) return;
    focusElement(document.getElementById(next.current));
    next.current = null;
  });
  return (id) => {
    next.current = id;
  };
}
