import "server-only";
import type { Tx } from "../db";
import { queueMail } from "../mail";

/** One mail to each member of the organisation; answers the ids to enqueue after commit. */
export async function mailMembers(
  tx: Tx,
  organisationId: string,
  mail: (name: string) => {
    subject: string;
    text: string;
    dedupeKey: string;
    applicationId?: string;
  },
) {
  const members = await tx.membership.findMany({
    where: { organisationId },
    include: { user: true },
  });
  const ids: (string | null)[] = [];
  for (const m of members) {
    const content = mail(m.user.name);
    ids.push(
      await queueMail(tx, {
        to: m.user.email,
        ...content,
        dedupeKey: `${content.dedupeKey}:${m.userId}`,
      }),
    );
  }
  return ids;
}
