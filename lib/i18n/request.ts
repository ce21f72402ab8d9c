import { cookies } from "next/headers";
import type { AbstractIntlMessages } from "next-intl";
import { getRequestConfig } from "next-intl/server";
import { DEFAULT_LOCALE, LOCALE_COOKIE, isLocale } from "./config";

// The language is a personal choice kept in a cookie; addresses stay the same in both languages.
export default getRequestConfig(async () => {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(chosen) ? chosen : DEFAULT_LOCALE;
  return {
    locale,
    timeZone: "Europe/Stockholm",
    messages: ((await import(`../../messages/${locale}.json`)) as { default: AbstractIntlMessages })
      .default,
  };
});
