import "server-only";
import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import { headers } from "next/headers";
import type { Role } from "@/lib/domain/roles";
import { hasAnyRole, landingPath } from "@/lib/domain/roles";
import { requiresTwoFactor, rolesBeforeSecondFactor } from "@/lib/domain/two-factor";
import { safeNextPath } from "@/lib/domain/safe-redirect";
import { db } from "./db";
import { sessionClaims } from "./session-token";
import { audit } from "./audit";
import { NotFound, Unauthenticated } from "./errors";

export type Actor = {
  id: string;
  email: string;
  name: string;
  /** The roles this session may use. */
  roles: Role[];
  locale: string;
  /** Staff roles held but not usable until the person has enrolled in two-factor sign-in (then signed in with it). */
  awaitingSecondFactor?: Role[];
};

const TWO_FACTOR_PATH = "/konto/tvastegsverifiering";

/**
 * Turns a session's claims into a live actor: the session must not have ended (signed out or
 * expired, lib/server/sessions.ts), and the user must still exist, be active and hold the same
 * session version. Staff roles count only in a session that proved a second factor.
 */
export async function resolveActor(
  claims: { uid?: string; sid?: string; sv?: number; mfa?: boolean } | null | undefined,
): Promise<Actor | null> {
  if (!claims?.uid || !claims.sid) return null;
  // Raw SQL: this runs on every request, and a plain statement skips Prisma's query compilation.
  const [user] = await db.$queryRaw<
    {
      id: string;
      email: string;
      name: string;
      roles: string[];
      locale: string;
      sessionVersion: number;
      deactivatedAt: Date | null;
    }[]
  >`
    SELECT u.id, u.email, u.name, u.roles::text[] AS roles, u.locale, u."sessionVersion", u."deactivatedAt"
    FROM "User" u JOIN "UserSession" s ON s."userId" = u.id
    WHERE u.id = ${claims.uid} AND s.id = ${claims.sid} AND s."expiresAt" > now()`;
  if (!user || user.deactivatedAt || user.sessionVersion !== claims.sv) return null;
  const roles = user.roles as Role[];
  const actor: Actor = {
    id: user.id,
    email: user.email,
    name: user.name,
    roles,
    locale: user.locale,
  };
  if (requiresTwoFactor(roles) && !claims.mfa) {
    actor.roles = rolesBeforeSecondFactor(roles);
    actor.awaitingSecondFactor = roles.filter((role) => !actor.roles.includes(role));
  }
  return actor;
}

/** Where a person goes after signing in: their role's page, or two-factor enrolment first. */
export const homeFor = (actor: Actor) =>
  actor.awaitingSecondFactor?.length ? TWO_FACTOR_PATH : landingPath(actor.roles);

/** The signed-in user of this request, read fresh from the database (once per request). */
export const getActor = cache(async (): Promise<Actor | null> =>
  resolveActor(await sessionClaims()),
);

export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) throw new Unauthenticated();
  return actor;
}

/**
 * For server actions, before they read their input: signed out → "sign in"; without one of `roles`
 * → denied like the services deny ("not found", audited), so that an outsider never learns what
 * the input should have been. `awaiting`: staff roles still waiting for the second factor count
 * (enrolling in it). Actions that act on a record then ask the service's own check for it.
 */
export async function requireRole(
  roles: readonly Role[],
  what: string,
  { awaiting = false } = {},
): Promise<Actor> {
  const actor = await requireActor();
  const held = awaiting ? [...actor.roles, ...(actor.awaitingSecondFactor ?? [])] : actor.roles;
  if (!hasAnyRole(held, roles)) await deny(actor, what);
  return actor;
}

/** Writes a denied access to the audit log (docs/domain.md §1) and answers "not found". */
export async function deny(
  actor: Actor | null,
  what: string,
  entityType = "Route",
  entityId?: string,
  reason?: string,
): Promise<never> {
  await audit({
    actorId: actor?.id,
    action: "access.denied",
    entityType,
    entityId,
    meta: reason ? { what, reason } : { what },
  });
  throw new NotFound();
}

/** For pages: signed-out visitors go to sign-in and come back; the wrong role gets the 404 page. */
export async function requirePageRole(roles: readonly Role[]): Promise<Actor> {
  const actor = await getActor();
  const path = safeNextPath((await headers()).get("x-samverka-path"), "/");
  if (!actor) redirect(`/logga-in?next=${encodeURIComponent(path)}`);
  if (!hasAnyRole(actor.roles, roles) && hasAnyRole(actor.awaitingSecondFactor ?? [], roles)) {
    redirect(`${TWO_FACTOR_PATH}?next=${encodeURIComponent(path)}`);
  }
  if (!hasAnyRole(actor.roles, roles)) {
    await audit({
      actorId: actor.id,
      action: "access.denied",
      entityType: "Route",
      meta: { what: path },
    });
    notFound();
  }
  return actor;
}
