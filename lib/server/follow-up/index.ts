import "server-only";
// After the decision: instalments and payments, the grantee's reports and the officer's handling of
// them, reminders, repayment claims and what all grants achieved together.

export { listGrants, overdueReports, grantForOfficer } from "./grant-overview";
export { releaseInstalment } from "./release-instalment";
export { attestInstalment } from "./attest-instalment";
export {
  createPaymentFile,
  paymentFileDownload,
  paymentFileFor,
  cancelPaymentFile,
  markPaymentFilePaid,
  paymentsOverview,
  overdueInstalments,
} from "./payment-files";
export { reportForMember as getReportForApplicant, officerReport } from "./access";
export { saveReport } from "./save-report";
export { acceptReport } from "./accept-report";
export { requestReportCompletion } from "./request-report-completion";
export { setReportDueDate } from "./set-report-due-date";
export {
  claimFor,
  proposeRepayment,
  decideRepayment,
  recordRepaymentPayment,
  overdueClaims,
} from "./repayment-claims";
export { sendReportReminders } from "./report-reminders";
export { outcomes, outcomesCsv, type OutcomeRow } from "./outcomes";
export {
  MAX_ATTACHMENT_BYTES,
  addReportAttachment,
  reportAttachmentFile,
  listReportAttachments,
} from "./report-attachments";
