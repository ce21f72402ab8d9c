"use server";
import { RegisterInput, fieldErrors } from "@/lib/validation/auth";
import { registerApplicant } from "@/lib/server/users";
import { clientAddress, hit } from "@/lib/server/rate-limit";

export type RegisterState = { ok: boolean; errors: Record<string, string> };

/** The same answer whether the address is new or already has an account (lib/server/users.ts). */
export async function register(input: unknown): Promise<RegisterState> {
  if (!(await hit("register", await clientAddress())).ok)
    return { ok: false, errors: { email: "rateLimited" } };
  const parsed = RegisterInput.safeParse(input);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  await registerApplicant(parsed.data);
  return { ok: true, errors: {} };
}
