"use client";
import { useLayoutEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/server/action";

export function AcceptInvitation({
  token,
  organisation,
  accept,
}: {
  token: string;
  organisation: string;
  /** Joins the organisation the invitation is for; answers with its id. */
  accept: (token: string) => Promise<ActionResult<string>>;
}) {
  const router = useRouter();
  const t = useTranslations("organisations.invitation");
  const [error, setError] = useState<{ message: string; count: number }>();
  const [pending, setPending] = useState(false);
  const errorLine = useRef<HTMLParagraphElement>(null);
  useLayoutEffect(() => {
    if (error) errorLine.current?.focus();
  }, [error]);
  async function join() {
    setPending(true);
    const result = await accept(token);
    setPending(false);
    if (!result.ok)
      return setError((e) => ({ message: result.message, count: (e?.count ?? 0) + 1 }));
    router.push(`/organisationer/${result.value}`);
  }
  return (
    <div>
      {error ? (
        <p
          ref={errorLine}
          tabIndex={-1}
          className="mb-4 font-semibold text-error"
          role="alert"
          id="accept-error"
        >
          {error.message}
        </p>
      ) : null}
      <Button type="button" disabled={pending} onClick={() => void join()}>
        {t("join", { organisation })}
      </Button>
    </div>
  );
}
