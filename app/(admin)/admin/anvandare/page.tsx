import Link from "next/link";
import { requirePageRole } from "@/lib/server/actor";
import { searchUsers } from "@/lib/server/users";
import { ROLES } from "@/lib/domain/roles";
import { PageHeading } from "@/components/ui/page-heading";
import { SimpleForm } from "@/components/ui/simple-form";
import { requiresTwoFactor } from "@/lib/domain/two-factor";
import { resetTwoFactorAction, setRolesAction, toggleDeactivatedAction } from "./actions";

export const metadata = { title: "Användare" };
const ROLE_NAMES = { APPLICANT: "Sökande", REVIEWER: "Handläggare", DECIDER: "Beslutsfattare", ADMIN: "Administratör" } as const;

export default async function UsersPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const actor = await requirePageRole(["ADMIN"]);
  const { q = "" } = await searchParams;
  const users = await searchUsers(actor, q);
  return (
    <>
      <p className="mb-2"><Link href="/admin">Tillbaka till administration</Link></p>
      <PageHeading title="Användare och roller" lead="Sök användare, ändra roller och avaktivera konton. En ändring gäller direkt, även för den som redan är inloggad." />
      <p className="mb-6"><Link href="/admin/anvandare/bjud-in">Bjud in en handläggare, beslutsfattare eller administratör</Link></p>
      <form method="get" className="mb-8 flex items-end gap-3">
        <label className="font-semibold">Sök på namn eller e-post
          <input type="search" name="q" defaultValue={q} className="mt-1 block rounded border-2 border-ink px-2 py-1" />
        </label>
        <button type="submit" className="rounded bg-accent px-4 py-2 font-semibold text-white">Sök</button>
      </form>
      <ul className="space-y-6" data-testid="users">
        {users.map((u) => (
          <li key={u.id} className="border-l-4 border-line pl-4">
            <h2 className="text-lg font-bold">{u.name} <span className="font-normal text-muted">{u.email}</span>{u.deactivatedAt ? <span className="ml-2 text-error">Avaktiverad</span> : null}</h2>
            {requiresTwoFactor(u.roles) ? <p className="text-sm">Tvåstegsverifiering: {u.totpEnabledAt ? "aktiverad" : "inte aktiverad ännu (görs vid nästa inloggning)"}</p> : null}
            <details className="mt-1">
              <summary className="cursor-pointer">Ändra roller eller konto</summary>
              <div className="mt-3 grid gap-6 sm:grid-cols-2">
                <SimpleForm id={`roles-${u.id}`} submitLabel="Spara roller" successText="Rollerna är ändrade." action={setRolesAction.bind(null, u.id)}
                  fields={ROLES.map((r) => ({ name: `role_${r}`, type: "checkbox" as const, label: ROLE_NAMES[r], defaultValue: u.roles.includes(r) }))} />
                {u.id !== actor.id ? (
                  <SimpleForm id={`active-${u.id}`} fields={[]} variant={u.deactivatedAt ? "secondary" : "warning"} successText="Klart."
                    submitLabel={u.deactivatedAt ? "Aktivera kontot igen" : "Avaktivera kontot"} action={toggleDeactivatedAction.bind(null, u.id, !u.deactivatedAt)} />
                ) : null}
                {u.id !== actor.id && u.totpEnabledAt ? (
                  <SimpleForm id={`totp-${u.id}`} fields={[]} variant="secondary" successText="Tvåstegsverifieringen är återställd. Personen aktiverar den igen vid nästa inloggning."
                    submitLabel="Återställ tvåstegsverifiering" action={resetTwoFactorAction.bind(null, u.id)} />
                ) : null}
              </div>
            </details>
          </li>
        ))}
      </ul>
    </>
  );
}
