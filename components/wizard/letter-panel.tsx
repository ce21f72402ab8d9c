"use client";
import { useLayoutEffect, useRef, useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { label } from "@/lib/domain/labels";
import { fieldId } from "@/lib/domain/application-parts";
import { LetterRequest } from "@/lib/validation/draft";
import type { UiLocale } from "@/lib/domain/format";
import type { ActionResult } from "@/lib/server/action";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Input, TextArea } from "@/components/ui/form";
import { SuccessMessage } from "@/components/ui/success-message";

type Terms = { competences: string; resources: string; from: string; to: string };
export type LetterPanelProps = {
  applicationId: string;
  partner: { id: string; name: string; contactName: string; contactEmail: string };
  /** The partner's place in the partner part (its fields there are named by it). */
  partnerIndex: number;
  letter:
    | null
    | (Terms & {
        status: "PENDING" | "SIGNED" | "DECLINED";
        channel: "UPLOAD" | "LINK";
        signedBy: string;
        signedAt: string;
        declinedReason: string;
        fileName: string | null;
        linkSentTo: string | null;
        linkExpiresAt: string | null;
      });
  period: { start: string; end: string };
  editable: boolean;
  /** Sends (or, with reminder, re-sends) the partner a personal link to sign. */
  sendLetterLink: (
    applicationId: string,
    partnerId: string,
    input: unknown,
    reminder: boolean,
  ) => Promise<ActionResult<void>>;
};

/**
 * One partner's letter of intent: its status, and the two ways to get it signed. Its section is
 * `#partner-<id>`, where the partner part links to. The focus goes to the heading of the form that
 * opens, to the error summary when sending fails, and to the success message when it works.
 */
export function LetterPanel({
  applicationId,
  partner,
  partnerIndex,
  letter,
  period,
  editable,
  sendLetterLink,
}: LetterPanelProps) {
  const router = useRouter();
  const t = useTranslations("letters");
  const tc = useTranslations("common");
  const locale = useLocale() as UiLocale;
  const [mode, setMode] = useState<"none" | "link" | "upload">("none");
  const prefix = `letter-${partner.id}`;
  const [terms, setTerms] = useState<Terms>({
    competences: letter?.competences ?? "",
    resources: letter?.resources ?? "",
    from: letter?.from || period.start,
    to: letter?.to || period.end,
  });
  const [contact, setContact] = useState({
    contactName: partner.contactName,
    contactEmail: partner.contactEmail,
  });
  const [signed, setSigned] = useState({ signedBy: "", signedAt: "" });
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<{ text: string; count: number } | null>(null);
  const [pending, setPending] = useState(false);
  const say = (text: string) => setNotice((n) => ({ text, count: (n?.count ?? 0) + 1 }));
  // The heading of the form that has just opened takes the focus (the buttons that opened it are gone).
  const formHeading = useRef<HTMLHeadingElement>(null);
  const opened = useRef(mode);
  useLayoutEffect(() => {
    if (opened.current === mode) return;
    opened.current = mode;
    formHeading.current?.focus();
  }, [mode]);
  const partnerField = `/ansokningar/${applicationId}/partner#${fieldId(`partners.${partnerIndex}.contactEmail`)}`;
  const toPartnerPart = (chunks: React.ReactNode) => <Link href={partnerField}>{chunks}</Link>;

  async function sendLink(reminder: boolean) {
    // Checked here first with the server's own rules: a missing e-mail address is said at once.
    const parsed = LetterRequest.safeParse({ ...terms, ...contact });
    if (!parsed.success) {
      const found: Record<string, string> = {};
      for (const issue of parsed.error.issues)
        found[String(issue.path[0] ?? "form")] ??= issue.message;
      return setErrors(found);
    }
    setPending(true);
    const result = await sendLetterLink(
      applicationId,
      partner.id,
      { ...terms, ...contact },
      reminder,
    );
    setPending(false);
    if (!result.ok)
      return setErrors(
        Object.keys(result.errors).length ? result.errors : { form: result.message },
      );
    setErrors({});
    setMode("none");
    say(t("linkSent", { email: contact.contactEmail.trim() }));
    router.refresh();
  }

  async function upload() {
    const body = new FormData();
    if (file) body.set("file", file);
    for (const [k, v] of Object.entries({ ...terms, ...signed })) body.set(k, v);
    setPending(true);
    const response = await fetch(
      `/api/ansokningar/${applicationId}/partner/${partner.id}/avsiktsforklaring`,
      { method: "POST", body },
    );
    setPending(false);
    const result = (await response
      .json()
      .catch(() => ({ ok: false, message: t("uploadFailed"), errors: {} }))) as {
      ok: boolean;
      message?: string;
      errors?: Record<string, string>;
    };
    if (!result.ok)
      return setErrors(
        result.errors && Object.keys(result.errors).length
          ? result.errors
          : { form: result.message ?? "" },
      );
    setErrors({});
    setMode("none");
    say(t("uploaded"));
    router.refresh();
  }

  const err = (k: string) => errors[k];
  const summary = Object.entries(errors).map(([k, message]) => ({
    fieldId: k === "form" ? `${prefix}-heading` : `${prefix}-${k}`,
    message,
  }));
  const termFields = (
    <>
      <TextArea
        id={`${prefix}-competences`}
        label={t("competences")}
        rows={3}
        value={terms.competences}
        onChange={(competences) => setTerms({ ...terms, competences })}
        error={err("competences")}
      />
      <TextArea
        id={`${prefix}-resources`}
        label={t("resources")}
        rows={3}
        hint={t("resourcesHint")}
        value={terms.resources}
        onChange={(resources) => setTerms({ ...terms, resources })}
        error={err("resources")}
      />
      <Input
        id={`${prefix}-from`}
        type="date"
        label={t("from")}
        width="max-w-xs"
        value={terms.from}
        onChange={(from) => setTerms({ ...terms, from })}
        error={err("from")}
      />
      <Input
        id={`${prefix}-to`}
        type="date"
        label={t("to")}
        width="max-w-xs"
        value={terms.to}
        onChange={(to) => setTerms({ ...terms, to })}
        error={err("to")}
      />
    </>
  );

  return (
    <section
      id={`partner-${partner.id}`}
      aria-labelledby={`${prefix}-heading`}
      className="mb-10 border-l-4 border-accent pl-4"
      data-testid={`letter-${partner.name}`}
    >
      <h2 id={`${prefix}-heading`} tabIndex={-1} className="text-2xl font-bold">
        {partner.name}
      </h2>
      <p className="mt-1" data-testid="letter-status">
        {t("statusLabel")}{" "}
        <strong>{!letter ? t("noLetterYet") : label(locale, "letterStatus", letter.status)}</strong>
        {letter?.status === "SIGNED"
          ? t("signedBy", { name: letter.signedBy, date: letter.signedAt })
          : null}
      </p>
      {letter?.status === "DECLINED" && letter.declinedReason ? (
        <p className="mt-1">{t("declinedReason", { reason: letter.declinedReason })}</p>
      ) : null}
      {letter?.status === "PENDING" && letter.linkSentTo ? (
        <p className="mt-1">
          {t("linkPending", { email: letter.linkSentTo, date: letter.linkExpiresAt ?? "" })}
        </p>
      ) : null}
      {letter?.fileName ? (
        <p className="mt-1">
          <a href={`/api/ansokningar/${applicationId}/partner/${partner.id}/avsiktsforklaring`}>
            {t("download", { fileName: letter.fileName })}
          </a>
        </p>
      ) : null}
      {notice ? (
        <SuccessMessage focusKey={notice.count} className="mt-2">
          {notice.text}
        </SuccessMessage>
      ) : null}
      {editable ? (
        <div className="mt-4">
          {mode === "none" ? (
            <div className="flex flex-wrap gap-3">
              <Button
                type="button"
                variant="secondary"
                onClick={() => setMode("link")}
                aria-describedby={partner.contactEmail ? undefined : `${prefix}-needs-email`}
              >
                {letter?.status === "PENDING" ? t("sendReminder") : t("sendLinkToPartner")}
              </Button>
              <Button type="button" variant="secondary" onClick={() => setMode("upload")}>
                {t("uploadSigned")}
              </Button>
            </div>
          ) : null}
          {mode === "none" && !partner.contactEmail ? (
            <p id={`${prefix}-needs-email`} className="mt-2 max-w-2xl text-muted">
              {t.rich("needsEmail", { link: toPartnerPart })}
            </p>
          ) : null}
          {mode !== "none" ? (
            <ErrorSummary title={tc("errorSummaryTitle")} items={summary} focusKey={errors} />
          ) : null}
          {mode === "link" ? (
            <form
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                void sendLink(letter?.status === "PENDING");
              }}
            >
              <h3 ref={formHeading} tabIndex={-1} className="mb-2 text-xl font-bold">
                {t("linkFormTitle", { partner: partner.name })}
              </h3>
              <p className="mb-4">{t("linkInfo")}</p>
              {!contact.contactEmail.trim() ? (
                <p
                  className="mb-4 max-w-2xl border-l-4 border-accent bg-surface p-3"
                  data-testid="email-needed"
                >
                  {t.rich("emailNeeded", { link: toPartnerPart })}
                </p>
              ) : null}
              <Input
                id={`${prefix}-contactName`}
                label={t("contactName")}
                value={contact.contactName}
                onChange={(contactName) => setContact({ ...contact, contactName })}
                error={err("contactName")}
              />
              <Input
                id={`${prefix}-contactEmail`}
                type="email"
                label={t("contactEmail")}
                hint={t("contactEmailHint")}
                value={contact.contactEmail}
                onChange={(contactEmail) => setContact({ ...contact, contactEmail })}
                error={err("contactEmail")}
              />
              {termFields}
              <div className="flex gap-3">
                <Button type="submit" disabled={pending}>
                  {t("sendLink")}
                </Button>
                <Button type="button" variant="secondary" onClick={() => setMode("none")}>
                  {tc("cancel")}
                </Button>
              </div>
            </form>
          ) : null}
          {mode === "upload" ? (
            <form
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                void upload();
              }}
            >
              <h3 ref={formHeading} tabIndex={-1} className="mb-4 text-xl font-bold">
                {t("uploadFormTitle", { partner: partner.name })}
              </h3>
              <div className={`mb-6 ${err("file") ? "border-l-4 border-error pl-4" : ""}`}>
                <label htmlFor={`${prefix}-file`} className="block font-semibold">
                  {t("file")}
                </label>
                {err("file") ? (
                  <p id={`${prefix}-file-error`} className="font-semibold text-error">
                    {err("file")}
                  </p>
                ) : null}
                <input
                  id={`${prefix}-file`}
                  type="file"
                  accept="application/pdf,.pdf"
                  aria-describedby={err("file") ? `${prefix}-file-error` : undefined}
                  onChange={(e) => setFile(e.target.files?.[0] ?? null)}
                  className="mt-1 block"
                />
              </div>
              {termFields}
              <Input
                id={`${prefix}-signedBy`}
                label={t("signedByLabel")}
                value={signed.signedBy}
                onChange={(signedBy) => setSigned({ ...signed, signedBy })}
                error={err("signedBy")}
              />
              <Input
                id={`${prefix}-signedAt`}
                type="date"
                label={t("signedAt")}
                width="max-w-xs"
                value={signed.signedAt}
                onChange={(signedAt) => setSigned({ ...signed, signedAt })}
                error={err("signedAt")}
              />
              <div className="flex gap-3">
                <Button type="submit" disabled={pending}>
                  {t("upload")}
                </Button>
                <Button type="button" variant="secondary" onClick={() => setMode("none")}>
                  {tc("cancel")}
                </Button>
              </div>
            </form>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
