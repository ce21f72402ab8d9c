import type { FieldSpec } from "@/components/ui/simple-form";
import { TRACK_LABELS } from "@/lib/domain/labels";

type RoundDefaults = { title?: string; year?: number; opensAt?: string; closesAt?: string; budgetSek?: number; acceptedTracks?: string[]; longestPeriodMonths?: number };

/** The fields of a grant round, for both creating and editing. */
export function roundFields(r: RoundDefaults = {}): FieldSpec[] {
  return [
    { name: "title", type: "text", label: "Namn på utlysningen", defaultValue: r.title },
    { name: "year", type: "number", label: "År", defaultValue: r.year },
    { name: "opensAt", type: "datetime-local", label: "Öppnar (svensk tid)", defaultValue: r.opensAt },
    { name: "closesAt", type: "datetime-local", label: "Stänger (svensk tid)", defaultValue: r.closesAt },
    { name: "budgetSek", type: "number", label: "Budgetram i kronor", hint: "Summan av beviljade belopp kan aldrig bli större än ramen.", defaultValue: r.budgetSek },
    ...(Object.keys(TRACK_LABELS) as (keyof typeof TRACK_LABELS)[]).map((t) => ({ name: `track_${t}`, type: "checkbox" as const, label: `Tar emot: ${TRACK_LABELS[t]}`, defaultValue: r.acceptedTracks ? r.acceptedTracks.includes(t) : true })),
    { name: "longestPeriodMonths", type: "number", label: "Längsta projektperiod i månader", hint: "2020: 12 månader. Från 2021: upp till 36.", defaultValue: r.longestPeriodMonths ?? 36 },
  ];
}
