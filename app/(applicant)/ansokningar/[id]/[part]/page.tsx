import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePageRole } from "@/lib/server/actor";
import {
  draftOf,
  getForApplicant,
  letterDetailsOf,
  partAsTyped,
  roundOf,
} from "@/lib/server/applications";
import { orNotFound } from "@/lib/server/page";
import { PARTS, type Part } from "@/lib/domain/application-parts";
import { applicantMayEdit } from "@/lib/domain/lifecycle";
import { todayInStockholm } from "@/lib/domain/dates";
import {
  AreaForm,
  BasicsForm,
  BudgetForm,
  DeclarationsForm,
  ImplementationForm,
  PartnersForm,
} from "@/components/wizard/parts";
import { saveDraftPartAction } from "../actions";

export async function generateMetadata({ params }: { params: Promise<{ part: string }> }) {
  const { part } = await params;
  const t = await getTranslations("wizard");
  return { title: PARTS.includes(part as Part) ? t(`parts.${part}`) : t("metaTitle") };
}

const FORMS = {
  grunduppgifter: BasicsForm,
  omrade: AreaForm,
  genomforande: ImplementationForm,
  partner: PartnersForm,
  budget: BudgetForm,
  intyganden: DeclarationsForm,
} as const;

export default async function PartPage({
  params,
}: {
  params: Promise<{ id: string; part: string }>;
}) {
  const { id, part } = await params;
  if (!PARTS.includes(part as Part)) notFound();
  const actor = await requirePageRole(["APPLICANT"]);
  const app = await orNotFound(getForApplicant(actor, id));
  if (!applicantMayEdit(app.status)) redirect(`/ansokningar/${id}`);
  const { draft, letters } = draftOf(app);
  const Form = FORMS[part as Part] as React.ComponentType<Record<string, unknown>>;
  // No key that changes with the version: a save must never remount the form being typed in.
  return (
    <Form
      applicationId={id}
      part={part}
      version={app.version}
      initial={partAsTyped(app, part as Part)}
      draft={draft}
      letters={letters}
      letterDetails={part === "partner" ? letterDetailsOf(app) : undefined}
      round={roundOf(app)}
      today={todayInStockholm()}
      saveDraft={saveDraftPartAction}
    />
  );
}
