"use server";
import { revalidatePath } from "next/cache";
import { z } from "@/lib/validation/zod";
import { requireActor } from "@/lib/server/actor";
import { parseInput, runAction } from "@/lib/server/action";
import {
  acceptReport,
  attestInstalment,
  claimFor,
  decideRepayment,
  officerReport,
  proposeRepayment,
  recordRepaymentPayment,
  releaseInstalment,
  requestReportCompletion,
  setReportDueDate,
} from "@/lib/server/follow-up";
import {
  CLAIM_DECIDERS,
  FINANCE,
  FOLLOW_UP_OFFICERS,
  requireCaseAccess,
} from "@/lib/server/case-access";
import {
  RepaymentDecisionInput,
  RepaymentInput,
  RepaymentPaymentInput,
} from "@/lib/validation/follow-up";
import {
  approveExample,
  officerExample,
  requestExampleChanges,
  unpublishExample,
} from "@/lib/server/learning-examples";
import {
  ExampleApproval,
  ExampleChangesRequest,
  ExampleUnpublishing,
} from "@/lib/validation/learning-example";

const done = () => revalidatePath("/uppfoljning", "layout");

export async function releaseAction(instalmentId: string) {
  return runAction(async () => {
    await releaseInstalment(await requireActor(), instalmentId);
    done();
  });
}
/** The second person's attest of a released instalment (never the one who released it). */
export async function attestAction(instalmentId: string) {
  return runAction(async () => {
    await attestInstalment(await requireActor(), instalmentId);
    done();
  });
}
export async function acceptReportAction(reportId: string) {
  return runAction(async () => {
    await acceptReport(await requireActor(), reportId);
    done();
  });
}
export async function reportCompletionAction(reportId: string, values: Record<string, unknown>) {
  return runAction(async () => {
    await officerReport(await requireActor(), reportId, "report.request_completion");
    const { message } = parseInput(
      z.object({ message: z.string().trim().min(10, "Skriv vad som saknas i rapporten.") }),
      values,
    );
    await requestReportCompletion(await requireActor(), reportId, message);
    done();
  });
}
export async function dueDateAction(reportId: string, values: Record<string, unknown>) {
  return runAction(async () => {
    await officerReport(await requireActor(), reportId, "report.due_date");
    const { dueDate } = parseInput(
      z.object({ dueDate: z.iso.date({ error: "Ange datumet som ÅÅÅÅ-MM-DD." }) }),
      values,
    );
    await setReportDueDate(await requireActor(), reportId, dueDate);
    done();
  });
}
/** An officer proposes a repayment claim; a second person decides it. */
export async function repaymentAction(applicationId: string, values: Record<string, unknown>) {
  return runAction(async () => {
    await requireCaseAccess(await requireActor(), applicationId, "repayment.propose", {
      roles: FOLLOW_UP_OFFICERS,
      stage: "follow-up",
    });
    await proposeRepayment(await requireActor(), applicationId, parseInput(RepaymentInput, values));
    done();
  });
}
export async function decideRepaymentAction(claimId: string, values: Record<string, unknown>) {
  return runAction(async () => {
    await claimFor(await requireActor(), claimId, "repayment.decide", CLAIM_DECIDERS);
    const input = parseInput(RepaymentDecisionInput, values);
    await decideRepayment(await requireActor(), claimId, input);
    done();
  });
}
export async function repaymentPaymentAction(claimId: string, values: Record<string, unknown>) {
  return runAction(async () => {
    await claimFor(await requireActor(), claimId, "repayment.record_payment", FINANCE);
    const input = parseInput(RepaymentPaymentInput, values);
    await recordRepaymentPayment(await requireActor(), claimId, input);
    done();
  });
}

/** Publishes a learning example; the officer confirms that no individual is named. */
export async function approveExampleAction(exampleId: string, values: Record<string, unknown>) {
  return runAction(async () => {
    await officerExample(await requireActor(), exampleId, "learning_example.approve");
    parseInput(ExampleApproval, values);
    await approveExample(await requireActor(), exampleId);
    done();
    revalidatePath("/erfarenheter", "layout");
  });
}
export async function exampleChangesAction(exampleId: string, values: Record<string, unknown>) {
  return runAction(async () => {
    await officerExample(await requireActor(), exampleId, "learning_example.request_changes");
    const { message } = parseInput(ExampleChangesRequest, values);
    await requestExampleChanges(await requireActor(), exampleId, message);
    done();
  });
}
export async function unpublishExampleAction(exampleId: string, values: Record<string, unknown>) {
  return runAction(async () => {
    await officerExample(await requireActor(), exampleId, "learning_example.unpublish");
    const { reason } = parseInput(ExampleUnpublishing, values);
    await unpublishExample(await requireActor(), exampleId, reason);
    done();
    revalidatePath("/erfarenheter", "layout");
  });
}
