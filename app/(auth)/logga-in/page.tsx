import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeading } from "@/components/ui/page-heading";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getActor } from "@/lib/server/actor";
import { landingPath } from "@/lib/domain/roles";

export async function generateMetadata() {
  return { title: (await getTranslations("auth"))("signInTitle") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const actor = await getActor();
  if (actor) redirect(landingPath(actor.roles));
  const { next } = await searchParams;
  const t = await getTranslations("auth");
  return (
    <>
      <PageHeading title={t("signInTitle")} lead={t("signInLead")} />
      <SignInForm next={next} />
      <p className="mt-8">
        {t("noAccount")} <Link href={next ? `/registrera?next=${encodeURIComponent(next)}` : "/registrera"}>{t("createAccount")}</Link>
      </p>
    </>
  );
}
