"use client";
import { useActionState, useLayoutEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/server/action";

type Option = { value: string; label: string };
/** Null until the first try; on success the server redirects to the new draft instead. */
type StartState = ActionResult<unknown> | null;

/** A plain form (works without JavaScript); the server creates the draft and opens it. */
export function StartApplicationForm({
  organisations,
  rounds,
  selected,
  start,
}: {
  organisations: Option[];
  rounds: Option[];
  selected?: string;
  start: (state: StartState, form: FormData) => Promise<StartState>;
}) {
  const [state, action, pending] = useActionState(start, null);
  const t = useTranslations("applications.new");
  // Each failed try (a new state) brings the focus to its message; success leaves the page.
  const errorLine = useRef<HTMLParagraphElement>(null);
  useLayoutEffect(() => {
    if (state && !state.ok) errorLine.current?.focus();
  }, [state]);
  return (
    <form action={action} className="max-w-xl">
      {state && !state.ok ? (
        <p
          ref={errorLine}
          tabIndex={-1}
          role="alert"
          className="mb-4 border-l-4 border-error pl-4 font-semibold text-error"
          id="start-error"
        >
          {state.message}
        </p>
      ) : null}
      <fieldset className="mb-6">
        <legend className="font-semibold">{t("whichOrganisation")}</legend>
        {organisations.map((o, i) => (
          <div key={o.value} className="mt-2 flex items-center gap-3">
            <input
              type="radio"
              id={`org-${o.value}`}
              name="organisationId"
              value={o.value}
              defaultChecked={selected ? selected === o.value : i === 0}
              className="h-6 w-6"
            />
            <label htmlFor={`org-${o.value}`}>{o.label}</label>
          </div>
        ))}
      </fieldset>
      <fieldset className="mb-6">
        <legend className="font-semibold">{t("whichRound")}</legend>
        {rounds.map((r, i) => (
          <div key={r.value} className="mt-2 flex items-center gap-3">
            <input
              type="radio"
              id={`round-${r.value}`}
              name="roundId"
              value={r.value}
              defaultChecked={i === 0}
              className="h-6 w-6"
            />
            <label htmlFor={`round-${r.value}`}>{r.label}</label>
          </div>
        ))}
      </fieldset>
      <Button type="submit" disabled={pending}>
        {t("start")}
      </Button>
    </form>
  );
}
