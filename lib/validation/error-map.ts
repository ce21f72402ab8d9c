import type { core } from "zod";
import { formatNumber, type UiLocale } from "@/lib/domain/format";

// The words for every kind of zod problem, so that no library text ever reaches a person. A
// schema's own message (`.min(3, "…")`) always wins; this map speaks where a schema says nothing.
// Plain language that says what to do (docs/ux: "Ange …", not "Ogiltigt värde").

type Issue = core.$ZodRawIssue;

const TEXT = {
  sv: {
    required: "Fyll i uppgiften.",
    text: "Skriv uppgiften som text.",
    number: "Ange ett tal, till exempel 1 200.",
    integer: "Ange ett heltal, utan decimaler.",
    choice: "Välj ett av alternativen.",
    yesNo: "Välj ja eller nej.",
    list: "Välj minst ett alternativ.",
    date: "Ange datumet som ÅÅÅÅ-MM-DD, till exempel 2027-01-15.",
    dateTime: "Ange datum och tid, till exempel 2027-01-15 23:59.",
    email: "Ange en e-postadress, till exempel namn@exempel.se.",
    url: "Ange en webbadress som börjar med https://.",
    pattern: "Kontrollera att uppgiften är rätt skriven.",
    minText: (n: string) => `Skriv minst ${n} tecken.`,
    maxText: (n: string) => `Skriv högst ${n} tecken.`,
    minNumber: (n: string) => `Ange ett tal som är minst ${n}.`,
    aboveNumber: (n: string) => `Ange ett tal som är större än ${n}.`,
    maxNumber: (n: string) => `Ange ett tal som är högst ${n}.`,
    belowNumber: (n: string) => `Ange ett tal som är mindre än ${n}.`,
    minItems: (n: string) => `Välj eller fyll i minst ${n}.`,
    maxItems: (n: string) => `Välj eller fyll i högst ${n}.`,
    minDate: (d: string) => `Ange ett datum från och med ${d}.`,
    maxDate: (d: string) => `Ange ett datum till och med ${d}.`,
    unknownFields: "Formuläret innehöll uppgifter som inte hör hemma här. Ladda om sidan.",
    check: "Kontrollera uppgiften.",
  },
  en: {
    required: "Enter this information.",
    text: "Enter this as text.",
    number: "Enter a number, for example 1,200.",
    integer: "Enter a whole number, without decimals.",
    choice: "Choose one of the options.",
    yesNo: "Choose yes or no.",
    list: "Choose at least one option.",
    date: "Enter the date as YYYY-MM-DD, for example 2027-01-15.",
    dateTime: "Enter a date and time, for example 2027-01-15 23:59.",
    email: "Enter an email address, for example name@example.com.",
    url: "Enter a web address starting with https://.",
    pattern: "Check that this is written correctly.",
    minText: (n: string) => `Write at least ${n} characters.`,
    maxText: (n: string) => `Write at most ${n} characters.`,
    minNumber: (n: string) => `Enter a number of at least ${n}.`,
    aboveNumber: (n: string) => `Enter a number greater than ${n}.`,
    maxNumber: (n: string) => `Enter a number of at most ${n}.`,
    belowNumber: (n: string) => `Enter a number less than ${n}.`,
    minItems: (n: string) => `Choose or fill in at least ${n}.`,
    maxItems: (n: string) => `Choose or fill in at most ${n}.`,
    minDate: (d: string) => `Enter a date on or after ${d}.`,
    maxDate: (d: string) => `Enter a date on or before ${d}.`,
    unknownFields: "The form held information that does not belong here. Reload the page.",
    check: "Check this information.",
  },
} as const;

const bound = (value: number | bigint, origin: string | undefined, locale: UiLocale) =>
  origin === "date"
    ? new Date(Number(value)).toISOString().slice(0, 10)
    : formatNumber(Number(value), locale);

/** The message for one zod problem, in the interface's language. */
export function zodErrorMessage(issue: Issue, locale: UiLocale = "sv"): string {
  const t = TEXT[locale];
  switch (issue.code) {
    case "invalid_type": {
      if (issue.input === undefined || issue.input === null || issue.input === "")
        return t.required;
      const expected = String(issue.expected);
      if (expected === "number" || expected === "bigint" || expected === "nan") return t.number;
      if (expected === "int") return t.integer;
      if (expected === "boolean") return t.yesNo;
      if (expected === "date") return t.date;
      if (expected === "array") return t.list;
      if (expected === "string") return t.text;
      return t.check;
    }
    case "too_small": {
      const n = bound(issue.minimum, issue.origin, locale);
      if (issue.origin === "string") return Number(issue.minimum) <= 1 ? t.required : t.minText(n);
      if (issue.origin === "array" || issue.origin === "set")
        return Number(issue.minimum) <= 1 ? t.list : t.minItems(n);
      if (issue.origin === "date") return t.minDate(n);
      return issue.inclusive === false ? t.aboveNumber(n) : t.minNumber(n);
    }
    case "too_big": {
      const n = bound(issue.maximum, issue.origin, locale);
      if (issue.origin === "string") return t.maxText(n);
      if (issue.origin === "array" || issue.origin === "set") return t.maxItems(n);
      if (issue.origin === "date") return t.maxDate(n);
      return issue.inclusive === false ? t.belowNumber(n) : t.maxNumber(n);
    }
    case "invalid_format":
      switch (issue.format) {
        case "email":
          return t.email;
        case "url":
          return t.url;
        case "date":
          return t.date;
        case "datetime":
          return t.dateTime;
        default:
          return t.pattern;
      }
    case "not_multiple_of":
      return t.integer;
    case "invalid_value":
    case "invalid_union":
      return t.choice;
    case "unrecognized_keys":
      return t.unknownFields;
    default:
      return t.check;
  }
}

/** The language of the page in a browser (the root layout sets <html lang>); Swedish elsewhere. */
export const pageLocale = (): UiLocale =>
  typeof document !== "undefined" && document.documentElement.lang === "en" ? "en" : "sv";
