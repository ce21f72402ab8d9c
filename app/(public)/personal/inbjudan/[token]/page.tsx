import { getTranslations } from "next-intl/server";
import { findStaffInvitation } from "@/lib/server/users";
import { getActor } from "@/lib/server/actor";
import { safeNextPath } from "@/lib/domain/safe-redirect";
import { SimpleForm } from "@/components/ui/simple-form";
import { ButtonLink } from "@/components/ui/button";
import {
  acceptStaffInvitationAction,
  acceptStaffInvitationAsUserAction,
} from "@/app/(public)/personal/inbjudan/actions";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("admin.staffInvitation");
  return { title: t("metaTitle"), robots: { index: false } };
}

/**
 * A staff invitation. A new address chooses its password here; an address that already has an
 * account is never given a password by the invitation: its owner signs in as themselves (with
 * their own password and second factor) and accepts the roles while signed in.
 */
export default async function StaffInvitationPage({
  params,
}: {
  params: Promise<{ token: string }>;
}) {
  const { token } = await params;
  const found = await findStaffInvitation(token);
  const t = await getTranslations("admin.staffInvitation");
  const tAuth = await getTranslations("auth");
  const tRoles = await getTranslations("roles");
  if (found.state !== "valid") {
    return (
      <div className="max-w-2xl" data-testid="invitation-refused">
        <h1 className="text-3xl font-bold">{t("invalidTitle")}</h1>
        <p className="mt-4 text-lg">
          {found.state === "expired" ? t("expired") : t("used")} {t("askAgain")}
        </p>
      </div>
    );
  }
  const { invitation } = found;
  const heading = (
    <>
      <h1 className="text-3xl font-bold">{t("title", { name: invitation.name })}</h1>
      <p className="mt-4 text-lg">
        {t("roles", {
          roles: invitation.roles.map((r) => tRoles(r).toLowerCase()).join(", "),
        })}
      </p>
    </>
  );

  if (!found.existingAccount) {
    return (
      <div className="max-w-2xl">
        {heading}
        <p className="my-4 text-lg">{t("newLead", { email: invitation.email })}</p>
        <SimpleForm
          id="accept"
          submitLabel={t("savePassword")}
          action={acceptStaffInvitationAction.bind(null, token)}
          fields={[
            {
              name: "password",
              type: "password",
              label: tAuth("password"),
              hint: tAuth("passwordHint"),
            },
            { name: "passwordConfirm", type: "password", label: tAuth("passwordConfirm") },
          ]}
        />
      </div>
    );
  }

  const actor = await getActor();
  if (!actor) {
    // Back here after signing in; the address is this page's own.
    const next = safeNextPath(`/personal/inbjudan/${encodeURIComponent(token)}`, "/");
    return (
      <div className="max-w-2xl" data-testid="invitation-sign-in">
        {heading}
        <p className="my-4 text-lg">{t("existingLead", { email: invitation.email })}</p>
        <ButtonLink href={`/logga-in?next=${encodeURIComponent(next)}`}>{t("signIn")}</ButtonLink>
      </div>
    );
  }
  if (actor.email.toLowerCase() !== invitation.email.toLowerCase()) {
    return (
      <div className="max-w-2xl" data-testid="invitation-wrong-address">
        <h1 className="text-3xl font-bold">{t("wrongAddressTitle")}</h1>
        <p className="mt-4 text-lg">{t("wrongAddress", { email: actor.email })}</p>
      </div>
    );
  }
  return (
    <div className="max-w-2xl">
      {heading}
      <p className="my-4 text-lg">{t("acceptLead", { email: actor.email })}</p>
      <SimpleForm
        id="accept"
        submitLabel={t("accept")}
        action={acceptStaffInvitationAsUserAction.bind(null, token)}
        fields={[]}
      />
    </div>
  );
}
