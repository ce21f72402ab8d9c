import "server-only";
import { db } from "./db";
import { audit } from "./audit";
import { hashPassword } from "./passwords";
import { RuleViolation } from "./errors";
import type { RegisterInput } from "@/lib/validation/auth";
import type { Actor } from "./actor";
import { Prisma } from "@/lib/generated/prisma/client";

/** Self-registration creates an applicant account. Anyone may call it. */
export async function registerApplicant(input: RegisterInput) {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({ data: { email: input.email, name: input.name, passwordHash, roles: ["APPLICANT"] } });
      await audit({ actorId: user.id, action: "user.registered", entityType: "User", entityId: user.id, after: { email: user.email, roles: user.roles } }, tx);
      return user;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new RuleViolation([{ code: "EMAIL_TAKEN", path: "email", message: "emailTaken" }]);
    }
    throw error;
  }
}

/** Admin only (checked by the caller through requireRole). */
export async function listUsers(_actor: Actor) {
  return db.user.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, email: true, roles: true, deactivatedAt: true }, take: 200 });
}
