import { requirePageRole } from "@/lib/server/actor";
import { listOutbox } from "@/lib/server/outbox";
import { formatDateTime } from "@/lib/domain/format";
import { PageHeading } from "@/components/ui/page-heading";

export const metadata = { title: "Utkorg för e-post" };
const STATUS = { QUEUED: "I kö", SENT: "Skickad", FAILED: "Misslyckad" } as const;

export default async function OutboxPage() {
  const actor = await requirePageRole(["ADMIN"]);
  const mails = await listOutbox(actor);
  return (
    <>
      <PageHeading title="Utkorg för e-post" lead="Alla mejl som tjänsten skickar skrivs först hit. Utan inställd e-postserver (SMTP_URL) stannar de här, så att de kan läsas under utveckling och test." />
      {mails.length === 0 ? <p>Inga mejl ännu.</p> : null}
      <ul className="space-y-4" data-testid="outbox">
        {mails.map((m) => (
          <li key={m.id} className="border-l-4 border-line pl-4">
            <details>
              <summary className="cursor-pointer">
                <strong>{m.subject}</strong> till {m.to} · {formatDateTime(m.createdAt)} · {STATUS[m.status]}
              </summary>
              <pre className="mt-2 whitespace-pre-wrap font-sans">{m.text}</pre>
            </details>
          </li>
        ))}
      </ul>
    </>
  );
}
