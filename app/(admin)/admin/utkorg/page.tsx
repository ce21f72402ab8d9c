import { getLocale, getTranslations } from "next-intl/server";
import { requirePageRole } from "@/lib/server/actor";
import { listOutbox } from "@/lib/server/outbox";
import { formatDateTime, type UiLocale } from "@/lib/domain/format";
import { PageHeading } from "@/components/ui/page-heading";

export async function generateMetadata() {
  return { title: (await getTranslations("admin.outboxPage"))("title") };
}

export default async function OutboxPage() {
  const actor = await requirePageRole(["ADMIN"]);
  const mails = await listOutbox(actor);
  const t = await getTranslations("admin.outboxPage");
  const locale = (await getLocale()) as UiLocale;
  return (
    <>
      <PageHeading title={t("title")} lead={t("lead")} />
      {mails.length === 0 ? <p>{t("none")}</p> : null}
      <ul className="space-y-4" data-testid="outbox">
        {mails.map((m) => (
          <li key={m.id} className="border-l-4 border-line pl-4">
            <details>
              <summary className="cursor-pointer">
                <strong>{m.subject}</strong> {t("to", { to: m.to })} ·{" "}
                {formatDateTime(m.createdAt, locale)} · {t(`status.${m.status}`)}
              </summary>
              <pre className="mt-2 whitespace-pre-wrap font-sans">{m.text}</pre>
            </details>
          </li>
        ))}
      </ul>
    </>
  );
}
