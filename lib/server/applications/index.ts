import "server-only";
// The application from the applicant's side: a draft saved part by part, submitted (or resubmitted
// after a completion request) with a reference number, withdrawn; and the lists and reads for
// applicants and officers. Case handling after submission is lib/server/review.

export { listDecidable, listForApplicant } from "./list";
export { createDraft } from "./create-draft";
export { getForApplicant, requireApplicationMember } from "./get-for-applicant";
export { saveDraftPart } from "./save-draft-part";
export { submitApplication } from "./submit";
export { withdrawApplication } from "./withdraw";
export { timelineFor } from "./timeline";
export { draftOf, keptDraft, letterDetailsOf, partAsTyped, roundOf } from "./wizard-data";
