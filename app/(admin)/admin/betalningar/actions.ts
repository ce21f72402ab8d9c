"use server";
import { revalidatePath } from "next/cache";
import { requireActor, requireRole } from "@/lib/server/actor";
import { parseInput, runAction } from "@/lib/server/action";
import {
  cancelPaymentFile,
  createPaymentFile,
  markPaymentFilePaid,
  paymentFileFor,
} from "@/lib/server/follow-up";
import { FINANCE } from "@/lib/server/case-access";
import { CancelPaymentFileInput, PaymentFileInput } from "@/lib/validation/follow-up";

const done = () => {
  revalidatePath("/admin", "layout");
  revalidatePath("/uppfoljning", "layout");
};

/** Creates a payment file of every attested instalment in no file yet (optionally up to a day). */
export async function createPaymentFileAction(values: Record<string, unknown>) {
  return runAction(async () => {
    await requireRole(FINANCE, "payments.create_file");
    const { upTo } = parseInput(PaymentFileInput, values);
    await createPaymentFile(await requireActor(), { upTo: upTo || null });
    done();
  });
}

/** Cancels a file not yet paid; its instalments go back to attested. */
export async function cancelPaymentFileAction(fileId: string, values: Record<string, unknown>) {
  return runAction(async () => {
    await paymentFileFor(await requireActor(), fileId, "payments.cancel_file");
    const { reason } = parseInput(CancelPaymentFileInput, values);
    await cancelPaymentFile(await requireActor(), fileId, reason);
    done();
  });
}

/** The bank has paid the file: its instalments are paid and the grantees are told. */
export async function markFilePaidAction(fileId: string) {
  return runAction(async () => {
    await markPaymentFilePaid(await requireActor(), fileId);
    done();
  });
}
