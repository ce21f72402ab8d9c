import { AreaMessages } from "@/components/layout/area-messages";
import { VerifyEmailBanner } from "@/components/auth/verify-email-banner";
import { getActor } from "@/lib/server/actor";
import { isEmailVerified } from "@/lib/server/email-verification";
import { resendConfirmationAction } from "@/app/(auth)/bekrafta-epost/actions";

// The applicant's forms (organisation, wizard, letters of intent, reports) read these texts. Until
// the person has confirmed their e-mail address, every page says so and offers a new link ("auth").
export default async function ApplicantLayout({ children }: { children: React.ReactNode }) {
  const actor = await getActor();
  const unverified = actor && !(await isEmailVerified(actor.id));
  return (
    <AreaMessages
      namespaces={["applications", "wizard", "letters", "organisations", "followUp", "auth"]}
    >
      {unverified ? (
        <VerifyEmailBanner email={actor.email} resend={resendConfirmationAction} />
      ) : null}
      {children}
    </AreaMessages>
  );
}
