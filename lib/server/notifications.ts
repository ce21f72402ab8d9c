import "server-only";
import { db, type Tx } from "./db";
import type { Actor } from "./actor";

// In-app notifications, written in the same transaction as the event they tell about.

export type NotificationInput = { kind: string; title: string; body?: string; href?: string };

export async function notify(tx: Tx, userIds: string[], n: NotificationInput) {
  if (!userIds.length) return;
  await tx.notification.createMany({
    data: [...new Set(userIds)].map((userId) => ({
      userId,
      kind: n.kind,
      title: n.title,
      body: n.body ?? "",
      href: n.href,
    })),
  });
}

/** Everyone who acts for the organisation that owns the application. */
export async function notifyMembers(tx: Tx, applicationId: string, n: NotificationInput) {
  const members = await tx.membership.findMany({
    where: { organisation: { applications: { some: { id: applicationId } } } },
    select: { userId: true },
  });
  await notify(
    tx,
    members.map((m) => m.userId),
    n,
  );
}

/** On every page (the header): a plain statement, without Prisma's per-query compilation. */
export async function unreadCount(actor: Actor): Promise<number> {
  const [row] = await db.$queryRaw<
    { n: number }[]
  >`SELECT count(*)::int AS n FROM "Notification" WHERE "userId" = ${actor.id} AND "readAt" IS NULL`;
  return row?.n ?? 0;
}

export async function listNotifications(actor: Actor) {
  return db.notification.findMany({
    where: { userId: actor.id },
    orderBy: { createdAt: "desc" },
    take: 100,
  });
}

/** Marks the actor's own notifications read (never anyone else's). */
export async function markAllRead(actor: Actor) {
  await db.notification.updateMany({
    where: { userId: actor.id, readAt: null },
    data: { readAt: new Date() },
  });
}
