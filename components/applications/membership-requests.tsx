"use client";
import { useLayoutEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/server/action";
import { Button } from "@/components/ui/button";
import { SuccessMessage } from "@/components/ui/success-message";

type Request = { id: string; name: string; email: string; message: string; askedOn: string };
type Outcome = { ok: boolean; text: string };

/**
 * A member's list of requests to join, each with Godkänn and Avböj. After an answer the outcome is
 * shown and focused (the answered request leaves the list when the page refreshes).
 */
export function MembershipRequests({
  requests,
  decide,
}: {
  requests: Request[];
  /** Approves or declines one request. */
  decide: (input: unknown) => Promise<ActionResult<{ approved: boolean; name: string }>>;
}) {
  const router = useRouter();
  const t = useTranslations("organisations.requests");
  const [busy, setBusy] = useState<string>();
  const [outcome, setOutcome] = useState<Outcome>();
  const problem = useRef<HTMLParagraphElement>(null);
  useLayoutEffect(() => {
    if (outcome && !outcome.ok) problem.current?.focus();
  }, [outcome]);

  async function answer(request: Request, approve: boolean) {
    if (busy) return;
    setBusy(request.id);
    const result = await decide({ requestId: request.id, approve });
    setBusy(undefined);
    setOutcome(
      result.ok
        ? {
            ok: true,
            text: result.value.approved
              ? t("approved", { name: result.value.name })
              : t("declined", { name: result.value.name }),
          }
        : { ok: false, text: result.message },
    );
    router.refresh();
  }

  return (
    <div data-testid="membership-requests">
      {outcome?.ok ? (
        <SuccessMessage focusKey={outcome} className="mb-4">
          {outcome.text}
        </SuccessMessage>
      ) : null}
      {outcome && !outcome.ok ? (
        <p ref={problem} tabIndex={-1} role="alert" className="mb-4 font-semibold text-error">
          <span className="sr-only">{t("problem")}: </span>
          {outcome.text}
        </p>
      ) : null}
      {requests.length === 0 ? (
        <p className="mb-6">{t("none")}</p>
      ) : (
        <ul className="mb-6 space-y-4">
          {requests.map((r) => (
            <li key={r.id} className="border-l-4 border-accent pl-4">
              <p className="font-semibold">
                {r.name} ({r.email})
              </p>
              <p className="text-sm text-muted">{t("asked", { date: r.askedOn })}</p>
              {r.message ? (
                <div className="mt-2">
                  <p className="font-semibold">{t("message")}</p>
                  <p className="whitespace-pre-line">{r.message}</p>
                </div>
              ) : null}
              <div className="mt-3 flex flex-wrap gap-3">
                <Button
                  type="button"
                  disabled={busy !== undefined}
                  onClick={() => void answer(r, true)}
                >
                  {t("approve")} <span className="sr-only">{r.name}</span>
                </Button>
                <Button
                  type="button"
                  variant="secondary"
                  disabled={busy !== undefined}
                  onClick={() => void answer(r, false)}
                >
                  {t("decline")} <span className="sr-only">{r.name}</span>
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
