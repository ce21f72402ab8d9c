"use server";
import { revalidatePath } from "next/cache";
import { requireActor, requireRole } from "@/lib/server/actor";
import { parseInput, runAction } from "@/lib/server/action";
import { RuleViolation } from "@/lib/server/errors";
import {
  addComment,
  assign,
  completeFormalCheck,
  decide,
  declareConflict,
  openedApplication,
  proposeDecision,
  requestCompletion,
  ruleOnConflict,
  saveReview,
  submittedApplication,
} from "@/lib/server/review";
import { CRITERIA } from "@/lib/domain/review";
import { STAFF_ROLES, type Role } from "@/lib/domain/roles";
import {
  CommentInput,
  CompletionRequestInput,
  ConflictInput,
  ConflictRuling,
  DecisionInput,
  FormalCheckInput,
  ProposalInput,
  ReviewInput,
} from "@/lib/validation/review";

// Thin: who may touch the case first (outsiders get "not found" whatever they sent), then parse
// with the shared schema; the service checks again and decides what they may do to it.
const parse = parseInput;

const mayHandle = async (id: string, what: string, roles: readonly Role[] = STAFF_ROLES) =>
  openedApplication(await requireRole(roles, what), id, what);

const done = (id: string) => revalidatePath(`/handlaggning/${id}`);

export async function declareConflictAction(id: string, values: Record<string, unknown>) {
  return runAction(async () => {
    await submittedApplication(await requireActor(), id, "conflict.declare");
    const hasConflict = values.answer === "CONFLICT";
    await declareConflict(
      await requireActor(),
      id,
      parse(ConflictInput, { hasConflict, description: values.description }),
    );
    done(id);
  });
}

export async function assignAction(id: string, values: Record<string, unknown>) {
  return runAction(async () => {
    const actor = await requireActor();
    await assign(
      actor,
      id,
      typeof values.userId === "string" && values.userId ? values.userId : actor.id,
    );
    done(id);
  });
}

export async function formalCheckAction(id: string, values: Record<string, unknown>) {
  return runAction(async () => {
    await mayHandle(id, "application.formal_check", ["REVIEWER"]);
    if (values.passed !== "yes" && values.passed !== "no")
      throw new RuleViolation([
        {
          code: "INVALID_FIELD",
          path: "passed",
          message: "Välj om de formella kraven är uppfyllda.",
        },
      ]);
    await completeFormalCheck(
      await requireActor(),
      id,
      parse(FormalCheckInput, { passed: values.passed === "yes", note: values.note ?? "" }),
    );
    done(id);
  });
}

export async function reviewAction(id: string, values: Record<string, unknown>) {
  return runAction(async () => {
    await mayHandle(id, "review.save", ["REVIEWER"]);
    const scores = CRITERIA.map((criterion) => ({
      criterion,
      score: values[`score_${criterion}`] ? Number(values[`score_${criterion}`]) : undefined,
      comment: values[`comment_${criterion}`] ?? "",
    }));
    const result = ReviewInput.safeParse({
      scores,
      recommendation: values.recommendation || undefined,
      summary: values.summary ?? "",
    });
    if (!result.success) {
      throw new RuleViolation(
        result.error.issues.map((i) => {
          const [, index, field] = i.path;
          const path =
            i.path[0] === "scores" && typeof index === "number"
              ? `${field === "score" ? "score" : "comment"}_${CRITERIA[index]}`
              : i.path.join(".");
          return { code: "INVALID_FIELD", path, message: i.message };
        }),
      );
    }
    await saveReview(await requireActor(), id, result.data);
    done(id);
  });
}

export async function commentAction(id: string, values: Record<string, unknown>) {
  return runAction(async () => {
    await mayHandle(id, "comment.add");
    await addComment(await requireActor(), id, parse(CommentInput, values).body);
    done(id);
  });
}

export async function completionAction(id: string, values: Record<string, unknown>) {
  return runAction(async () => {
    await mayHandle(id, "application.request_completion", ["REVIEWER"]);
    await requestCompletion(
      await requireActor(),
      id,
      parse(CompletionRequestInput, { message: values.message, dueDate: values.dueDate ?? "" }),
    );
    done(id);
  });
}

export async function proposalAction(id: string, values: Record<string, unknown>) {
  return runAction(async () => {
    await mayHandle(id, "decision.propose", ["REVIEWER"]);
    await proposeDecision(
      await requireActor(),
      id,
      parse(ProposalInput, {
        outcome: values.outcome,
        amountSek: values.amountSek,
        reasons: values.reasons,
      }),
    );
    done(id);
  });
}

export async function decisionAction(id: string, values: Record<string, unknown>) {
  return runAction(async () => {
    await mayHandle(id, "decision.decide", ["DECIDER"]);
    await decide(
      await requireActor(),
      id,
      parse(DecisionInput, {
        action: values.action,
        amountSek: values.amountSek,
        reasons: values.reasons,
      }),
    );
    done(id);
  });
}

export async function conflictRulingAction(declarationId: string, values: Record<string, unknown>) {
  return runAction(async () => {
    await requireRole(["ADMIN"], "conflict.rule");
    await ruleOnConflict(
      await requireActor(),
      declarationId,
      parse(ConflictRuling, { lift: values.ruling === "LIFT", reason: values.reason }),
    );
    revalidatePath("/admin/jav");
  });
}
