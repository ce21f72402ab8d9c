import "server-only";
import type { z } from "zod";
import { db, type Tx } from "../db";
import { deny, type Actor } from "../actor";
import { audit, auditMany, recordRefusals } from "../audit";
import { Conflict, Forbidden, NotFound, RuleViolation, refused, type Refusal } from "../errors";
import { enqueueMail } from "../job-queue";
import { grantsChanged } from "../grants";
import { storage } from "../storage";
import { dateOnly } from "../application-contract";
import { renderLetter, recordDecisions, type FinalDecision } from "../review/record-decision";
import { todayInStockholm } from "@/lib/domain/dates";
import { formatSek } from "@/lib/domain/format";
import { REFUSAL_TEXT, approvalAmountValid, type DecisionRefusal } from "@/lib/domain/review";
import type { MeetingStanding } from "@/lib/domain/meeting";
import type { MeetingInput } from "@/lib/validation/meeting";
import { approvedInRound, proposedCases, ranked, standingOf, type ProposedCase } from "./basis";
import { renderProtocol } from "./protocol";

// Deciding a round's proposed cases together (docs/domain.md §7): every decision recorded on its
// own (reasons, amount, decider, letter, payment plan), all in one transaction that locks the
// round, so the meeting fails as a whole if the frame would be exceeded or a case changed since
// the page read it (its version). The same meeting sent twice (its key) decides once.

type Input = z.infer<typeof MeetingInput>;
type CaseInput = Input["cases"][number];

const STANDING_REFUSAL: Record<Exclude<MeetingStanding, "DECIDABLE">, DecisionRefusal> = {
  CONFLICT: "CONFLICT",
  PROPOSER: "IS_PROPOSER",
  REVIEWER: "IS_REVIEWER",
  NOT_DECIDER: "NOT_DECIDER",
};

const refs = (list: readonly (string | null)[]) =>
  list.length === 1 ? `ärende ${list[0]}` : `ärendena ${list.join(", ")}`;

/**
 * Every case of the meeting must still be proposed in the round, in the version the page read,
 * decidable by this person, and each amount within what was applied for. Throws otherwise; the
 * refusals are audited after the rollback (recordRefusals).
 */
async function checkCases(
  client: Tx | typeof db,
  actor: Actor,
  input: Input,
  current: readonly ProposedCase[],
) {
  const byId = new Map(current.map((c) => [c.id, c]));
  const changed = input.cases.filter((c) => byId.get(c.applicationId)?.version !== c.version);
  if (changed.length) {
    const found = await client.application.findMany({
      where: { id: { in: changed.map((c) => c.applicationId) } },
      select: { referenceNumber: true },
      orderBy: { referenceNumber: "asc" },
    });
    const which = found.map((f) => f.referenceNumber);
    const message = `${which.length ? refs(which) : "Ett ärende"} har ändrats sedan du öppnade beslutsunderlaget, till exempel beslutats av någon annan. Inget beslut har fattats. Ladda om sidan och gå igenom listan igen.`;
    throw refused(new Conflict(message[0].toUpperCase() + message.slice(1)), {
      action: "meeting.refused",
      entityType: "GrantRound",
      applicationId: input.roundId,
      reason: "CHANGED",
      message,
      details: { cases: which },
    });
  }
  const refusals: Refusal[] = [];
  for (const c of input.cases) {
    const found = byId.get(c.applicationId)!;
    const standing = standingOf(actor, found);
    if (standing === "DECIDABLE") continue;
    const reason = STANDING_REFUSAL[standing];
    refusals.push({
      action: "decision.refused",
      applicationId: found.id,
      reason,
      message: REFUSAL_TEXT[reason],
      details: { meeting: input.key, referenceNumber: found.referenceNumber },
    });
  }
  if (refusals.length) {
    const which = refusals.map((r) => r.details!.referenceNumber as string);
    const [first, ...more] = refusals;
    throw refused(
      new Forbidden(
        `Du kan inte besluta i ${refs(which)}: du har jäv i ärendet, eller har granskat eller föreslagit beslutet (fyraögonsprincipen). En annan beslutsfattare måste besluta. Inget beslut har fattats.`,
      ),
      first,
      ...more,
    );
  }
  const problems = input.cases.flatMap((c, i) =>
    c.action === "APPROVE" &&
    !approvalAmountValid(c.amountSek, byId.get(c.applicationId)!.requestedSek)
      ? [
          {
            code: "AMOUNT_OUT_OF_RANGE",
            path: `cases.${i}.amountSek`,
            message: `${byId.get(c.applicationId)!.referenceNumber}: ${REFUSAL_TEXT.AMOUNT_OUT_OF_RANGE}`,
          },
        ]
      : [],
  );
  if (problems.length) throw new RuleViolation(problems);
}

const decisionOf = (
  actor: Actor,
  c: ProposedCase,
  input: Exclude<CaseInput, { action: "SEND_BACK" }>,
  decidedOn: Date,
): FinalDecision => ({
  approve: input.action === "APPROVE",
  amountSek: input.action === "APPROVE" ? input.amountSek : null,
  reasons: input.reasons,
  decidedOn,
  decider: actor,
  proposal: c.proposals[0],
});

/** Decides the meeting's cases; answers the meeting's id (the earlier one when sent again). */
export async function holdMeeting(actor: Actor, input: Input, now = new Date()) {
  if (!actor.roles.includes("DECIDER"))
    await deny(actor, "meeting.hold", "GrantRound", input.roundId);
  const round = await db.grantRound.findUnique({
    where: { id: input.roundId },
    select: { id: true, title: true, year: true, budgetSek: true },
  });
  if (!round) throw new NotFound();
  const ids = input.cases.map((c) => c.applicationId);
  if (new Set(ids).size !== ids.length)
    throw new RuleViolation([
      { code: "INVALID_FIELD", path: "cases", message: "Ett ärende finns två gånger i mötet." },
    ]);
  const repeated = async (client: Tx | typeof db) => {
    const earlier = await client.decisionMeeting.findUnique({
      where: { idempotencyKey: input.key },
      select: { id: true, deciderId: true },
    });
    if (earlier && earlier.deciderId !== actor.id) throw new Conflict();
    return earlier?.id ?? null;
  };
  const earlier = await repeated(db);
  if (earlier) return { meetingId: earlier, repeated: true };

  const decidedOn = dateOnly(todayInStockholm(now));
  const result = await recordRefusals(actor.id, async () => {
    // Checked first without locks, so that a meeting that cannot be held says so at once; the
    // letters are made before the transaction (CPU work), and everything is checked again inside.
    const before = await proposedCases(db, round.id, actor.id, ids);
    await checkCases(db, actor, input, before);
    const byId = new Map(before.map((c) => [c.id, c]));
    const letters = new Map<string, Uint8Array>();
    for (const c of input.cases)
      if (c.action !== "SEND_BACK")
        letters.set(
          c.applicationId,
          await renderLetter(
            byId.get(c.applicationId)!,
            decisionOf(actor, byId.get(c.applicationId)!, c, decidedOn),
          ),
        );

    return db.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT id FROM "GrantRound" WHERE id = ${round.id} FOR UPDATE`;
        const again = await repeated(tx);
        if (again) return { meetingId: again, repeated: true, mails: [] as (string | null)[] };
        const current = await proposedCases(tx, round.id, actor.id, ids);
        await checkCases(tx, actor, input, current);
        const approvedBeforeSek = await approvedInRound(tx, round.id);
        const approvedSek = input.cases.reduce(
          (sum, c) => sum + (c.action === "APPROVE" ? c.amountSek : 0),
          0,
        );
        const leftSek = round.budgetSek - approvedBeforeSek;
        if (approvedSek > leftSek) {
          const message = `Besluten ryms inte i budgetramen: i mötet beviljas ${formatSek(approvedSek)}, men kvar av ramen är ${formatSek(leftSek)} (${formatSek(approvedSek - leftSek)} för mycket). Inget beslut har fattats. Sänk belopp eller avslå ärenden under linjen.`;
          throw refused(
            new RuleViolation([{ code: "OVER_BUDGET", path: "frame", message }], message),
            {
              action: "meeting.refused",
              entityType: "GrantRound",
              applicationId: round.id,
              reason: "OVER_BUDGET",
              message,
              details: { approvedSek, approvedBeforeSek, budget: round.budgetSek },
            },
          );
        }

        const inputs = new Map(input.cases.map((c) => [c.applicationId, c]));
        const order = ranked(current).map((r) => r.c);
        const presenters = [...new Set(order.map((c) => c.proposals[0].proposedBy.name))];
        const protocol = await renderProtocol({
          round,
          heldOn: decidedOn,
          decider: actor.name,
          presenters,
          cases: order.map((c) => {
            const i = inputs.get(c.id)!;
            return {
              referenceNumber: c.referenceNumber ?? "",
              applicant: c.organisation.name,
              track: c.track,
              outcome:
                i.action === "APPROVE"
                  ? "APPROVED"
                  : i.action === "REJECT"
                    ? "REJECTED"
                    : "SENT_BACK",
              amountSek: i.action === "APPROVE" ? i.amountSek : null,
            };
          }),
          budgetSek: round.budgetSek,
          approvedBeforeSek,
          approvedSek,
        });
        const file = await storage.put(
          {
            data: Buffer.from(protocol),
            contentType: "application/pdf",
            fileName: `beslutsprotokoll-${round.year}-${decidedOn.toISOString().slice(0, 10)}.pdf`,
          },
          tx,
        );
        const meeting = await tx.decisionMeeting.create({
          data: {
            roundId: round.id,
            deciderId: actor.id,
            idempotencyKey: input.key,
            heldOn: decidedOn,
            budgetSek: round.budgetSek,
            approvedBeforeSek,
            approvedSek,
            protocolFileId: file.id,
          },
          select: { id: true },
        });
        const auditMeta = { meetingId: meeting.id };

        // Every case moves on only from the version the page read: one statement for all.
        const next = order.map((c) => {
          const i = inputs.get(c.id)!;
          return {
            c,
            i,
            to:
              i.action === "APPROVE"
                ? "APPROVED"
                : i.action === "REJECT"
                  ? "REJECTED"
                  : "IN_REVIEW",
          };
        });
        const moved = await tx.$queryRaw<{ id: string }[]>`
          UPDATE "Application" a
          SET status = v.status::"ApplicationStatus", version = a.version + 1, "updatedAt" = now(),
              "assessmentStep" = CASE WHEN v.status = 'IN_REVIEW' THEN 'MATERIAL'::"AssessmentStep" ELSE a."assessmentStep" END
          FROM unnest(${next.map((n) => n.c.id)}::text[], ${next.map((n) => n.i.version)}::int[], ${next.map((n) => n.to)}::text[]) AS v(id, version, status)
          WHERE a.id = v.id AND a.version = v.version AND a.status = 'PROPOSED'
          RETURNING a.id`;
        if (moved.length !== next.length) {
          const done = new Set(moved.map((m) => m.id));
          const which = next.filter((n) => !done.has(n.c.id)).map((n) => n.c.referenceNumber);
          throw new Conflict(
            `${refs(which)[0].toUpperCase()}${refs(which).slice(1)} har ändrats under tiden. Inget beslut har fattats. Ladda om sidan.`,
          );
        }

        // The decider judged the conflict question in the meeting (confirmed on the page).
        const undeclared = order.filter((c) => !c.conflicts[0]);
        const declarations = await tx.conflictDeclaration.createManyAndReturn({
          data: undeclared.map((c) => ({
            applicationId: c.id,
            userId: actor.id,
            status: "NO_CONFLICT" as const,
          })),
          select: { id: true, applicationId: true },
        });
        await auditMany(
          declarations.map((d) => ({
            actorId: actor.id,
            action: "conflict.none_declared",
            entityType: "Application",
            entityId: d.applicationId,
            after: { declarationId: d.id, status: "NO_CONFLICT" },
            meta: auditMeta,
          })),
          tx,
        );

        const sentBack = next.filter((n) => n.i.action === "SEND_BACK");
        for (const { c, i } of sentBack)
          await tx.decisionProposal.update({
            where: { id: c.proposals[0].id },
            data: { status: "RETURNED", returnReason: i.reasons },
          });
        await auditMany(
          sentBack.map(({ c, i }) => ({
            actorId: actor.id,
            action: "decision.sent_back",
            entityType: "Application",
            entityId: c.id,
            before: { status: "PROPOSED" },
            after: { status: "IN_REVIEW", reason: i.reasons },
            meta: auditMeta,
          })),
          tx,
        );

        const final = next.filter(
          (n): n is typeof n & { i: Exclude<CaseInput, { action: "SEND_BACK" }> } =>
            n.i.action !== "SEND_BACK",
        );
        const recorded = await recordDecisions(
          tx,
          final.map(({ c, i }) => ({
            c,
            d: decisionOf(actor, c, i, decidedOn),
            letter: letters.get(c.id)!,
          })),
          auditMeta,
        );
        const decisionOfCase = new Map(final.map(({ c }, k) => [c.id, recorded[k].decision]));
        const mails = recorded.flatMap((r) => r.mails);
        const cases = next.map(({ c }, position) => {
          const decision = decisionOfCase.get(c.id);
          return {
            meetingId: meeting.id,
            applicationId: c.id,
            position: position + 1,
            outcome: decision?.outcome ?? ("SENT_BACK" as const),
            amountSek: decision?.amountSek ?? null,
            decisionId: decision?.id ?? null,
          };
        });
        await tx.decisionMeetingCase.createMany({ data: cases });
        await audit(
          {
            actorId: actor.id,
            action: "meeting.held",
            entityType: "GrantRound",
            entityId: round.id,
            after: {
              meetingId: meeting.id,
              cases: cases.length,
              approved: cases.filter((c) => c.outcome === "APPROVED").length,
              rejected: cases.filter((c) => c.outcome === "REJECTED").length,
              sentBack: cases.filter((c) => c.outcome === "SENT_BACK").length,
              approvedSek,
              approvedBeforeSek,
              budgetSek: round.budgetSek,
            },
          },
          tx,
        );
        return { meetingId: meeting.id, repeated: false, mails };
      },
      { timeout: 120_000, maxWait: 30_000 },
    );
  });
  if (!result.repeated) grantsChanged();
  await enqueueMail(result.mails);
  return { meetingId: result.meetingId, repeated: result.repeated };
}
