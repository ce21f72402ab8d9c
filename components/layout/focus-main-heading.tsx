"use client";
import { useEffect, useRef } from "react";
import { usePathname } from "next/navigation";
import { focusElement, headingsAround, pageHeading } from "@/components/ui/focus";

/** The element an address's #fragment names; a section or a box gives its heading. */
function hashTarget(): HTMLElement | null {
  const id = decodeURIComponent(window.location.hash.slice(1));
  const target = id ? document.getElementById(id) : null;
  if (!target || target.tabIndex >= 0 || target.hasAttribute("tabindex")) return target;
  return target.querySelector<HTMLElement>("h1, h2, h3, legend") ?? target;
}

/**
 * Keeps the keyboard's place when the page changes under it (UX.md, "Focus after every action"):
 *
 * - After a client-side route change (a link, or a form that sends the person on), the element the
 *   address's #fragment names takes the focus, or else the new page's h1, unless the new page has
 *   already put the focus inside main itself (an error summary, a code field). Next leaves focus
 *   alone on navigation and announces the new page's title through its route announcer; that
 *   stays. The first page load is the browser's.
 * - When the focused element disappears (a row removed, a form gone once a server action has
 *   refreshed the page), the focus goes to the nearest heading that is still there (the legend of
 *   its fieldset, the heading of its section, the page's h1) instead of falling to the body.
 */
export function FocusMainHeading() {
  const pathname = usePathname();
  const shown = useRef<string | null>(null);

  useEffect(() => {
    const before = shown.current;
    shown.current = pathname;
    if (before === null || before === pathname) return;
    const hash = window.location.hash !== "";
    const target = () => {
      const named = hashTarget();
      if (named) return named;
      const active = document.activeElement;
      const main = document.getElementById("main");
      return active && active !== document.body && main?.contains(active) ? null : pageHeading();
    };
    // Next's scroll handling has run: keep its position (the top, or the #fragment).
    const place = () => {
      const element = target();
      return element === null || focusElement(element, { preventScroll: !hash });
    };
    if (place()) return;
    // A page still streaming in: wait a moment for its heading.
    const observer = new MutationObserver(() => {
      if (place()) observer.disconnect();
    });
    observer.observe(document.body, { childList: true, subtree: true });
    const timer = setTimeout(() => observer.disconnect(), 3_000);
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [pathname]);

  useEffect(() => {
    let focused: HTMLElement | null = null;
    let around: HTMLElement[] = [];
    let path = window.location.pathname;
    const onFocusIn = (event: FocusEvent) => {
      if (!(event.target instanceof HTMLElement)) return;
      focused = event.target;
      around = headingsAround(focused);
      path = window.location.pathname;
    };
    const observer = new MutationObserver(() => {
      if (!focused || focused.isConnected) return;
      focused = null;
      const active = document.activeElement;
      // Moved on purpose, or a new page (the effect above): not this one's to move.
      if ((active && active !== document.body) || window.location.pathname !== path) return;
      focusElement(around.find((heading) => heading.isConnected) ?? pageHeading());
    });
    document.addEventListener("focusin", onFocusIn);
    observer.observe(document.body, { childList: true, subtree: true });
    return () => {
      document.removeEventListener("focusin", onFocusIn);
      observer.disconnect();
    };
  }, []);

  return null;
}
