import { cache } from "react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePageRole } from "@/lib/server/actor";
import { getForApplicant } from "@/lib/server/applications";
import { orNotFound } from "@/lib/server/page";

type Props = { params: Promise<{ id: string }> };

/** The confirmation fits the case: a first submission, or a completion (same reference number). */
const load = cache(async (id: string) => {
  const actor = await requirePageRole(["APPLICANT"]);
  const app = await orNotFound(getForApplicant(actor, id));
  return { actor, app, completed: app.versions.at(-1)?.reason === "COMPLEMENT" };
});

export async function generateMetadata({ params }: Props) {
  const { completed } = await load((await params).id);
  const t = await getTranslations("applications.submitted");
  return { title: completed ? t("metaTitleComplement") : t("metaTitle") };
}

export default async function SubmittedPage({ params }: Props) {
  const { id } = await params;
  const { actor, app, completed } = await load(id);
  const t = await getTranslations("applications.submitted");
  const ta = await getTranslations("applicant");
  return (
    <div className="max-w-2xl">
      <div className="mb-8 bg-success p-6 text-center text-white" data-testid="confirmation">
        <h1 className="text-3xl font-bold">
          {completed ? t("titleComplement") : t("titleApplication")}
        </h1>
        <p className="mt-3 text-xl">
          {completed ? t("referenceIntroComplement") : t("referenceIntro")}
          <br />
          <strong className="text-2xl" data-testid="confirmation-reference">
            {app.referenceNumber}
          </strong>
        </p>
      </div>
      <p className="mb-4">{t("confirmationSent", { email: actor.email })}</p>
      <h2 className="mb-2 text-2xl font-bold">{t("nextTitle")}</h2>
      <ol className="mb-6 list-decimal space-y-2 pl-6">
        {(completed
          ? (["nextComplement1", "nextComplement2"] as const)
          : (["next1", "next2", "next3", "next4"] as const)
        ).map((key) => (
          <li key={key}>{t(key)}</li>
        ))}
      </ol>
      <p>
        <Link href={`/ansokningar/${id}`}>{t("goToApplication")}</Link> ·{" "}
        <Link href="/ansokningar">{ta("title")}</Link>
      </p>
    </div>
  );
}
