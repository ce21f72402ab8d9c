"use server";
import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/server/actor";
import { parseInput, runAction } from "@/lib/server/action";
import { RuleViolation } from "@/lib/server/errors";
import {
  addComment,
  assign,
  completeFormalCheck,
  decide,
  declareConflict,
  proposeDecision,
  requestCompletion,
  ruleOnConflict,
  saveReview,
} from "@/lib/server/review";
import { CRITERIA } from "@/lib/domain/review";
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

// Thin: parse with the shared schema, then the service decides who may do what to which case.
const parse = parseInput;

const done = (id: string) => revalidatePath(`/handlaggning/${id}`);

export async function declareConflictAction(id: string, values: Record<string, unknown>) {
  return runAction(async () => {
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
    await addComment(await requireActor(), id, parse(CommentInput, values).body);
    done(id);
  });
}

export async function completionAction(id: string, values: Record<string, unknown>) {
  return runAction(async () => {
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
    await ruleOnConflict(
      await requireActor(),
      declarationId,
      parse(ConflictRuling, { lift: values.ruling === "LIFT", reason: values.reason }),
    );
    revalidatePath("/admin/jav");
  });
}
