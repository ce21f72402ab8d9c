import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations();
  return (
    <div className="max-w-2xl">
      <h1 className="text-3xl font-bold">{t("errors.notFoundTitle")}</h1>
      <p className="mt-4 text-lg">{t("errors.notFound")}</p>
      <p className="mt-6">
        <Link href="/">{t("common.backHome")}</Link>
      </p>
    </div>
  );
}
