import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { notFound, redirect } from "next/navigation";
import { headers } from "next/headers";
import type { Role } from "@/lib/domain/roles";
import { hasAnyRole } from "@/lib/domain/roles";
import { db } from "./db";
import { authOptions } from "./auth";
import { audit } from "./audit";
import { NotFound, Unauthenticated } from "./errors";

export type Actor = { id: string; email: string; name: string; roles: Role[]; locale: string };

/** Turns a session's claims into a live actor: the user must still exist, be active and hold the same session version. */
export async function resolveActor(claims: { uid?: string; sv?: number } | null | undefined): Promise<Actor | null> {
  if (!claims?.uid) return null;
  const user = await db.user.findUnique({ where: { id: claims.uid } });
  if (!user || user.deactivatedAt || user.sessionVersion !== claims.sv) return null;
  return { id: user.id, email: user.email, name: user.name, roles: user.roles as Role[], locale: user.locale };
}

/** The signed-in user of this request, read fresh from the database (once per request). */
export const getActor = cache(async (): Promise<Actor | null> => resolveActor(await getServerSession(authOptions)));

export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) throw new Unauthenticated();
  return actor;
}

/** Writes a denied access to the audit log (SPEC §1) and answers "not found". */
export async function deny(actor: Actor | null, what: string, entityType = "Route", entityId?: string): Promise<never> {
  await audit({ actorId: actor?.id, action: "access.denied", entityType, entityId, meta: { what } });
  throw new NotFound();
}

/** For services and route handlers: the actor must hold one of the roles; others get "not found". */
export async function requireRole(roles: readonly Role[], what: string): Promise<Actor> {
  const actor = await requireActor();
  if (!hasAnyRole(actor.roles, roles)) await deny(actor, what);
  return actor;
}

/** For pages: signed-out visitors go to sign-in and come back; the wrong role gets the 404 page. */
export async function requirePageRole(roles: readonly Role[]): Promise<Actor> {
  const actor = await getActor();
  const path = (await headers()).get("x-samverka-path") ?? "/";
  if (!actor) redirect(`/logga-in?next=${encodeURIComponent(path)}`);
  if (!hasAnyRole(actor.roles, roles)) {
    await audit({ actorId: actor.id, action: "access.denied", entityType: "Route", meta: { what: path } });
    notFound();
  }
  return actor;
}
