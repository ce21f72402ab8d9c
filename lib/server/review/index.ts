import "server-only";
// Case handling for officers, from the conflict-of-interest gate to the decision. Every function
// states who may call it; the application is found only among submitted ones (never drafts), and
// its content only after a declaration of no conflict (case-access.ts).

export { gateInfo } from "./gate";
export { openedApplication, submittedApplication } from "./case-access";
export { declareConflict } from "./declare-conflict";
export { listDeclaredConflicts, ruleOnConflict } from "./rule-on-conflict";
export { getForReview, type ReviewCase } from "./get-case";
export { assign, reviewersForAssignment } from "./assign";
export { completeFormalCheck } from "./formal-check";
export { saveReview } from "./save-review";
export { addComment } from "./comment";
export { requestCompletion } from "./request-completion";
export { sendCompletionReminders } from "./completion-reminders";
export { proposeDecision } from "./propose";
export { decide } from "./decide";
export { decisionLetterFile, letterFileForStaff } from "./case-files";
