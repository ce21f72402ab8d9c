import { getTranslations } from "next-intl/server";
import { Tag } from "@/components/ui/tag";

const TONE = {
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

export async function StatusTag({ status }: { status: keyof typeof TONE }) {
  const t = await getTranslations("status");
  return <Tag tone={TONE[status]}>{t(status)}</Tag>;
}
