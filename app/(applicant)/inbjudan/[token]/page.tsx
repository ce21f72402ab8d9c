import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/server/actor";
import { findInvitation } from "@/lib/server/organisations";
import { AcceptInvitation } from "@/components/applications/accept-invitation";
import { acceptInvitationAction } from "@/app/(applicant)/organisationer/actions";

export async function generateMetadata() {
  return { title: (await getTranslations("organisations.invitation"))("metaTitle") };
}

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const actor = await getActor();
  if (!actor) redirect(`/logga-in?next=${encodeURIComponent(`/inbjudan/${token}`)}`);
  const found = await findInvitation(token, actor);
  const t = await getTranslations("organisations.invitation");
  if (found.state === "wrongAddress") {
    return (
      <div className="max-w-2xl">
        <h1 className="text-3xl font-bold">{t("wrongAddressTitle")}</h1>
        <p className="mt-4 text-lg">{t("wrongAddress", { email: actor.email })}</p>
        <p className="mt-4">
          {t.rich("orJoin", {
            link: (chunks) => <Link href="/organisationer/ga-med">{chunks}</Link>,
          })}
        </p>
      </div>
    );
  }
  if (found.state === "unverified") {
    // The banner above (the applicant layout) sends a new confirmation link.
    return (
      <div className="max-w-2xl" data-testid="invitation-unverified">
        <h1 className="text-3xl font-bold">{t("unverifiedTitle")}</h1>
        <p className="mt-4 text-lg">{t("unverified", { email: actor.email })}</p>
      </div>
    );
  }
  if (found.state !== "valid") {
    return (
      <div className="max-w-2xl">
        <h1 className="text-3xl font-bold">{t("invalidTitle")}</h1>
        <p className="mt-4 text-lg">
          {found.state === "expired" ? t("expired") : t("used")} {t("askAgain")}
        </p>
      </div>
    );
  }
  return (
    <div className="max-w-2xl">
      <h1 className="text-3xl font-bold">
        {t("title", { organisation: found.invitation.organisation.name })}
      </h1>
      <p className="my-4 text-lg">{t("lead")}</p>
      <AcceptInvitation
        token={token}
        organisation={found.invitation.organisation.name}
        accept={acceptInvitationAction}
      />
    </div>
  );
}
