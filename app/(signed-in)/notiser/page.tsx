import Link from "next/link";
import { redirect } from "next/navigation";
import { getActor } from "@/lib/server/actor";
import { listNotifications } from "@/lib/server/notifications";
import { formatDateTime } from "@/lib/domain/format";
import { PageHeading } from "@/components/ui/page-heading";
import { markAllReadAction } from "./actions";

export const metadata = { title: "Notiser" };

export default async function NotificationsPage() {
  const actor = await getActor();
  if (!actor) redirect("/logga-in?next=%2Fnotiser");
  const items = await listNotifications(actor);
  return (
    <>
      <PageHeading title="Notiser" lead="Det som har hänt i dina ärenden. Du får också ett mejl om det viktigaste." />
      {items.some((n) => !n.readAt) ? (
        <form action={markAllReadAction} className="mb-6"><button type="submit" className="rounded border-2 border-ink px-4 py-2 font-semibold">Markera alla som lästa</button></form>
      ) : null}
      {items.length === 0 ? <p>Inga notiser ännu.</p> : null}
      <ul className="space-y-3" data-testid="notifications">
        {items.map((n) => (
          <li key={n.id} className={`border-l-4 pl-4 ${n.readAt ? "border-line" : "border-accent"}`}>
            <p className="font-semibold">{n.href ? <Link href={n.href}>{n.title}</Link> : n.title}{n.readAt ? "" : <span className="ml-2 text-sm font-normal">(ny)</span>}</p>
            {n.body ? <p className="whitespace-pre-line">{n.body}</p> : null}
            <p className="text-sm text-muted">{formatDateTime(n.createdAt)}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
