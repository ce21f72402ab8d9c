import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePageRole } from "@/lib/server/actor";
import { getForApplicant } from "@/lib/server/applications";
import { orNotFound } from "@/lib/server/page";

export async function generateMetadata() {
  return { title: (await getTranslations("applications.submitted"))("metaTitle") };
}

export default async function SubmittedPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageRole(["APPLICANT"]);
  const app = await orNotFound(getForApplicant(actor, id));
  const completed = app.versions.at(-1)?.reason === "COMPLEMENT";
  const t = await getTranslations("applications.submitted");
  const ta = await getTranslations("applicant");
  return (
    <div className="max-w-2xl">
      <div className="mb-8 bg-success p-6 text-center text-white" data-testid="confirmation">
        <h1 className="text-3xl font-bold">
          {completed ? t("titleComplement") : t("titleApplication")}
        </h1>
        <p className="mt-3 text-xl">
          {t("referenceIntro")}
          <br />
          <strong className="text-2xl" data-testid="confirmation-reference">
            {app.referenceNumber}
          </strong>
        </p>
      </div>
      <p className="mb-4">{t("confirmationSent", { email: actor.email })}</p>
      <h2 className="mb-2 text-2xl font-bold">{t("nextTitle")}</h2>
      <ol className="mb-6 list-decimal space-y-2 pl-6">
        <li>{t("next1")}</li>
        <li>{t("next2")}</li>
        <li>{t("next3")}</li>
        <li>{t("next4")}</li>
      </ol>
      <p>
        <Link href={`/ansokningar/${id}`}>{t("goToApplication")}</Link> ·{" "}
        <Link href="/ansokningar">{ta("title")}</Link>
      </p>
    </div>
  );
}
