import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeading } from "@/components/ui/page-heading";
import { AreaMessages } from "@/components/layout/area-messages";
import { TwoFactorPanel, type TwoFactorView } from "@/components/auth/two-factor";
import { getActor, homeFor } from "@/lib/server/actor";
import { startEnrolment, twoFactorStatus } from "@/lib/server/two-factor";
import { requiresTwoFactor } from "@/lib/domain/two-factor";
import { formatDateTime } from "@/lib/domain/format";
import { safeNextPath } from "@/lib/domain/safe-redirect";
import type { Role } from "@/lib/domain/roles";
import { confirmEnrolmentAction, renewRecoveryCodesAction } from "./actions";

export async function generateMetadata() {
  return { title: (await getTranslations("twoFactor"))("title") };
}

const PATH = "/konto/tvastegsverifiering";

/** Staff two-factor sign-in: enrol an authenticator (first time), or see the status and renew recovery codes. */
export default async function TwoFactorPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string }>;
}) {
  const actor = await getActor();
  const { next } = await searchParams;
  if (!actor) redirect(`/logga-in?next=${encodeURIComponent(PATH)}`);
  const held = [...actor.roles, ...(actor.awaitingSecondFactor ?? [])] as Role[];
  if (!requiresTwoFactor(held)) notFound();
  const t = await getTranslations("twoFactor");
  const status = await twoFactorStatus(actor);
  const target = safeNextPath(next, "");
  const safeNext = target && !target.startsWith(PATH) ? target : null;

  let view: TwoFactorView;
  if (!status.enabled) {
    const enrolment = await startEnrolment(actor);
    view = {
      mode: "enrol",
      secret: enrolment.secret,
      qrSvg: enrolment.qrSvg,
      continueHref: safeNext ?? homeFor({ ...actor, roles: held, awaitingSecondFactor: [] }),
    };
  } else {
    view = {
      mode: "enabled",
      enabledAt: formatDateTime(status.enabledAt!),
      recoveryCodesLeft: status.recoveryCodesLeft,
      signInAgain: Boolean(actor.awaitingSecondFactor?.length),
    };
  }
  return (
    <>
      <PageHeading title={t("title")} lead={t("lead")} />
      <AreaMessages namespaces={["twoFactor"]}>
        <TwoFactorPanel
          view={view}
          confirm={confirmEnrolmentAction}
          renew={renewRecoveryCodesAction}
        />
      </AreaMessages>
    </>
  );
}
