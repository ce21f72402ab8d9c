import "server-only";
// The decision meeting (beslutsmöte, docs/domain.md §7): a round's decision basis, officers' moves
// in it, deciding every case at once, and the protocol.

export { decisionBasis, meetingRounds } from "./basis";
export { moveCase, mayMoveCase } from "./move";
export { holdMeeting } from "./hold";
export { protocolFile } from "./protocol";
export { basisCsv, basisPdf } from "./basis-export";
