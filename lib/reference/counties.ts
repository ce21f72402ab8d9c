// The 21 counties (län) of Sweden with their two-digit SCB codes. Source: data/counties.csv, see README.md.
export type County = { code: string; name: string };

export const COUNTIES: readonly County[] = [
  { code: "01", name: "Stockholms län" },
  { code: "03", name: "Uppsala län" },
  { code: "04", name: "Södermanlands län" },
  { code: "05", name: "Östergötlands län" },
  { code: "06", name: "Jönköpings län" },
  { code: "07", name: "Kronobergs län" },
  { code: "08", name: "Kalmar län" },
  { code: "09", name: "Gotlands län" },
  { code: "10", name: "Blekinge län" },
  { code: "12", name: "Skåne län" },
  { code: "13", name: "Hallands län" },
  { code: "14", name: "Västra Götalands län" },
  { code: "17", name: "Värmlands län" },
  { code: "18", name: "Örebro län" },
  { code: "19", name: "Västmanlands län" },
  { code: "20", name: "Dalarnas län" },
  { code: "21", name: "Gävleborgs län" },
  { code: "22", name: "Västernorrlands län" },
  { code: "23", name: "Jämtlands län" },
  { code: "24", name: "Västerbottens län" },
  { code: "25", name: "Norrbottens län" },
];

const byCode = new Map(COUNTIES.map((c) => [c.code, c]));

export const isCountyCode = (code: unknown): code is string =>
  typeof code === "string" && byCode.has(code);
export const countyName = (code: string): string | undefined => byCode.get(code)?.name;

/** For pickers: sorted by name with Swedish collation (Å, Ä, Ö last). */
export const COUNTIES_BY_NAME: readonly County[] = [...COUNTIES].sort((a, b) =>
  a.name.localeCompare(b.name, "sv"),
);
