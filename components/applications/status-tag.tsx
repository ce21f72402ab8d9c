import { getTranslations } from "next-intl/server";
import { Tag } from "@/components/ui/tag";

export const STATUS_TONE = {
  DRAFT: "neutral",
  SUBMITTED: "blue",
  IN_REVIEW: "blue",
  COMPLEMENT_REQUESTED: "yellow",
  PROPOSED: "blue",
  APPROVED: "green",
  REJECTED: "red",
  WITHDRAWN: "neutral",
  REPORT_SUBMITTED: "blue",
  CLOSED: "neutral",
} as const;

export async function StatusTag({ status }: { status: keyof typeof STATUS_TONE }) {
  const t = await getTranslations("status");
  return <Tag tone={STATUS_TONE[status]}>{t(status)}</Tag>;
}
