import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePageRole } from "@/lib/server/actor";
import { caseFile, type CaseFileEntry } from "@/lib/server/case-file";
import { orNotFound } from "@/lib/server/page";
import { formatDate, formatDateTime, type UiLocale } from "@/lib/domain/format";

export async function generateMetadata() {
  return { title: (await getTranslations("caseFile"))("metaTitle") };
}

/** The case file (akt): the case's timeline, each entry with its document. Read-only. */
export default async function CaseFilePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageRole(["REVIEWER", "DECIDER", "ADMIN"]);
  const file = await orNotFound(caseFile(actor, id));
  const t = await getTranslations("caseFile");
  const locale = (await getLocale()) as UiLocale;
  return (
    <div className="max-w-4xl">
      <p className="mb-2">
        <Link href={`/handlaggning/${id}`}>{t("back")}</Link>
      </p>
      <h1 className="text-3xl font-bold">
        {t("title", { reference: file.referenceNumber ?? "" })}
      </h1>
      <p className="mt-1 text-lg">
        {file.organisation} – {file.title}
      </p>
      <p className="mt-2 text-muted">{t("lead")}</p>
      {file.entries.length === 0 ? (
        <p className="mt-6">{t("empty")}</p>
      ) : (
        <ol className="mt-6 space-y-4 border-l-2 border-line pl-6" data-testid="case-file">
          {file.entries.map((entry) => (
            <li key={entry.key} data-kind={entry.kind}>
              <Entry entry={entry} locale={locale} />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

async function Entry({ entry, locale }: { entry: CaseFileEntry; locale: UiLocale }) {
  const t = await getTranslations("caseFile");
  const heading =
    entry.kind === "submission" || entry.kind === "version"
      ? t("version", { number: entry.title })
      : entry.kind === "payment"
        ? t("instalment", { number: entry.title })
        : entry.kind === "report"
          ? t("reportKind", { kind: entry.title })
          : entry.kind === "meetingProtocol"
            ? t("meetingOn", { date: formatDate(entry.title, locale) })
            : entry.title;
  return (
    <article>
      <p className="text-sm text-muted">
        <time dateTime={entry.at.toISOString()}>{formatDateTime(entry.at, locale)}</time>
      </p>
      <h2 className="text-lg font-semibold">
        {t("kind", { kind: entry.kind })}
        {entry.status ? (
          <span className="ml-2 font-normal" data-testid="entry-status">
            ({t("status", { status: entry.status })})
          </span>
        ) : null}
      </h2>
      {heading ? <p className="line-clamp-3 whitespace-pre-line">{heading}</p> : null}
      {entry.who ? (
        <p className="text-sm">
          {entry.kind === "mail" ? t("to", { who: entry.who }) : t("by", { who: entry.who })}
        </p>
      ) : null}
      {entry.document.type === "link" ? (
        <p>
          <a href={entry.document.href}>{t("openDocument")}</a>
        </p>
      ) : entry.document.type === "text" ? (
        <details className="mt-1">
          <summary className="cursor-pointer">{t("showText")}</summary>
          <pre className="mt-2 whitespace-pre-wrap font-sans">{entry.document.text}</pre>
        </details>
      ) : null}
    </article>
  );
}
