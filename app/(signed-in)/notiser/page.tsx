import Link from "next/link";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getActor } from "@/lib/server/actor";
import { listNotifications } from "@/lib/server/notifications";
import { formatDateTime, type UiLocale } from "@/lib/domain/format";
import { PageHeading } from "@/components/ui/page-heading";
import { markAllReadAction } from "./actions";

export async function generateMetadata() {
  return { title: (await getTranslations("notifications"))("title") };
}

export default async function NotificationsPage() {
  const actor = await getActor();
  if (!actor) redirect("/logga-in?next=%2Fnotiser");
  const items = await listNotifications(actor);
  const t = await getTranslations("notifications");
  const locale = (await getLocale()) as UiLocale;
  return (
    <>
      <PageHeading title={t("title")} lead={t("lead")} />
      {items.some((n) => !n.readAt) ? (
        <form action={markAllReadAction} className="mb-6">
          <button type="submit" className="rounded border-2 border-ink px-4 py-2 font-semibold">
            {t("markAllRead")}
          </button>
        </form>
      ) : null}
      {items.length === 0 ? <p>{t("none")}</p> : null}
      <ul className="space-y-3" data-testid="notifications">
        {items.map((n) => (
          <li
            key={n.id}
            className={`border-l-4 pl-4 ${n.readAt ? "border-line" : "border-accent"}`}
          >
            <p className="font-semibold">
              {n.href ? <Link href={n.href}>{n.title}</Link> : n.title}
              {n.readAt ? "" : <span className="ml-2 text-sm font-normal">{t("new")}</span>}
            </p>
            {n.body ? <p className="whitespace-pre-line">{n.body}</p> : null}
            <p className="text-sm text-muted">{formatDateTime(n.createdAt, locale)}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
