import "server-only";
import { cache } from "react";
import { db, type Tx } from "./db";
import { grantsChanged } from "./grants";
import { deny, type Actor } from "./actor";
import { audit } from "./audit";
import { Conflict, Forbidden, NotFound, RuleViolation } from "./errors";
import { appUrl, queueMail } from "./mail";
import { enqueueMail } from "./jobs";
import { storage } from "./storage";
import { renderDecisionLetter } from "./decision-letter";
import { createGrantPlan } from "./grant-plan";
import { notifyMembers } from "./notifications";
import { addMonths, todayInStockholm } from "@/lib/domain/dates";
import {
  approvalAmountValid,
  deciderRefusal,
  fitsBudget,
  mayOpen,
  REFUSAL_TEXT,
  type DecisionRefusal,
} from "@/lib/domain/review";
import { isStaff } from "@/lib/domain/roles";
import { formatSek, isoDate } from "@/lib/domain/format";
import { dateOnly } from "./application-contract";
import type { z } from "zod";
import type {
  CompletionRequestInput,
  ConflictInput,
  ConflictRuling,
  DecisionInput,
  FormalCheckInput,
  ProposalInput,
  ReviewInput,
} from "@/lib/validation/review";

// Case handling for officers. Every function states who may call it; the application is found only
// among submitted ones (never drafts), and its content only after a declaration of no conflict.

const refuse = (reason: DecisionRefusal) => new Forbidden(REFUSAL_TEXT[reason]);

// Read once per page render (the gate and the case both need it); actions are not memoised.
const findSubmitted = cache((actorId: string, id: string) =>
  db.application.findFirst({
    where: { id, status: { notIn: ["DRAFT"] } },
    include: {
      conflicts: { where: { userId: actorId } },
      organisation: true,
      partners: { orderBy: { position: "asc" }, select: { name: true } },
    },
  }),
);

async function submittedApplication(actor: Actor, id: string, what: string) {
  if (!isStaff(actor.roles)) await deny(actor, what, "Application", id);
  const app = await findSubmitted(actor.id, id);
  if (!app) await deny(actor, what, "Application", id);
  return app!;
}

/** Precondition: staff with a declaration of no conflict (or one lifted by an admin). */
async function openedApplication(actor: Actor, id: string, what: string) {
  const app = await submittedApplication(actor, id, what);
  if (!mayOpen(app.conflicts[0])) {
    await audit({
      actorId: actor.id,
      action: "access.denied",
      entityType: "Application",
      entityId: id,
      meta: { what, reason: "conflict" },
    });
    throw new Forbidden(
      app.conflicts[0]
        ? "Du har anmält jäv i ärendet och kan inte öppna det."
        : "Pröva först om du är jävig i ärendet.",
    );
  }
  return app;
}

/** What an officer may see before the conflict declaration: reference, organisation and partners' names. */
export async function gateInfo(actor: Actor, id: string) {
  const app = await submittedApplication(actor, id, "application.gate");
  return {
    id: app.id,
    referenceNumber: app.referenceNumber,
    status: app.status,
    organisation: app.organisation.name,
    orgNumber: app.organisation.orgNumber,
    partners: app.partners.map((p) => p.name),
    declaration: app.conflicts[0] ?? null,
  };
}

/** Staff declare, once per application, that they have no conflict of interest — or that they may have one. */
export async function declareConflict(
  actor: Actor,
  id: string,
  input: z.infer<typeof ConflictInput>,
) {
  const app = await submittedApplication(actor, id, "conflict.declare");
  if (app.conflicts[0]) throw new Conflict("Du har redan lämnat en jävsprövning för ärendet.");
  await db.$transaction(async (tx) => {
    const declaration = await tx.conflictDeclaration.create({
      data: {
        applicationId: id,
        userId: actor.id,
        status: input.hasConflict ? "DECLARED" : "NO_CONFLICT",
        description: input.hasConflict ? input.description : null,
      },
    });
    await audit(
      {
        actorId: actor.id,
        action: input.hasConflict ? "conflict.declared" : "conflict.none_declared",
        entityType: "Application",
        entityId: id,
        after: { declarationId: declaration.id, status: declaration.status },
      },
      tx,
    );
  });
}

export async function listDeclaredConflicts(actor: Actor) {
  if (!actor.roles.includes("ADMIN")) await deny(actor, "conflict.list");
  return db.conflictDeclaration.findMany({
    where: { status: { in: ["DECLARED", "CONFIRMED", "LIFTED"] } },
    orderBy: { declaredAt: "desc" },
    include: {
      user: { select: { name: true, email: true } },
      application: {
        select: { referenceNumber: true, title: true, organisation: { select: { name: true } } },
      },
      decidedBy: { select: { name: true } },
    },
  });
}

/** An admin decides a declared conflict: confirms it, or lifts it with reasons. */
export async function ruleOnConflict(
  actor: Actor,
  declarationId: string,
  ruling: z.infer<typeof ConflictRuling>,
) {
  if (!actor.roles.includes("ADMIN"))
    await deny(actor, "conflict.rule", "ConflictDeclaration", declarationId);
  await db.$transaction(async (tx) => {
    const declaration = await tx.conflictDeclaration.findUnique({ where: { id: declarationId } });
    if (!declaration || declaration.status === "NO_CONFLICT") throw new NotFound();
    const status = ruling.lift ? "LIFTED" : "CONFIRMED";
    await tx.conflictDeclaration.update({
      where: { id: declarationId },
      data: { status, decidedById: actor.id, decidedAt: new Date(), decisionReason: ruling.reason },
    });
    await audit(
      {
        actorId: actor.id,
        action: ruling.lift ? "conflict.lifted" : "conflict.confirmed",
        entityType: "ConflictDeclaration",
        entityId: declarationId,
        before: { status: declaration.status },
        after: { status, reason: ruling.reason },
      },
      tx,
    );
  });
}

const reviewInclude = {
  organisation: true,
  round: true,
  assignedTo: { select: { id: true, name: true } },
  versions: { orderBy: { number: "asc" as const } },
  partners: {
    orderBy: { position: "asc" as const },
    include: {
      letter: { include: { file: { select: { id: true, fileName: true, size: true } } } },
    },
  },
  reviews: { include: { scores: true, reviewer: { select: { id: true, name: true } } } },
  comments: {
    orderBy: { createdAt: "asc" as const },
    include: { author: { select: { name: true } } },
  },
  complementRequests: {
    orderBy: { createdAt: "desc" as const },
    include: { requestedBy: { select: { name: true } } },
  },
  proposals: {
    orderBy: { createdAt: "desc" as const },
    include: { proposedBy: { select: { id: true, name: true } } },
  },
  decisions: {
    orderBy: { createdAt: "desc" as const },
    include: { decider: { select: { name: true } } },
  },
  conflicts: true,
} as const;

/** The whole case for an officer who has declared no conflict. */
export async function getForReview(actor: Actor, id: string) {
  await openedApplication(actor, id, "application.review");
  const app = await db.application.findUniqueOrThrow({ where: { id }, include: reviewInclude });
  const myDeclaration = app.conflicts.find((c) => c.userId === actor.id) ?? null;
  return { ...app, myDeclaration };
}
export type ReviewCase = Awaited<ReturnType<typeof getForReview>>;

async function transition(
  tx: Tx,
  app: { id: string; status: string },
  to: "IN_REVIEW" | "COMPLEMENT_REQUESTED" | "PROPOSED" | "APPROVED" | "REJECTED",
  data: Record<string, unknown> = {},
) {
  const { count } = await tx.application.updateMany({
    where: { id: app.id, status: app.status as never },
    data: { ...data, status: to, version: { increment: 1 } },
  });
  if (count !== 1) throw new Conflict("Ärendet har ändrats av någon annan. Ladda om sidan.");
}

/** A reviewer takes the case (or an admin assigns it); a newly submitted case moves into review. */
export async function assign(actor: Actor, id: string, userId: string = actor.id) {
  const app = await openedApplication(actor, id, "application.assign");
  if (userId !== actor.id && !actor.roles.includes("ADMIN"))
    await deny(actor, "application.assign_other", "Application", id);
  const assignee = await db.user.findFirst({
    where: { id: userId, roles: { has: "REVIEWER" }, deactivatedAt: null },
  });
  if (!assignee)
    throw new RuleViolation([
      { code: "INVALID_FIELD", path: "userId", message: "Välj en aktiv handläggare." },
    ]);
  const assigneeDeclaration = await db.conflictDeclaration.findUnique({
    where: { applicationId_userId: { applicationId: id, userId } },
  });
  if (assigneeDeclaration && !mayOpen(assigneeDeclaration))
    throw new Forbidden("Handläggaren har anmält jäv i ärendet.");
  await db.$transaction(async (tx) => {
    if (app.status === "SUBMITTED") {
      await transition(tx, app, "IN_REVIEW", { assignedToId: userId, assessmentStep: "FORMAL" });
      await audit(
        {
          actorId: actor.id,
          action: "application.review_started",
          entityType: "Application",
          entityId: id,
          before: { status: "SUBMITTED" },
          after: { status: "IN_REVIEW" },
        },
        tx,
      );
    } else {
      await tx.application.update({ where: { id }, data: { assignedToId: userId } });
    }
    await audit(
      {
        actorId: actor.id,
        action: "application.assigned",
        entityType: "Application",
        entityId: id,
        before: { assignedToId: app.assignedToId },
        after: { assignedToId: userId },
      },
      tx,
    );
  });
}

/** Step one of the assessment: the formal requirements. Passing moves the case to step two. */
export async function completeFormalCheck(
  actor: Actor,
  id: string,
  input: z.infer<typeof FormalCheckInput>,
) {
  if (!actor.roles.includes("REVIEWER"))
    await deny(actor, "application.formal_check", "Application", id);
  const app = await openedApplication(actor, id, "application.formal_check");
  if (!["SUBMITTED", "IN_REVIEW"].includes(app.status))
    throw new Forbidden("Den formella kontrollen görs medan ärendet handläggs.");
  await db.$transaction(async (tx) => {
    if (app.status === "SUBMITTED") {
      await transition(tx, app, "IN_REVIEW", {});
      await audit(
        {
          actorId: actor.id,
          action: "application.review_started",
          entityType: "Application",
          entityId: id,
          before: { status: "SUBMITTED" },
          after: { status: "IN_REVIEW" },
        },
        tx,
      );
    }
    await tx.application.update({
      where: { id },
      data: {
        formalCheckPassed: input.passed,
        formalCheckNote: input.note,
        formalCheckById: actor.id,
        formalCheckAt: new Date(),
        assessmentStep: input.passed ? "MATERIAL" : "FORMAL",
        assignedToId: app.assignedToId ?? actor.id,
      },
    });
    await audit(
      {
        actorId: actor.id,
        action: "application.formal_check",
        entityType: "Application",
        entityId: id,
        after: { passed: input.passed, note: input.note },
      },
      tx,
    );
  });
}

/** Scores for the seven criteria and a recommendation. One review per officer and application. */
export async function saveReview(actor: Actor, id: string, input: z.infer<typeof ReviewInput>) {
  if (!actor.roles.includes("REVIEWER")) await deny(actor, "review.save", "Application", id);
  const app = await openedApplication(actor, id, "review.save");
  if (!["SUBMITTED", "IN_REVIEW"].includes(app.status))
    throw new Forbidden("Ärendet kan inte bedömas i sitt nuvarande skede.");
  await db.$transaction(async (tx) => {
    const review = await tx.review.upsert({
      where: { applicationId_reviewerId: { applicationId: id, reviewerId: actor.id } },
      create: {
        applicationId: id,
        reviewerId: actor.id,
        recommendation: input.recommendation,
        summary: input.summary,
        completedAt: new Date(),
      },
      update: {
        recommendation: input.recommendation,
        summary: input.summary,
        completedAt: new Date(),
        version: { increment: 1 },
      },
    });
    await tx.reviewScore.deleteMany({ where: { reviewId: review.id } });
    await tx.reviewScore.createMany({
      data: input.scores.map((s) => ({ reviewId: review.id, ...s })),
    });
    await audit(
      {
        actorId: actor.id,
        action: "review.saved",
        entityType: "Application",
        entityId: id,
        after: input,
      },
      tx,
    );
  });
}

export async function addComment(actor: Actor, id: string, body: string) {
  await openedApplication(actor, id, "comment.add");
  await db.$transaction(async (tx) => {
    const comment = await tx.internalComment.create({
      data: { applicationId: id, authorId: actor.id, body },
    });
    await audit(
      {
        actorId: actor.id,
        action: "comment.added",
        entityType: "Application",
        entityId: id,
        meta: { commentId: comment.id },
      },
      tx,
    );
  });
}

async function mailMembers(
  tx: Tx,
  organisationId: string,
  mail: (name: string) => { subject: string; text: string; dedupeKey: string },
) {
  const members = await tx.membership.findMany({
    where: { organisationId },
    include: { user: true },
  });
  const ids: (string | null)[] = [];
  for (const m of members) {
    const content = mail(m.user.name);
    ids.push(
      await queueMail(tx, {
        to: m.user.email,
        ...content,
        dedupeKey: `${content.dedupeKey}:${m.userId}`,
      }),
    );
  }
  return ids;
}

/** Komplettering: the applicant is asked for what is missing and can edit and resubmit. */
export async function requestCompletion(
  actor: Actor,
  id: string,
  input: z.infer<typeof CompletionRequestInput>,
) {
  if (!actor.roles.includes("REVIEWER"))
    await deny(actor, "application.request_completion", "Application", id);
  const app = await openedApplication(actor, id, "application.request_completion");
  if (!["SUBMITTED", "IN_REVIEW"].includes(app.status))
    throw new Forbidden("Komplettering kan bara begäras medan ärendet handläggs.");
  const mails = await db.$transaction(async (tx) => {
    await transition(tx, app, "COMPLEMENT_REQUESTED");
    const request = await tx.complementRequest.create({
      data: {
        applicationId: id,
        requestedById: actor.id,
        message: input.message,
        dueDate: input.dueDate ? dateOnly(input.dueDate) : null,
      },
    });
    await notifyMembers(tx, id, {
      kind: "complement_requested",
      title: `Komplettering begärd för ${app.referenceNumber}`,
      body: input.message,
      href: `/ansokningar/${id}`,
    });
    await audit(
      {
        actorId: actor.id,
        action: "application.complement_requested",
        entityType: "Application",
        entityId: id,
        before: { status: app.status },
        after: { status: "COMPLEMENT_REQUESTED", message: input.message },
      },
      tx,
    );
    return mailMembers(tx, app.organisationId, (name) => ({
      dedupeKey: `complement:${request.id}`,
      subject: `Komplettering behövs för ansökan ${app.referenceNumber}`,
      text: `Hej ${name}!\n\nVi behöver mer information om ansökan "${app.title}" (${app.referenceNumber}) – en komplettering:\n\n${input.message}\n\n${input.dueDate ? `Komplettera senast ${input.dueDate}.\n\n` : ""}Logga in, ändra ansökan och skicka in den igen:\n${appUrl(`/ansokningar/${id}`)}\n\nVänliga hälsningar\nSamverka`,
    }));
  });
  await enqueueMail(mails);
}

/** The officer proposes a decision with reasons; a decider then decides. */
export async function proposeDecision(
  actor: Actor,
  id: string,
  input: z.infer<typeof ProposalInput>,
) {
  if (!actor.roles.includes("REVIEWER")) await deny(actor, "decision.propose", "Application", id);
  const app = await openedApplication(actor, id, "decision.propose");
  if (app.status !== "IN_REVIEW")
    throw new Forbidden("Ett beslut kan föreslås när ärendet är under handläggning.");
  const amount = input.outcome === "APPROVED" ? input.amountSek : null;
  if (amount !== null && !approvalAmountValid(amount, app.requestedSek)) {
    throw new RuleViolation([
      {
        code: "AMOUNT_OUT_OF_RANGE",
        path: "amountSek",
        message: `Beloppet ska vara minst 1 kr och högst det sökta beloppet (${formatSek(app.requestedSek)}).`,
      },
    ]);
  }
  await db.$transaction(async (tx) => {
    await transition(tx, app, "PROPOSED", { assessmentStep: "COMPLETE" });
    const proposal = await tx.decisionProposal.create({
      data: {
        applicationId: id,
        proposedById: actor.id,
        outcome: input.outcome,
        amountSek: amount,
        reasons: input.reasons,
      },
    });
    await audit(
      {
        actorId: actor.id,
        action: "decision.proposed",
        entityType: "Application",
        entityId: id,
        before: { status: "IN_REVIEW" },
        after: {
          status: "PROPOSED",
          proposalId: proposal.id,
          outcome: input.outcome,
          amountSek: amount,
        },
      },
      tx,
    );
  });
}

/**
 * A decider approves, rejects or sends back a proposed case. Four eyes (never the proposer or a
 * reviewer of the case, never with a declared conflict) and the budget frame are checked inside
 * one transaction that locks the round, so two simultaneous approvals cannot together exceed it.
 */
export async function decide(
  actor: Actor,
  id: string,
  input: z.infer<typeof DecisionInput>,
  now = new Date(),
) {
  if (!actor.roles.includes("DECIDER")) await deny(actor, "decision.decide", "Application", id);
  const app = await submittedApplication(actor, id, "decision.decide");
  const result = await db.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT id FROM "GrantRound" WHERE id = ${app.roundId} FOR UPDATE`;
      const current = await tx.application.findUniqueOrThrow({
        where: { id },
        include: {
          proposals: { where: { status: "OPEN" }, take: 1 },
          reviews: { select: { reviewerId: true } },
          round: true,
          organisation: true,
        },
      });
      const proposal = current.proposals[0];
      if (current.status !== "PROPOSED" || !proposal) throw refuse("NOT_PROPOSED");
      const refusal = deciderRefusal({
        deciderId: actor.id,
        roles: actor.roles,
        proposerId: proposal.proposedById,
        reviewerIds: current.reviews.map((r) => r.reviewerId),
        declaration: app.conflicts[0] ?? null,
      });
      if (refusal) {
        await audit({
          actorId: actor.id,
          action: "access.denied",
          entityType: "Application",
          entityId: id,
          meta: { what: "decision.decide", reason: refusal },
        });
        throw refuse(refusal);
      }

      if (input.action === "SEND_BACK") {
        await transition(tx, current, "IN_REVIEW", { assessmentStep: "MATERIAL" });
        await tx.decisionProposal.update({
          where: { id: proposal.id },
          data: { status: "RETURNED", returnReason: input.reasons },
        });
        await audit(
          {
            actorId: actor.id,
            action: "decision.sent_back",
            entityType: "Application",
            entityId: id,
            before: { status: "PROPOSED" },
            after: { status: "IN_REVIEW", reason: input.reasons },
          },
          tx,
        );
        return { mails: [] as (string | null)[] };
      }

      const approve = input.action === "APPROVE";
      const amount = approve ? input.amountSek : null;
      if (approve) {
        if (!approvalAmountValid(amount!, current.requestedSek))
          throw new RuleViolation([
            {
              code: "AMOUNT_OUT_OF_RANGE",
              path: "amountSek",
              message: REFUSAL_TEXT.AMOUNT_OUT_OF_RANGE,
            },
          ]);
        const approved = await tx.decision.aggregate({
          where: { roundId: current.roundId, outcome: "APPROVED", correctedBy: null },
          _sum: { amountSek: true },
        });
        if (!fitsBudget(approved._sum.amountSek ?? 0, amount!, current.round.budgetSek)) {
          await audit(
            {
              actorId: actor.id,
              action: "decision.refused_over_budget",
              entityType: "Application",
              entityId: id,
              meta: {
                amount,
                approvedSoFar: approved._sum.amountSek ?? 0,
                budget: current.round.budgetSek,
              },
            },
            tx,
          );
          throw new RuleViolation([
            {
              code: "OVER_BUDGET",
              path: "amountSek",
              message: `${REFUSAL_TEXT.OVER_BUDGET} Kvar i ramen: ${formatSek(current.round.budgetSek - (approved._sum.amountSek ?? 0))}.`,
            },
          ]);
        }
      }
      const decidedOn = dateOnly(todayInStockholm(now));
      const finalReportDue =
        approve && current.periodEnd ? dateOnly(addMonths(isoDate(current.periodEnd), 2)) : null;
      const pdf = await renderDecisionLetter({
        referenceNumber: current.referenceNumber!,
        title: current.title,
        track: current.track!,
        variant: current.variant,
        organisation: {
          name: current.organisation.name,
          orgNumber: current.organisation.orgNumber,
          address: [
            current.organisation.streetAddress,
            `${current.organisation.postalCode ?? ""} ${current.organisation.city ?? ""}`.trim(),
          ]
            .filter(Boolean)
            .join(", "),
        },
        outcome: approve ? "APPROVED" : "REJECTED",
        amountSek: amount,
        requestedSek: current.requestedSek,
        period: { start: current.periodStart, end: current.periodEnd },
        reasons: input.reasons,
        decidedOn,
        decider: actor.name,
        finalReportDue,
      });
      const file = await storage.put(
        {
          data: Buffer.from(pdf),
          contentType: "application/pdf",
          fileName: `beslut-${current.referenceNumber!.replace("/", "-")}.pdf`,
        },
        tx,
      );
      const decision = await tx.decision.create({
        data: {
          applicationId: id,
          roundId: current.roundId,
          proposalId: proposal.id,
          outcome: approve ? "APPROVED" : "REJECTED",
          amountSek: amount,
          reasons: input.reasons,
          decidedOn,
          deciderId: actor.id,
          letterFileId: file.id,
        },
      });
      await tx.decisionProposal.update({ where: { id: proposal.id }, data: { status: "DECIDED" } });
      await transition(tx, current, approve ? "APPROVED" : "REJECTED");
      if (approve && current.periodStart && current.periodEnd) {
        await createGrantPlan(tx, {
          applicationId: id,
          amountSek: amount!,
          periodStart: isoDate(current.periodStart),
          periodEnd: isoDate(current.periodEnd),
          decidedOn: isoDate(decidedOn),
        });
      }
      await notifyMembers(tx, id, {
        kind: "decision_made",
        title: `Beslut om ${current.referenceNumber}: ${approve ? `beviljad med ${formatSek(amount!)}` : "avslagen"}`,
        href: `/ansokningar/${id}`,
      });
      await audit(
        {
          actorId: actor.id,
          action: "decision.made",
          entityType: "Application",
          entityId: id,
          before: { status: "PROPOSED" },
          after: { status: decision.outcome, amountSek: amount, decisionId: decision.id },
        },
        tx,
      );
      const mails = await mailMembers(tx, current.organisationId, (name) => ({
        dedupeKey: `decision:${decision.id}`,
        subject: `Beslut om ansökan ${current.referenceNumber}`,
        text: `Hej ${name}!\n\nDet finns ett beslut om ansökan "${current.title}" (${current.referenceNumber}): ${approve ? `beviljad med ${formatSek(amount!)}` : "avslagen"}.\n\nLäs beslutet och ladda ner beslutsbrevet:\n${appUrl(`/ansokningar/${id}`)}\n\nVänliga hälsningar\nSamverka`,
      }));
      return { mails };
    },
    { timeout: 20_000 },
  );
  grantsChanged();
  await enqueueMail(result.mails);
}

/** A decision letter for the applicant's members and for staff who may open the case. */
export async function decisionLetterFile(actor: Actor, decisionId: string) {
  const decision = await db.decision.findUnique({
    where: { id: decisionId },
    select: {
      letterFileId: true,
      applicationId: true,
      application: {
        select: {
          organisation: {
            select: { memberships: { where: { userId: actor.id }, select: { userId: true } } },
          },
        },
      },
    },
  });
  if (!decision?.letterFileId) throw new NotFound();
  const member = decision.application.organisation.memberships.length > 0;
  if (!member) await openedApplication(actor, decision.applicationId, "decision.letter");
  const file = await storage.get(decision.letterFileId);
  if (!file) throw new NotFound();
  return file;
}

/** A letter of intent's PDF for staff who may open the case. */
export async function letterFileForStaff(actor: Actor, applicationId: string, partnerId: string) {
  await openedApplication(actor, applicationId, "letter.read");
  const partner = await db.partner.findFirst({
    where: { id: partnerId, applicationId },
    include: { letter: true },
  });
  const file = partner?.letter?.fileId ? await storage.get(partner.letter.fileId) : null;
  if (!file) throw new NotFound();
  return file;
}

export const reviewersForAssignment = () =>
  db.user.findMany({
    where: { roles: { has: "REVIEWER" }, deactivatedAt: null },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
