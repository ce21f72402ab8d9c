import "server-only";
import { stringify } from "csv-stringify";
import { CSV_OPTIONS } from "@/lib/server/csv";
import type { Readable } from "node:stream";
import { db } from "../db";
import { deny, type Actor } from "../actor";
import { audit } from "../audit";
import { dateOnly } from "../application-contract";
import { withoutConflictOf } from "../case-access";
import { isoDate } from "@/lib/domain/format";
import { safeCell } from "@/lib/domain/grant-export";

/** The payment file for the finance system: released instalments due in a date range, never of a case the admin declared a conflict in. Admins only; logged. */
export async function paymentFile(actor: Actor, from: string, to: string): Promise<Readable> {
  if (!actor.roles.includes("ADMIN")) await deny(actor, "payments.export");
  const rows = await db.instalment.findMany({
    where: {
      status: "RELEASED",
      dueDate: { gte: dateOnly(from), lte: dateOnly(to) },
      application: withoutConflictOf(actor),
    },
    orderBy: [{ dueDate: "asc" }, { id: "asc" }],
    include: {
      application: {
        select: {
          referenceNumber: true,
          organisation: {
            select: { name: true, orgNumber: true, payoutType: true, payoutAccount: true },
          },
        },
      },
    },
  });
  await audit({
    actorId: actor.id,
    action: "export.payment_file",
    entityType: "Export",
    meta: { from, to, count: rows.length },
  });
  const out = stringify({
    header: true,
    columns: [
      "Diarienummer",
      "Organisation",
      "Organisationsnummer",
      "Kontotyp",
      "Konto",
      "Belopp",
      "Förfallodag",
    ],
    ...CSV_OPTIONS,
  });
  for (const r of rows) {
    const o = r.application.organisation;
    out.write(
      [
        r.application.referenceNumber,
        o.name,
        o.orgNumber,
        o.payoutType === "PLUSGIRO" ? "Plusgiro" : "Bankgiro",
        o.payoutAccount,
        r.amountSek,
        isoDate(r.dueDate),
      ].map((c) => safeCell(c as string | number)),
    );
  }
  out.end();
  return out;
}

export async function markPaid(actor: Actor, instalmentIds: string[]) {
  if (!actor.roles.includes("ADMIN")) await deny(actor, "payments.mark_paid");
  await db.$transaction(async (tx) => {
    const { count } = await tx.instalment.updateMany({
      where: {
        id: { in: instalmentIds },
        status: "RELEASED",
        application: withoutConflictOf(actor),
      },
      data: { status: "PAID", paidAt: new Date() },
    });
    await audit(
      {
        actorId: actor.id,
        action: "instalment.paid",
        entityType: "Instalment",
        meta: { ids: instalmentIds, count },
      },
      tx,
    );
  });
}
