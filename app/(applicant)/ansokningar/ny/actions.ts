"use server";
import { redirect } from "next/navigation";
import { requireActor } from "@/lib/server/actor";
import { toActionError } from "@/lib/server/action";
import { createDraft } from "@/lib/server/applications";

const textOf = (value: FormDataEntryValue | null) => (typeof value === "string" ? value : "");

export async function startApplicationAction(_: unknown, form: FormData) {
  let id: string;
  try {
    const actor = await requireActor();
    id = (
      await createDraft(actor, {
        organisationId: textOf(form.get("organisationId")),
        roundId: textOf(form.get("roundId")),
      })
    ).id;
  } catch (error) {
    return toActionError(error);
  }
  redirect(`/ansokningar/${id}`);
}
