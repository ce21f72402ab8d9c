import "server-only";
import { db } from "../db";
import type { Actor } from "../actor";
import { openedApplication } from "../review/case-access";

// The case file (akt): everything that happened in one case, in time order, each entry with its
// document – a PDF, a section of the case page, or the text itself (mails, notifications).
// Read-only. Opened by staff who may open the case (lib/server/case-access.ts); anyone else,
// and an officer with a conflict of interest, gets "not found".

type Doc = { type: "link"; href: string } | { type: "text"; text: string } | { type: "none" };

export type CaseFileEntry = {
  key: string;
  at: Date;
  kind:
    | "submission"
    | "version"
    | "completionRequest"
    | "letterOfIntent"
    | "mail"
    | "notification"
    | "formalCheck"
    | "review"
    | "proposal"
    | "decision"
    | "meetingProtocol"
    | "payment"
    | "report";
  /** The entry's own words: a subject, a title, a name; shown as the entry's heading. */
  title: string;
  /** Who acted or received, when known. */
  who: string | null;
  /** A state to show beside it (mail: SENT/QUEUED/FAILED; letter, report: their status). */
  status: string | null;
  document: Doc;
};

const text = (value: string): Doc => ({ type: "text", text: value });
const link = (href: string): Doc => ({ type: "link", href });

/** Precondition: staff who may open case `id` (see openedApplication). */
export async function caseFile(actor: Actor, id: string) {
  await openedApplication(actor, id, "case_file.read");
  const app = await db.application.findUniqueOrThrow({
    where: { id },
    include: {
      organisation: {
        select: { name: true, memberships: { select: { userId: true } } },
      },
      versions: {
        orderBy: { number: "asc" },
        include: { createdBy: { select: { name: true } } },
      },
      complementRequests: {
        orderBy: { createdAt: "asc" },
        include: { requestedBy: { select: { name: true } } },
      },
      partners: { orderBy: { position: "asc" }, include: { letter: true } },
      reviews: { include: { reviewer: { select: { name: true } } } },
      proposals: { include: { proposedBy: { select: { name: true } } } },
      decisions: { include: { decider: { select: { name: true } } } },
      instalments: { orderBy: { number: "asc" } },
      reports: { orderBy: { dueDate: "asc" } },
      meetingCases: {
        include: {
          meeting: {
            select: {
              id: true,
              createdAt: true,
              heldOn: true,
              decider: { select: { name: true } },
            },
          },
        },
      },
    },
  });
  const memberIds = app.organisation.memberships.map((m) => m.userId);
  const [mails, notifications, formalChecks] = await Promise.all([
    db.mailMessage.findMany({ where: { applicationId: id }, orderBy: { createdAt: "asc" } }),
    db.notification.findMany({
      where: {
        userId: { in: memberIds },
        OR: [{ href: `/ansokningar/${id}` }, { href: { startsWith: `/ansokningar/${id}/` } }],
      },
      include: { user: { select: { name: true } } },
      orderBy: { createdAt: "asc" },
    }),
    db.auditEvent.findMany({
      where: { entityType: "Application", entityId: id, action: "application.formal_check" },
      include: { actor: { select: { name: true } } },
      orderBy: { at: "asc" },
    }),
  ]);

  const entries: CaseFileEntry[] = [];
  const add = (entry: CaseFileEntry) => entries.push(entry);
  const caseLink = (section: string) => link(`/handlaggning/${id}#${section}`);

  for (const v of app.versions)
    add({
      key: `version:${v.number}`,
      at: v.createdAt,
      kind: v.reason === "SUBMISSION" ? "submission" : "version",
      title: `${v.number}`,
      who: v.createdBy.name,
      status: null,
      document: caseLink("content"),
    });
  for (const c of app.complementRequests)
    add({
      key: `completion:${c.id}`,
      at: c.createdAt,
      kind: "completionRequest",
      title: c.message,
      who: c.requestedBy.name,
      status: c.answeredAt ? "ANSWERED" : "OPEN",
      document: caseLink("completion"),
    });
  for (const p of app.partners) {
    const letter = p.letter;
    if (!letter) continue;
    add({
      key: `letter:${letter.id}`,
      at: letter.updatedAt,
      kind: "letterOfIntent",
      title: p.name,
      who: letter.signedBy,
      status: letter.status,
      document: letter.fileId
        ? link(`/api/handlaggning/${id}/partner/${p.id}/avsiktsforklaring`)
        : caseLink("letters"),
    });
  }
  for (const m of mails)
    add({
      key: `mail:${m.id}`,
      at: m.createdAt,
      kind: "mail",
      title: m.subject,
      who: m.to,
      status: m.status,
      document: text(m.text),
    });
  for (const n of notifications)
    add({
      key: `notification:${n.id}`,
      at: n.createdAt,
      kind: "notification",
      title: n.title,
      who: n.user.name,
      status: n.readAt ? "READ" : "UNREAD",
      document: n.body ? text(n.body) : { type: "none" },
    });
  for (const f of formalChecks)
    add({
      key: `formal:${f.id}`,
      at: f.at,
      kind: "formalCheck",
      title: "",
      who: f.actor?.name ?? null,
      status: null,
      document: caseLink("formal"),
    });
  for (const r of app.reviews)
    if (r.completedAt)
      add({
        key: `review:${r.id}`,
        at: r.completedAt,
        kind: "review",
        title: r.summary,
        who: r.reviewer.name,
        status: r.recommendation,
        document: caseLink("reviews"),
      });
  for (const p of app.proposals)
    add({
      key: `proposal:${p.id}`,
      at: p.createdAt,
      kind: "proposal",
      title: p.reasons,
      who: p.proposedBy.name,
      status: p.outcome,
      document: caseLink("decision"),
    });
  for (const d of app.decisions)
    add({
      key: `decision:${d.id}`,
      at: d.createdAt,
      kind: "decision",
      title: d.reasons,
      who: d.decider.name,
      status: d.outcome,
      document: d.letterFileId ? link(`/api/beslut/${d.id}/beslutsbrev`) : caseLink("decision"),
    });
  // The protocol of the decision meeting that decided (or sent back) the case (docs/domain.md §7).
  for (const m of app.meetingCases)
    add({
      key: `meeting:${m.meetingId}`,
      at: m.meeting.createdAt,
      kind: "meetingProtocol",
      title: m.meeting.heldOn.toISOString().slice(0, 10),
      who: m.meeting.decider.name,
      status: m.outcome,
      document: link(`/api/beslut/mote/${m.meetingId}/protokoll`),
    });
  for (const i of app.instalments)
    if (i.paidAt || i.exportedAt || i.attestedAt || i.releasedAt)
      add({
        key: `payment:${i.id}`,
        at: (i.paidAt ?? i.exportedAt ?? i.attestedAt ?? i.releasedAt)!,
        kind: "payment",
        title: `${i.number}`,
        who: null,
        status: i.status,
        document: link(`/uppfoljning/${id}`),
      });
  for (const r of app.reports)
    if (r.submittedAt)
      add({
        key: `report:${r.id}`,
        at: r.submittedAt,
        kind: "report",
        title: r.kind,
        who: null,
        status: r.status,
        document: link(`/uppfoljning/${id}`),
      });

  entries.sort((a, b) => a.at.getTime() - b.at.getTime() || a.key.localeCompare(b.key));
  return {
    id: app.id,
    referenceNumber: app.referenceNumber,
    title: app.title,
    organisation: app.organisation.name,
    entries,
  };
}
