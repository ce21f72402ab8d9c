"use client";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import type { LetterDetails, LettersById } from "@/lib/domain/draft-patch";
import { formatDate, type UiLocale } from "@/lib/domain/format";
import { label } from "@/lib/domain/labels";
import { Tag } from "@/components/ui/tag";

type State = "NOT_REQUESTED" | "PENDING" | "SIGNED" | "DECLINED";
const TONE = {
  NOT_REQUESTED: "neutral",
  PENDING: "yellow",
  SIGNED: "green",
  DECLINED: "red",
} as const;

/** The letters page's section for one partner, where its letter's actions are. */
const letterHref = (applicationId: string, partnerId: string) =>
  `/ansokningar/${applicationId}/avsiktsforklaringar#partner-${partnerId}`;

/**
 * In the partner part, inside each partner: its letter of intent's status in words ("Väntar på
 * svar från Anna Andersson") and a link to that partner's actions (send link, remind, upload) on
 * the letters page.
 */
export function PartnerLetter({
  applicationId,
  partner,
  letters,
  details,
}: {
  applicationId: string;
  partner: { id?: string; name: string; contactName: string };
  letters: LettersById;
  details?: LetterDetails;
}) {
  const t = useTranslations("wizard.partners");
  const locale = useLocale() as UiLocale;
  const letter = partner.id ? letters[partner.id] : null;
  const more = partner.id ? details?.[partner.id] : undefined;
  const state: State = letter?.status ?? "NOT_REQUESTED";
  const contact = partner.contactName.trim() || more?.linkSentTo || "";
  const detail =
    state === "PENDING" && contact
      ? t("letterFrom", { contact })
      : state === "SIGNED" && letter?.signedBy
        ? t("letterSignedBy", {
            name: letter.signedBy,
            date: letter.signedAt ? formatDate(letter.signedAt, locale) : "",
          })
        : "";
  return (
    <div className="mb-6 bg-surface p-3" data-testid="partner-letter">
      <p>
        <span className="font-semibold">{t("letterLabel")}</span>{" "}
        <Tag tone={TONE[state]}>
          {state === "NOT_REQUESTED"
            ? t("letterNotRequested")
            : label(locale, "letterStatus", state)}
        </Tag>{" "}
        {detail}
      </p>
      {state === "PENDING" && more?.linkSentTo && more.linkExpiresAt ? (
        <p className="mt-1 text-muted">
          {t("letterLinkUntil", {
            email: more.linkSentTo,
            date: formatDate(more.linkExpiresAt, locale),
          })}
        </p>
      ) : null}
      {state === "DECLINED" && more?.declinedReason ? (
        <p className="mt-1">{t("letterDeclinedReason", { reason: more.declinedReason })}</p>
      ) : null}
      {partner.id ? (
        <p className="mt-1">
          <Link href={letterHref(applicationId, partner.id)}>
            {t(`letterAction.${state}`)}
            {partner.name.trim() ? <span className="sr-only"> – {partner.name}</span> : null}
          </Link>
        </p>
      ) : null}
    </div>
  );
}

/** Under the partners: where the letters of intent are handled, as a link. */
export function LettersNote({ applicationId }: { applicationId: string }) {
  const t = useTranslations("wizard.partners");
  return (
    <p className="mt-6 text-muted">
      {t.rich("lettersNote", {
        link: (chunks) => (
          <Link href={`/ansokningar/${applicationId}/avsiktsforklaringar`}>{chunks}</Link>
        ),
      })}
    </p>
  );
}
