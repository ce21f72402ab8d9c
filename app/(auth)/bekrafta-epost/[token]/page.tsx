import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/server/actor";
import { findConfirmationLink } from "@/lib/server/email-verification";
import { PageHeading } from "@/components/ui/page-heading";
import { ConfirmEmailForm } from "@/components/auth/confirm-email-form";
import { confirmEmailAction } from "../actions";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("auth"))("confirmTitle"), robots: { index: false } };
}

/**
 * The link from the confirmation mail. Opening it changes nothing (mail scanners open links too):
 * the person confirms with a button, and gives their password unless signed in to that account.
 */
export default async function ConfirmEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("auth");
  const found = await findConfirmationLink(token, await getActor());
  if (found.state !== "valid" || !found.email)
    return (
      <div className="max-w-2xl" data-testid="confirm-refused">
        <PageHeading title={t("confirmInvalidTitle")} />
        <p className="text-lg">
          {found.state === "expired" ? t("confirmExpired") : t("confirmUsed")}
        </p>
        <p className="mt-4">{t("confirmAskAgain")}</p>
      </div>
    );
  return (
    <div className="max-w-2xl">
      <PageHeading title={t("confirmTitle")} lead={t("confirmLead", { email: found.email })} />
      <ConfirmEmailForm
        email={found.email}
        askPassword={!found.signedInAsOwner}
        confirm={confirmEmailAction.bind(null, token)}
      />
    </div>
  );
}
