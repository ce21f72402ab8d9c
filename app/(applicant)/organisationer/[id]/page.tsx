import Link from "next/link";
import { requirePageRole } from "@/lib/server/actor";
import { getMyOrganisation, listMembers } from "@/lib/server/organisations";
import { orNotFound } from "@/lib/server/page";
import { LEGAL_FORM_LABELS } from "@/lib/domain/labels";
import { municipalityName } from "@/lib/reference/municipalities";
import { formatDate } from "@/lib/domain/format";
import { InviteForm } from "@/components/applications/invite-form";

export const metadata = { title: "Organisation" };

export default async function OrganisationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageRole(["APPLICANT"]);
  const org = await orNotFound(getMyOrganisation(actor, id));
  const { members, invitations } = await listMembers(actor, id);
  return (
    <div>
      <p className="mb-2"><Link href="/ansokningar">Mina ansökningar</Link></p>
      <h1 className="text-3xl font-bold">{org.name}</h1>
      <dl className="my-6 grid max-w-2xl grid-cols-[auto_1fr] gap-x-6 gap-y-2">
        <dt className="font-semibold">Organisationsnummer</dt><dd>{org.orgNumber}</dd>
        <dt className="font-semibold">Organisationsform</dt><dd>{LEGAL_FORM_LABELS[org.legalForm]}</dd>
        <dt className="font-semibold">Kommun</dt><dd>{municipalityName(org.municipalityCode)}</dd>
        <dt className="font-semibold">Bildad</dt><dd>{org.foundedOn ? formatDate(org.foundedOn) : "Inte angivet"}</dd>
        <dt className="font-semibold">Adress</dt><dd>{[org.streetAddress, `${org.postalCode ?? ""} ${org.city ?? ""}`].join(", ")}</dd>
        <dt className="font-semibold">Utbetalning</dt><dd>{org.payoutType === "PLUSGIRO" ? "Plusgiro" : "Bankgiro"} {org.payoutAccount}</dd>
      </dl>
      <h2 className="mb-2 text-2xl font-bold">Medlemmar i Samverka</h2>
      <p className="mb-2 text-muted">Alla som är med kan arbeta med organisationens ansökningar.</p>
      <ul className="mb-6 list-disc pl-6">
        {members.map((m) => <li key={m.userId}>{m.user.name} ({m.user.email})</li>)}
        {invitations.map((i) => <li key={i.id}>{i.email} – inbjuden, har inte svarat ännu</li>)}
      </ul>
      <InviteForm organisationId={id} />
    </div>
  );
}
