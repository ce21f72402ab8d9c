import { redirect } from "next/navigation";
import { getActor } from "@/lib/server/actor";
import { findInvitation } from "@/lib/server/organisations";
import { AcceptInvitation } from "@/components/applications/accept-invitation";

export const metadata = { title: "Inbjudan" };

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const actor = await getActor();
  if (!actor) redirect(`/logga-in?next=${encodeURIComponent(`/inbjudan/${token}`)}`);
  const found = await findInvitation(token);
  if (found.state !== "valid") {
    return (
      <div className="max-w-2xl">
        <h1 className="text-3xl font-bold">Inbjudan gäller inte längre</h1>
        <p className="mt-4 text-lg">{found.state === "expired" ? "Inbjudan har gått ut." : "Inbjudan har redan använts eller finns inte."} Be någon i organisationen att bjuda in dig igen.</p>
      </div>
    );
  }
  return (
    <div className="max-w-2xl">
      <h1 className="text-3xl font-bold">Inbjudan till {found.invitation.organisation.name}</h1>
      <p className="my-4 text-lg">Du är inbjuden att arbeta med organisationens ansökningar i Samverka.</p>
      <AcceptInvitation token={token} organisation={found.invitation.organisation.name} />
    </div>
  );
}
