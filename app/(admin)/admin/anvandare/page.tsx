import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePageRole } from "@/lib/server/actor";
import { searchUsers } from "@/lib/server/users";
import { ROLES } from "@/lib/domain/roles";
import { PageHeading } from "@/components/ui/page-heading";
import { SimpleForm } from "@/components/ui/simple-form";
import { requiresTwoFactor } from "@/lib/domain/two-factor";
import { UserSearchInput } from "@/lib/validation/users";
import { resetTwoFactorAction, setRolesAction, toggleDeactivatedAction } from "./actions";

export async function generateMetadata() {
  return { title: (await getTranslations("admin.usersPage"))("metaTitle") };
}

export default async function UsersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const actor = await requirePageRole(["ADMIN"]);
  const { q } = UserSearchInput.parse(await searchParams);
  const users = await searchUsers(actor, q);
  const t = await getTranslations("admin.usersPage");
  const ta = await getTranslations("admin");
  const tr = await getTranslations("roles");
  return (
    <>
      <p className="mb-2">
        <Link href="/admin">{ta("backToAdmin")}</Link>
      </p>
      <PageHeading title={t("title")} lead={t("lead")} />
      <p className="mb-6">
        <Link href="/admin/anvandare/bjud-in">{t("inviteLink")}</Link>
      </p>
      <form method="get" className="mb-8 flex items-end gap-3">
        <label className="font-semibold">
          {t("search")}
          <input
            type="search"
            name="q"
            defaultValue={q}
            className="mt-1 block rounded border-2 border-ink px-2 py-1"
          />
        </label>
        <button type="submit" className="rounded bg-accent px-4 py-2 font-semibold text-white">
          {t("searchButton")}
        </button>
      </form>
      <ul className="space-y-6" data-testid="users">
        {users.map((u) => (
          <li key={u.id} className="border-l-4 border-line pl-4">
            <h2 className="text-lg font-bold">
              {u.name} <span className="font-normal text-muted">{u.email}</span>
              {u.deactivatedAt ? <span className="ml-2 text-error">{t("deactivated")}</span> : null}
            </h2>
            {requiresTwoFactor(u.roles) ? (
              <p className="text-sm">
                {t("twoFactor", { state: u.totpEnabledAt ? t("twoFactorOn") : t("twoFactorOff") })}
              </p>
            ) : null}
            <details className="mt-1">
              <summary className="cursor-pointer">{t("change")}</summary>
              <div className="mt-3 grid gap-6 sm:grid-cols-2">
                <SimpleForm
                  id={`roles-${u.id}`}
                  submitLabel={t("saveRoles")}
                  successText={t("rolesSaved")}
                  action={setRolesAction.bind(null, u.id)}
                  fields={ROLES.map((r) => ({
                    name: `role_${r}`,
                    type: "checkbox" as const,
                    label: tr(r),
                    defaultValue: u.roles.includes(r),
                  }))}
                />
                {u.id !== actor.id ? (
                  <SimpleForm
                    id={`active-${u.id}`}
                    fields={[]}
                    variant={u.deactivatedAt ? "secondary" : "warning"}
                    successText={ta("done")}
                    submitLabel={u.deactivatedAt ? t("activate") : t("deactivate")}
                    action={toggleDeactivatedAction.bind(null, u.id, !u.deactivatedAt)}
                  />
                ) : null}
                {u.id !== actor.id && u.totpEnabledAt ? (
                  <SimpleForm
                    id={`totp-${u.id}`}
                    fields={[]}
                    variant="secondary"
                    successText={t("twoFactorReset")}
                    submitLabel={t("resetTwoFactor")}
                    action={resetTwoFactorAction.bind(null, u.id)}
                  />
                ) : null}
              </div>
            </details>
          </li>
        ))}
      </ul>
    </>
  );
}
