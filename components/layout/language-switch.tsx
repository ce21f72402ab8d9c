import { getLocale, getTranslations } from "next-intl/server";
import { setLocale } from "./actions";

/** A plain form, so switching language works without JavaScript too. */
export async function LanguageSwitch() {
  const locale = await getLocale();
  const t = await getTranslations("common");
  const other = locale === "sv" ? "en" : "sv";
  return (
    <form action={setLocale}>
      <input type="hidden" name="locale" value={other} />
      <button
        type="submit"
        lang={other}
        className="rounded border border-white px-3 py-1 text-sm font-semibold text-white hover:bg-white hover:text-ink"
      >
        {t("switchTo")}
      </button>
    </form>
  );
}
