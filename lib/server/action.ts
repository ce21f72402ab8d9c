import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import {
  Conflict,
  DomainError,
  Forbidden,
  NotFound,
  RuleViolation,
  Unauthenticated,
} from "./errors";
import { logger } from "./logger";

// The one way server actions answer: either ok with a value, or problems the form can show beside
// its fields, plus one sentence for the top of the page. Nothing the user typed is lost.
export type ActionResult<T = undefined> =
  | { ok: true; value: T }
  | {
      ok: false;
      message: string;
      errors: Record<string, string>;
      conflict?: boolean;
      /** A failure of ours, not of the input: the same request may succeed later. */
      retry?: boolean;
    };

export async function runAction<T>(fn: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, value: await fn() };
  } catch (error) {
    return toActionError(error);
  }
}

export function toActionError(error: unknown): Extract<ActionResult, { ok: false }> {
  if (error instanceof RuleViolation) {
    const errors: Record<string, string> = {};
    for (const p of error.problems) errors[p.path] ??= p.message;
    return { ok: false, message: error.message, errors };
  }
  if (error instanceof Conflict)
    return { ok: false, message: error.message, errors: {}, conflict: true };
  if (error instanceof NotFound || error instanceof Forbidden || error instanceof Unauthenticated)
    return { ok: false, message: error.message, errors: {} };
  if (error instanceof DomainError) return { ok: false, message: error.message, errors: {} };
  unstable_rethrow(error); // redirect() and notFound() are Next's own signals, not failures

  logger.error({ err: error }, "server action failed");
  return {
    ok: false,
    message: "Något gick fel hos oss. Det du har sparat finns kvar. Försök igen om en stund.",
    errors: {},
    retry: true,
  };
}

/** Parses an action's input with the same schema the form uses; bad input becomes field problems. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success)
    throw new RuleViolation(
      result.error.issues.map((i) => ({
        code: "INVALID_FIELD",
        path: i.path.join("."),
        message: i.message,
      })),
    );
  return result.data;
}
