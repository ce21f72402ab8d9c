import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { safeNextPath } from "@/lib/domain/safe-redirect";
import { Secret, TOTP } from "otpauth";
import { PageHeading } from "@/components/ui/page-heading";
import { ElegSignInButton, SignInForm } from "@/components/auth/sign-in-form";
import { getActor, homeFor } from "@/lib/server/actor";
import { elegConfigured } from "@/lib/server/eleg";
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from "@/prisma/demo-data";

export async function generateMetadata() {
  return { title: (await getTranslations("auth"))("signInTitle") };
}

/** The demo installation (npm start on the embedded database) tells how to sign in to its demo accounts. */
async function DemoAccounts() {
  const t = await getTranslations("auth");
  const code = TOTP.generate({ secret: Secret.fromBase32(DEMO_TOTP_SECRET) });
  return (
    <aside
      aria-labelledby="demo-title"
      className="mt-10 max-w-xl border-l-4 border-accent bg-surface p-4"
    >
      <h2 id="demo-title" className="text-xl font-bold">
        {t("demoTitle")}
      </h2>
      <p className="mt-2">{t("demoText", { password: DEMO_PASSWORD, secret: DEMO_TOTP_SECRET })}</p>
      <p className="mt-2" data-testid="demo-code">
        {t("demoCode", { code })}
      </p>
    </aside>
  );
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string; error?: string }>;
}) {
  const actor = await getActor();
  if (actor) redirect(homeFor(actor));
  const { next: rawNext, error } = await searchParams;
  // Only a path on this site is carried on (to the form and the link to the other form).
  const next = safeNextPath(rawNext, "") || undefined;
  const t = await getTranslations("auth");
  return (
    <>
      <PageHeading title={t("signInTitle")} lead={t("signInLead")} />
      {error ? (
        <p
          role="alert"
          className="mb-6 max-w-xl border-l-4 border-error pl-4 font-semibold text-error"
        >
          {t("elegRefused")}
        </p>
      ) : null}
      {elegConfigured() ? (
        <>
          <ElegSignInButton next={next} />
          <p className="my-6 max-w-xl font-semibold">{t("or")}</p>
        </>
      ) : null}
      <SignInForm next={next} />
      <p className="mt-8">
        {t("noAccount")}{" "}
        <Link href={next ? `/registrera?next=${encodeURIComponent(next)}` : "/registrera"}>
          {t("createAccount")}
        </Link>
      </p>
      {process.env.SAMVERKA_DEMO === "1" ? <DemoAccounts /> : null}
    </>
  );
}
