"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getActor } from "@/lib/server/actor";
import { markAllRead } from "@/lib/server/notifications";

/** A plain form's action: someone signed out (or whose session ended) is sent to sign in, like the page does. */
export async function markAllReadAction() {
  const actor = await getActor();
  if (!actor) redirect("/logga-in?next=%2Fnotiser");
  await markAllRead(actor);
  revalidatePath("/", "layout");
}
