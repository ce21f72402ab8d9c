import "server-only";
import { db, type Tx } from "../db";
import type { Actor } from "../actor";
import { audit } from "../audit";
import { Conflict, Forbidden, RuleViolation } from "../errors";
import { queueMail, appUrl } from "../mail";
import { enqueueMail } from "../job-queue";
import { applicationToContract } from "../application-contract";
import { refreshSearchIndex } from "../search-index";
import { notify } from "../notifications";
import { applicantMayEdit, formatReferenceNumber, roundIsOpen } from "@/lib/domain/lifecycle";
import { checkApplication, ROUND_CLOSED, type Problem } from "@/lib/domain/rules";
import { parseApplicationPayload } from "@/lib/validation/application";
import { todayInStockholm } from "@/lib/domain/dates";
import { keptDraftOf, withKeptProblems } from "@/lib/validation/draft-fields";
import { getForApplicant } from "./get-for-applicant";
import { requireVerifiedEmail } from "../email-verification";

/** The settings of the round that the rules need. */
export const roundSettings = (round: {
  longestPeriodMonths: number;
  acceptedTracks: string[];
}) => ({
  longestPeriodMonths: round.longestPeriodMonths,
  acceptedTracks: round.acceptedTracks as ("KNOWLEDGE" | "COLLABORATION" | "INTERVENTION")[],
});

/** The authoritative check at submission: the contract's shape, then every rule with the round's settings. */
function submissionProblems(
  app: Parameters<typeof applicationToContract>[0] & {
    round: { longestPeriodMonths: number; acceptedTracks: string[] };
  },
  today = todayInStockholm(),
) {
  const contract = applicationToContract(app);
  const parsed = parseApplicationPayload(contract);
  if (!parsed.ok)
    return {
      contract,
      result: { valid: false, problems: parsed.problems as Problem[], warnings: [] as Problem[] },
    };
  return {
    contract: parsed.data,
    result: checkApplication(parsed.data, { today, round: roundSettings(app.round) }),
  };
}

async function nextReferenceNumber(tx: Tx, year: number): Promise<string> {
  // The row lock of the upsert serialises submissions per year, and a rolled-back submission
  // rolls back its number too, so numbers are unique and without gaps.
  const [row] = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO "ReferenceCounter" ("year", "last") VALUES (${year}, 1)
    ON CONFLICT ("year") DO UPDATE SET "last" = "ReferenceCounter"."last" + 1
    RETURNING "last"`;
  return formatReferenceNumber(year, row.last);
}

type SubmitOutcome = {
  referenceNumber: string;
  versionNumber: number;
  alreadySubmitted: boolean;
};

/**
 * Submits a draft, or resubmits after a completion request. Preconditions: the actor is a member,
 * the rules pass, and (for a first submission) the round is open. A repeated request (double
 * click, retry) finds the application already submitted and answers with the same reference number.
 */
export async function submitApplication(
  actor: Actor,
  id: string,
  now = new Date(),
): Promise<SubmitOutcome> {
  const app = await getForApplicant(actor, id);
  if (!applicantMayEdit(app.status)) {
    const last = app.versions.at(-1);
    if (app.referenceNumber && last && app.status !== "WITHDRAWN")
      return {
        referenceNumber: app.referenceNumber,
        versionNumber: last.number,
        alreadySubmitted: true,
      };
    throw new Forbidden("Ansökan kan inte skickas in i sitt nuvarande skede.");
  }
  // Only a person whose e-mail address is confirmed submits (docs/domain.md §1, accounts).
  await requireVerifiedEmail(actor, "application.submit");
  const completing = app.status === "COMPLEMENT_REQUESTED";
  const problems: Problem[] = [];
  if (!completing && !roundIsOpen(app.round, now)) {
    problems.push({
      code: ROUND_CLOSED,
      path: "round",
      message: "Utlysningen är stängd. Ansökningar kan bara skickas in medan utlysningen är öppen.",
    });
  }
  const { contract, result } = submissionProblems(app, todayInStockholm(now));
  // A value typed but not valid yet is not in the columns: it must be fixed before submitting.
  problems.push(...withKeptProblems(result.problems, keptDraftOf(app.draftInput)));
  if (problems.length)
    throw new RuleViolation(
      problems,
      "Ansökan kan inte skickas in förrän allt i listan är åtgärdat.",
    );

  const outcome = await db.$transaction(async (tx) => {
    const { count } = await tx.application.updateMany({
      where: { id, status: app.status, version: app.version },
      data: completing
        ? { status: "IN_REVIEW", version: { increment: 1 } }
        : { status: "SUBMITTED", submittedAt: now, version: { increment: 1 } },
    });
    if (count !== 1) {
      const current = await tx.application.findUnique({
        where: { id },
        select: { status: true, referenceNumber: true },
      });
      if (current?.referenceNumber && !applicantMayEdit(current.status)) return null; // a concurrent identical request won
      throw new Conflict(
        "Ansökan har ändrats sedan du öppnade sidan. Ladda om sidan och försök igen.",
      );
    }
    const referenceNumber =
      app.referenceNumber ??
      (await nextReferenceNumber(tx, Number(todayInStockholm(now).slice(0, 4))));
    if (!app.referenceNumber)
      await tx.application.update({ where: { id }, data: { referenceNumber } });
    const versionNumber = app.versions.length + 1;
    await tx.applicationVersion.create({
      data: {
        applicationId: id,
        number: versionNumber,
        reason: completing ? "COMPLEMENT" : "SUBMISSION",
        content: contract,
        ruleResult: result,
        createdById: actor.id,
        createdAt: now,
      },
    });
    if (completing) {
      const open = await tx.complementRequest.findMany({
        where: { applicationId: id, answeredAt: null },
        select: { requestedById: true },
      });
      await tx.complementRequest.updateMany({
        where: { applicationId: id, answeredAt: null },
        data: { answeredAt: now },
      });
      // The assigned officer (or, with none, whoever asked) learns that the answer has arrived.
      const current = await tx.application.findUniqueOrThrow({
        where: { id },
        select: { assignedToId: true },
      });
      await notify(
        tx,
        current.assignedToId ? [current.assignedToId] : open.map((r) => r.requestedById),
        {
          kind: "completion_arrived",
          title: `Komplettering inkommen: ${referenceNumber} ${app.title}`,
          body: app.organisation.name,
          href: `/handlaggning/${id}`,
        },
      );
    }
    await refreshSearchIndex(tx, id);
    await audit(
      {
        actorId: actor.id,
        action: completing ? "application.completed" : "application.submitted",
        entityType: "Application",
        entityId: id,
        before: { status: app.status },
        after: { status: completing ? "IN_REVIEW" : "SUBMITTED", referenceNumber, versionNumber },
      },
      tx,
    );
    const mailId = await queueMail(tx, {
      to: actor.email,
      applicationId: id,
      dedupeKey: `application:${id}:version:${versionNumber}`,
      subject: completing
        ? `Kompletteringen av ${referenceNumber} är mottagen`
        : `Ansökan ${referenceNumber} är mottagen`,
      text: [
        `Hej ${actor.name}!`,
        "",
        completing
          ? `Vi har tagit emot kompletteringen av ansökan ${referenceNumber}, "${app.title}". Handläggaren fortsätter nu bedömningen.`
          : `Vi har tagit emot ansökan "${app.title}" från ${app.organisation.name}. Den har fått diarienummer ${referenceNumber}.`,
        "",
        "Vad händer nu? Först kontrollerar en handläggare att ansökan uppfyller de formella kraven. Sedan bedöms hur väl projektet svarar mot syftet med bidraget. Om något saknas får du ett mejl med en begäran om komplettering.",
        "",
        `Du kan följa ansökan här: ${appUrl(`/ansokningar/${id}`)}`,
        "",
        "Vänliga hälsningar",
        "Samverka",
      ].join("\n"),
    });
    return { referenceNumber, versionNumber, mailId };
  });
  if (!outcome) {
    const current = await getForApplicant(actor, id);
    return {
      referenceNumber: current.referenceNumber!,
      versionNumber: current.versions.at(-1)?.number ?? 1,
      alreadySubmitted: true,
    };
  }
  await enqueueMail([outcome.mailId]);
  return {
    referenceNumber: outcome.referenceNumber,
    versionNumber: outcome.versionNumber,
    alreadySubmitted: false,
  };
}
