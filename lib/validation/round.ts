import { z } from "./zod";
import { TRACKS } from "./application";

const localDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/, "Ange datum och tid, till exempel 2027-01-15 23:59.");

/** A grant round as an administrator enters it (times are Europe/Stockholm wall-clock). */
export const RoundInput = z
  .object({
    title: z
      .string()
      .trim()
      .min(3, "Ge utlysningen ett namn, till exempel Statsbidrag mot segregation 2027.")
      .max(200),
    year: z
      .number({ error: "Ange året med fyra siffror." })
      .int()
      .min(2018, "Ange ett år från 2018.")
      .max(2100),
    opensAt: localDateTime,
    closesAt: localDateTime,
    budgetSek: z
      .number({ error: "Ange budgetramen i hela kronor." })
      .int("Ange budgetramen i hela kronor.")
      .min(1, "Budgetramen måste vara större än 0 kr."),
    acceptedTracks: z.array(z.enum(TRACKS)).min(1, "Välj minst en inriktning."),
    longestPeriodMonths: z
      .number({ error: "Ange antal månader." })
      .int()
      .min(1, "Ange minst 1 månad.")
      .max(60, "Ange högst 60 månader."),
    reviewsRequired: z
      .number({ error: "Ange hur många bedömningar som behövs, till exempel 1." })
      .int("Ange ett helt antal bedömningar.")
      .min(1, "Minst en bedömning behövs innan ett ärende kan föreslås.")
      .max(5, "Ange högst 5 bedömningar."),
    // When the round's decisions are planned: shown with each case's age on the dashboard.
    targetDecisionOn: z
      .union([
        z.literal(""),
        z.iso.date({ error: "Ange datumet som ÅÅÅÅ-MM-DD, till exempel 2027-12-10." }),
      ])
      .default(""),
  })
  .refine((r) => r.closesAt > r.opensAt, {
    path: ["closesAt"],
    message: "Utlysningen måste stänga efter att den öppnar.",
  })
  .refine((r) => r.targetDecisionOn === "" || r.targetDecisionOn >= r.closesAt.slice(0, 10), {
    path: ["targetDecisionOn"],
    message: "Beslutsdatumet kan inte ligga före sista ansökningsdag.",
  });
export type RoundInput = z.infer<typeof RoundInput>;
