"use client";
import { useLayoutEffect, useMemo, useRef, useState } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import {
  FindOrganisationInput,
  JOIN_MESSAGE_MAX,
  JoinOrganisationInput,
  issuesByField,
} from "@/lib/validation/organisation";
import type { ActionResult } from "@/lib/server/action";
import { Input, TextArea } from "@/components/ui/form";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";

type Found = {
  name: string;
  orgNumber: string;
  place: string;
  relation: "MEMBER" | "PENDING" | "NONE";
};
type Step = { kind: "number" } | { kind: "found"; org: Found } | { kind: "sent"; name: string };

/**
 * Asking to join an organisation that is already in Samverka: the number, then the organisation
 * found (name and town only) to confirm, an optional note, and the request. Focus moves to the
 * heading of each new step, or to the error summary.
 */
export function JoinOrganisationForm({
  find,
  request,
}: {
  /** Looks the number up; answers only the public facts that confirm the organisation. */
  find: (input: unknown) => Promise<ActionResult<Found>>;
  /** Sends the request to the organisation's members. */
  request: (input: unknown) => Promise<ActionResult<{ organisation: string; created: boolean }>>;
}) {
  const t = useTranslations("organisations.join");
  const tc = useTranslations("common");
  const [step, setStep] = useState<Step>({ kind: "number" });
  const [orgNumber, setOrgNumber] = useState("");
  const [message, setMessage] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const stepChanged = useRef(false);

  useLayoutEffect(() => {
    if (!stepChanged.current) return;
    if (step.kind === "number") document.getElementById("orgNumber")?.focus();
    else heading.current?.focus();
  }, [step]);

  const go = (next: Step) => {
    stepChanged.current = true;
    setErrors({});
    setStep(next);
  };

  async function lookUp() {
    if (pending) return;
    const parsed = FindOrganisationInput.safeParse({ orgNumber });
    if (!parsed.success) return setErrors(issuesByField(parsed.error));
    setPending(true);
    const result = await find({ orgNumber });
    setPending(false);
    if (!result.ok)
      return setErrors(
        Object.keys(result.errors).length ? result.errors : { orgNumber: result.message },
      );
    go({ kind: "found", org: result.value });
  }

  async function send() {
    if (pending) return;
    const parsed = JoinOrganisationInput.safeParse({ orgNumber, message });
    if (!parsed.success) return setErrors(issuesByField(parsed.error));
    setPending(true);
    const result = await request({ orgNumber, message });
    setPending(false);
    if (!result.ok)
      return setErrors(
        Object.keys(result.errors).length ? result.errors : { _form: result.message },
      );
    go({ kind: "sent", name: result.value.organisation });
  }

  const items = useMemo(
    () =>
      Object.entries(errors).map(([field, text]) => ({
        fieldId:
          step.kind === "number" ? "orgNumber" : field === "message" ? "join-message" : "join-send",
        message: text,
      })),
    [errors, step.kind],
  );

  if (step.kind === "sent")
    return (
      <div className="max-w-2xl">
        <div className="mb-6 border-4 border-success p-4" data-testid="join-sent">
          <h2 ref={heading} tabIndex={-1} className="text-2xl font-bold">
            {t("sentTitle")}
          </h2>
          <p className="mt-2 text-lg">{t("sentText", { organisation: step.name })}</p>
        </div>
        <p>
          <Link href="/ansokningar">{t("toApplications")}</Link>
        </p>
      </div>
    );

  if (step.kind === "found") {
    const { org } = step;
    return (
      <section aria-labelledby="join-found-title" className="max-w-2xl">
        <ErrorSummary title={tc("errorSummaryTitle")} items={items} focusKey={errors} />
        <h2 id="join-found-title" ref={heading} tabIndex={-1} className="text-2xl font-bold">
          {t("foundTitle")}
        </h2>
        <div className="my-4 border-l-4 border-accent bg-surface p-4" data-testid="join-found">
          <p className="text-xl font-bold">{org.name}</p>
          <p>{org.place}</p>
          <p className="text-muted">
            {t("orgNumber")} {org.orgNumber}
          </p>
        </div>
        {org.relation !== "NONE" ? (
          <>
            <p className="mb-4 text-lg">
              {org.relation === "MEMBER"
                ? t("alreadyMember", { organisation: org.name })
                : t("alreadyPending", { organisation: org.name })}
            </p>
            <p className="flex flex-wrap gap-4">
              <Link href="/ansokningar">{t("toApplications")}</Link>
            </p>
          </>
        ) : (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void send();
            }}
          >
            <TextArea
              id="join-message"
              label={t("message")}
              hint={t("messageHint")}
              optional
              rows={4}
              value={message}
              onChange={setMessage}
              maxChars={JOIN_MESSAGE_MAX}
              error={errors.message}
            />
            <div className="flex flex-wrap gap-4">
              <Button id="join-send" type="submit" disabled={pending}>
                {t("send")}
              </Button>
              <Button type="button" variant="secondary" onClick={() => go({ kind: "number" })}>
                {t("otherNumber")}
              </Button>
            </div>
          </form>
        )}
      </section>
    );
  }

  return (
    <form
      noValidate
      className="max-w-2xl"
      onSubmit={(e) => {
        e.preventDefault();
        void lookUp();
      }}
    >
      <ErrorSummary title={tc("errorSummaryTitle")} items={items} focusKey={errors} />
      <Input
        id="orgNumber"
        label={t("orgNumber")}
        hint={t("orgNumberHint")}
        width="max-w-xs"
        autoComplete="off"
        value={orgNumber}
        onChange={setOrgNumber}
        error={errors.orgNumber}
      />
      <Button type="submit" disabled={pending}>
        {t("find")}
      </Button>
    </form>
  );
}
