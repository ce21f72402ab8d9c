import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePageRole } from "@/lib/server/actor";
import { PageHeading } from "@/components/ui/page-heading";
import { SimpleForm } from "@/components/ui/simple-form";
import { inviteStaffAction } from "../actions";

export async function generateMetadata() {
  return { title: (await getTranslations("admin.invite"))("title") };
}

export default async function InviteStaffPage() {
  await requirePageRole(["ADMIN"]);
  const t = await getTranslations("admin.invite");
  const tr = await getTranslations("roles");
  return (
    <>
      <p className="mb-2">
        <Link href="/admin/anvandare">{t("back")}</Link>
      </p>
      <PageHeading title={t("title")} lead={t("lead")} />
      <SimpleForm
        id="invite"
        submitLabel={t("submit")}
        successText={t("sent")}
        action={inviteStaffAction}
        fields={[
          { name: "name", type: "text", label: t("name") },
          { name: "email", type: "email", label: t("email") },
          { name: "role_REVIEWER", type: "checkbox", label: tr("REVIEWER") },
          { name: "role_DECIDER", type: "checkbox", label: tr("DECIDER") },
          { name: "role_ADMIN", type: "checkbox", label: tr("ADMIN") },
        ]}
      />
    </>
  );
}
