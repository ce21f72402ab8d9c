import type { FieldSpec } from "@/components/ui/simple-form";
import { LABELS } from "@/lib/domain/labels";
import type { UiLocale } from "@/lib/domain/format";

/** The "admin.roundForm" messages, from getTranslations on the page. */
type Translate = (key: string, values?: Record<string, string>) => string;

type RoundDefaults = {
  title?: string;
  year?: number;
  opensAt?: string;
  closesAt?: string;
  budgetSek?: number;
  acceptedTracks?: string[];
  longestPeriodMonths?: number;
  reviewsRequired?: number;
  targetDecisionOn?: string;
};

/** The fields of a grant round, for both creating and editing. */
export function roundFields(t: Translate, locale: UiLocale, r: RoundDefaults = {}): FieldSpec[] {
  const tracks = LABELS[locale].track;
  return [
    { name: "title", type: "text", label: t("title"), defaultValue: r.title },
    { name: "year", type: "number", label: t("year"), defaultValue: r.year },
    { name: "opensAt", type: "datetime-local", label: t("opensAt"), defaultValue: r.opensAt },
    { name: "closesAt", type: "datetime-local", label: t("closesAt"), defaultValue: r.closesAt },
    {
      name: "budgetSek",
      type: "number",
      label: t("budget"),
      hint: t("budgetHint"),
      defaultValue: r.budgetSek,
    },
    ...(Object.keys(tracks) as (keyof typeof tracks)[]).map((track) => ({
      name: `track_${track}`,
      type: "checkbox" as const,
      label: t("track", { track: tracks[track] }),
      defaultValue: r.acceptedTracks ? r.acceptedTracks.includes(track) : true,
    })),
    {
      name: "longestPeriodMonths",
      type: "number",
      label: t("longestPeriod"),
      hint: t("longestPeriodHint"),
      defaultValue: r.longestPeriodMonths ?? 36,
    },
    {
      name: "reviewsRequired",
      type: "number",
      label: t("reviewsRequired"),
      hint: t("reviewsRequiredHint"),
      defaultValue: r.reviewsRequired ?? 1,
    },
    {
      name: "targetDecisionOn",
      type: "date",
      label: t("targetDecisionOn"),
      hint: t("targetDecisionOnHint"),
      optional: true,
      defaultValue: r.targetDecisionOn ?? "",
    },
  ];
}
