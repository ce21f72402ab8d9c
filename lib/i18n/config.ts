// Swedish first, English second (Språklagen; docs/domain.md: the interface is Swedish first).
const LOCALES = ["sv", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "sv";
export const LOCALE_COOKIE = "NEXT_LOCALE";
export const isLocale = (value: unknown): value is Locale => LOCALES.includes(value as Locale);
