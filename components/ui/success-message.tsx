"use client";
import { useLayoutEffect, useRef, type ReactNode } from "react";

/**
 * "Länken är skickad": the answer to an action that keeps the person on the page. It takes the
 * focus when it appears and each time `focusKey` changes (one more success), so keyboard and
 * screen-reader users hear it and keep their place.
 */
export function SuccessMessage({
  children,
  focusKey,
  className = "",
  testId,
}: {
  children: ReactNode;
  focusKey?: unknown;
  className?: string;
  testId?: string;
}) {
  const ref = useRef<HTMLParagraphElement>(null);
  // A layout effect: the focus is there before anything else can notice it was lost.
  useLayoutEffect(() => {
    ref.current?.focus();
  }, [focusKey]);
  return (
    <p
      ref={ref}
      role="status"
      tabIndex={-1}
      className={`font-semibold text-success ${className}`}
      data-testid={testId ?? "success-message"}
    >
      {children}
    </p>
  );
}
