// The life of an application (docs/domain.md §5). Pure.
export const STATUSES = [
  "DRAFT",
  "SUBMITTED",
  "IN_REVIEW",
  "COMPLEMENT_REQUESTED",
  "PROPOSED",
  "APPROVED",
  "REJECTED",
  "WITHDRAWN",
  "REPORT_SUBMITTED",
  "CLOSED",
] as const;
export type ApplicationStatus = (typeof STATUSES)[number];

const TRANSITIONS: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  DRAFT: ["SUBMITTED", "WITHDRAWN"],
  SUBMITTED: ["IN_REVIEW", "WITHDRAWN"],
  IN_REVIEW: ["COMPLEMENT_REQUESTED", "PROPOSED", "WITHDRAWN"],
  COMPLEMENT_REQUESTED: ["IN_REVIEW", "WITHDRAWN"],
  PROPOSED: ["APPROVED", "REJECTED", "IN_REVIEW"],
  APPROVED: ["REPORT_SUBMITTED"],
  REJECTED: [],
  WITHDRAWN: [],
  REPORT_SUBMITTED: ["CLOSED"],
  CLOSED: [],
};

export const canTransition = (from: ApplicationStatus, to: ApplicationStatus) =>
  TRANSITIONS[from].includes(to);

/** The applicant may change the content only in a draft or when a completion has been requested. */
export const applicantMayEdit = (status: ApplicationStatus) =>
  status === "DRAFT" || status === "COMPLEMENT_REQUESTED";
export const applicantMayWithdraw = (status: ApplicationStatus) =>
  canTransition(status, "WITHDRAWN");

/** Diarienummer YYYY/NNNN, sequential per year. */
export const formatReferenceNumber = (year: number, sequence: number) =>
  `${year}/${String(sequence).padStart(4, "0")}`;

export type RoundWindow = { status: "PLANNED" | "OPEN" | "CLOSED"; opensAt: Date; closesAt: Date };
/** Submissions are accepted only while the round is open (docs/domain.md §2). */
export const roundIsOpen = (round: RoundWindow, now: Date = new Date()) =>
  round.status === "OPEN" &&
  round.opensAt.getTime() <= now.getTime() &&
  now.getTime() < round.closesAt.getTime();
