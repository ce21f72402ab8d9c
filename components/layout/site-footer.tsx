import Link from "next/link";
import { getTranslations } from "next-intl/server";

export async function SiteFooter() {
  const t = await getTranslations("footer");
  return (
    <footer className="mt-12 border-t-4 border-accent bg-surface">
      <div className="mx-auto max-w-5xl px-4 py-8 text-sm sm:px-6">
        <ul className="mb-4 flex flex-wrap gap-6">
          <li>
            <Link href="/tillganglighet">{t("accessibility")}</Link>
          </li>
          <li>
            <Link href="/beviljade">{t("granted")}</Link>
          </li>
        </ul>
        <p className="max-w-3xl text-muted">{t("about")}</p>
        <p className="mt-2 text-muted">{t("contact")}</p>
      </div>
    </footer>
  );
}
