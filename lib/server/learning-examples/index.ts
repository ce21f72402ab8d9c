import "server-only";
// Learning examples (erfarenhetsexempel, docs/domain.md §8): the grantee's public summary of a
// final report, the officer's review of it, and the published examples at /erfarenheter.

export { finalReportForMember, officerExample } from "./access";
export { saveExampleDraft, submitExample } from "./grantee";
export { approveExample, requestExampleChanges, unpublishExample } from "./review";
export {
  exampleFilterOptions,
  examplesOpenData,
  listPublishedExamples,
  publishedExample,
} from "./public";
