import Link from "next/link";
import { findStaffInvitation } from "@/lib/server/users";
import { SimpleForm } from "@/components/ui/simple-form";
import { acceptStaffInvitationAction } from "@/app/(admin)/admin/anvandare/actions";

export const dynamic = "force-dynamic";
export const metadata = { title: "Inbjudan", robots: { index: false } };

export default async function StaffInvitationPage({
  params,
}: {
  params: Promise<{ token: string }>;
}) {
  const { token } = await params;
  const found = await findStaffInvitation(token);
  if (found.state !== "valid") {
    return (
      <div className="max-w-2xl" data-testid="invitation-refused">
        <h1 className="text-3xl font-bold">Inbjudan gäller inte längre</h1>
        <p className="mt-4 text-lg">
          {found.state === "expired"
            ? "Inbjudan har gått ut."
            : "Inbjudan har redan använts eller finns inte."}{" "}
          Be en administratör om en ny.
        </p>
      </div>
    );
  }
  return (
    <div className="max-w-2xl">
      <h1 className="text-3xl font-bold">Välkommen till Samverka, {found.invitation.name}</h1>
      <p className="my-4 text-lg">
        Välj ett lösenord för {found.invitation.email}. Sedan loggar du in.
      </p>
      <SimpleForm
        id="accept"
        submitLabel="Spara lösenordet"
        successText="Klart! Nu kan du logga in."
        action={acceptStaffInvitationAction.bind(null, token)}
        fields={[
          {
            name: "password",
            type: "password",
            label: "Lösenord",
            hint: "Minst 12 tecken. Gärna några ord i en mening som bara du vet. Vanliga lösenord går inte att välja.",
          },
          { name: "passwordConfirm", type: "password", label: "Upprepa lösenordet" },
        ]}
      />
      <p className="mt-6">
        <Link href="/logga-in">Logga in</Link>
      </p>
    </div>
  );
}
