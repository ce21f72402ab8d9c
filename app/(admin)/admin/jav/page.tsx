import { requirePageRole } from "@/lib/server/actor";
import { listDeclaredConflicts } from "@/lib/server/review";
import { formatDateTime } from "@/lib/domain/format";
import { PageHeading } from "@/components/ui/page-heading";
import { SimpleForm } from "@/components/ui/simple-form";
import { conflictRulingAction } from "@/app/(officer)/handlaggning/[id]/actions";

export const metadata = { title: "Anmält jäv" };
const STATUS = { DECLARED: "Anmält, inte prövat", CONFIRMED: "Fastställt", LIFTED: "Hävt", NO_CONFLICT: "Inget jäv" } as const;

export default async function ConflictsPage() {
  const actor = await requirePageRole(["ADMIN"]);
  const declarations = await listDeclaredConflicts(actor);
  return (
    <>
      <PageHeading title="Anmält jäv" lead="Handläggare och beslutsfattare som har anmält att de kan vara jäviga. Du prövar anmälan: fastställ jävet, eller häv det med skäl. Allt skrivs i loggen." />
      {declarations.length === 0 ? <p>Ingen har anmält jäv.</p> : null}
      <ul className="space-y-8">
        {declarations.map((d) => (
          <li key={d.id} className="border-l-4 border-accent pl-4">
            <h2 className="text-xl font-bold">{d.application.referenceNumber} – {d.application.organisation.name}</h2>
            <p>{d.user.name} ({d.user.email}), {formatDateTime(d.declaredAt)}: {d.description}</p>
            <p className="font-semibold">{STATUS[d.status]}{d.decidedBy ? ` av ${d.decidedBy.name}: ${d.decisionReason}` : ""}</p>
            {d.status === "DECLARED" ? (
              <SimpleForm id={`ruling-${d.id}`} submitLabel="Spara beslutet" action={conflictRulingAction.bind(null, d.id)}
                fields={[
                  { name: "ruling", type: "radio", label: "Beslut", options: [{ value: "CONFIRM", label: "Fastställ jävet" }, { value: "LIFT", label: "Häv jävet – personen får handlägga ärendet" }] },
                  { name: "reason", type: "textarea", label: "Skäl" },
                ]} />
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}
