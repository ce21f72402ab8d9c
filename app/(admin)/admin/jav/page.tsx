import { getLocale, getTranslations } from "next-intl/server";
import { requirePageRole } from "@/lib/server/actor";
import { listDeclaredConflicts } from "@/lib/server/review";
import { formatDateTime, type UiLocale } from "@/lib/domain/format";
import { PageHeading } from "@/components/ui/page-heading";
import { SimpleForm } from "@/components/ui/simple-form";
import { conflictRulingAction } from "@/app/(officer)/handlaggning/[id]/actions";

export async function generateMetadata() {
  return { title: (await getTranslations("admin.conflictsPage"))("title") };
}

export default async function ConflictsPage() {
  const actor = await requirePageRole(["ADMIN"]);
  const declarations = await listDeclaredConflicts(actor);
  const t = await getTranslations("admin.conflictsPage");
  const locale = (await getLocale()) as UiLocale;
  return (
    <>
      <PageHeading title={t("title")} lead={t("lead")} />
      {declarations.length === 0 ? <p>{t("none")}</p> : null}
      <ul className="space-y-8">
        {declarations.map((d) => (
          <li key={d.id} className="border-l-4 border-accent pl-4">
            <h2 className="text-xl font-bold">
              {d.application.referenceNumber} – {d.application.organisation.name}
            </h2>
            <p>
              {d.user.name} ({d.user.email}), {formatDateTime(d.declaredAt, locale)}:{" "}
              {d.description}
            </p>
            <p className="font-semibold">
              {t(`status.${d.status}`)}
              {d.decidedBy
                ? t("decidedBy", { name: d.decidedBy.name, reason: String(d.decisionReason) })
                : ""}
            </p>
            {d.status === "DECLARED" ? (
              <SimpleForm
                id={`ruling-${d.id}`}
                submitLabel={t("save")}
                action={conflictRulingAction.bind(null, d.id)}
                fields={[
                  {
                    name: "ruling",
                    type: "radio",
                    label: t("ruling"),
                    options: [
                      { value: "CONFIRM", label: t("confirm") },
                      { value: "LIFT", label: t("lift") },
                    ],
                  },
                  { name: "reason", type: "textarea", label: t("reason") },
                ]}
              />
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}
