"use server";
import { RegisterInput, fieldErrors } from "@/lib/validation/auth";
import { registerApplicant } from "@/lib/server/users";
import { RuleViolation } from "@/lib/server/errors";
import { clientAddress, hit } from "@/lib/server/rate-limit";

export type RegisterState = { ok: boolean; errors: Record<string, string> };

export async function register(input: unknown): Promise<RegisterState> {
  if (!(await hit("register", await clientAddress())).ok)
    return { ok: false, errors: { email: "rateLimited" } };
  const parsed = RegisterInput.safeParse(input);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  try {
    await registerApplicant(parsed.data);
    return { ok: true, errors: {} };
  } catch (error) {
    if (error instanceof RuleViolation)
      return {
        ok: false,
        errors: Object.fromEntries(error.problems.map((p) => [p.path, p.message])),
      };
    throw error;
  }
}
