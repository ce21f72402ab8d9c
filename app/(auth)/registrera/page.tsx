import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { safeNextPath } from "@/lib/domain/safe-redirect";
import { PageHeading } from "@/components/ui/page-heading";
import { RegisterForm } from "@/components/auth/register-form";
import { register } from "./actions";

export async function generateMetadata() {
  return { title: (await getTranslations("auth"))("registerTitle") };
}

export default async function RegisterPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string }>;
}) {
  const { next: rawNext } = await searchParams;
  // Only a path on this site is carried on (to the form and the link to the other form).
  const next = safeNextPath(rawNext, "") || undefined;
  const t = await getTranslations("auth");
  return (
    <>
      <PageHeading title={t("registerTitle")} lead={t("registerLead")} />
      <RegisterForm register={register} />
      <p className="mt-8">
        {t("haveAccount")}{" "}
        <Link href={next ? `/logga-in?next=${encodeURIComponent(next)}` : "/logga-in"}>
          {t("signInTitle")}
        </Link>
      </p>
    </>
  );
}
