"use server";
import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/server/actor";
import { parseInput, runAction } from "@/lib/server/action";
import { getReportForApplicant, saveReport } from "@/lib/server/follow-up";
import { ReportInput } from "@/lib/validation/follow-up";
import { z } from "@/lib/validation/zod";
import {
  finalReportForMember,
  saveExampleDraft,
  submitExample,
} from "@/lib/server/learning-examples";
import { ExampleDraftShape, ExampleSubmission } from "@/lib/validation/learning-example";

const Version = z.number().int().min(0);

export async function saveReportAction(
  reportId: string,
  version: number,
  input: unknown,
  submit: boolean,
) {
  return runAction(async () => {
    await getReportForApplicant(await requireActor(), reportId);
    const next = await saveReport(
      await requireActor(),
      reportId,
      version,
      parseInput(ReportInput, input),
      submit,
    );
    revalidatePath("/ansokningar", "layout");
    return next;
  });
}

/** Autosave of the public summary: each valid part is saved; the others come back with their message. */
export async function saveExampleAction(reportId: string, version: unknown, input: unknown) {
  return runAction(async () => {
    const actor = await requireActor();
    await finalReportForMember(actor, reportId);
    return saveExampleDraft(
      actor,
      reportId,
      parseInput(Version, version),
      parseInput(ExampleDraftShape, input),
    );
  });
}

/** Sends the public summary to the officer, with the consent to publish it. */
export async function submitExampleAction(reportId: string, version: unknown, input: unknown) {
  return runAction(async () => {
    const actor = await requireActor();
    await finalReportForMember(actor, reportId);
    const next = await submitExample(
      actor,
      reportId,
      parseInput(Version, version),
      parseInput(ExampleSubmission, input),
    );
    revalidatePath("/ansokningar", "layout");
    return next;
  });
}
