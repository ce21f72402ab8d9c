"use server";
import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/server/actor";
import { parseInput, runAction } from "@/lib/server/action";
import { getReportForApplicant, saveReport } from "@/lib/server/follow-up";
import { ReportInput } from "@/lib/validation/follow-up";

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
