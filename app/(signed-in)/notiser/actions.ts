"use server";
import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/server/actor";
import { markAllRead } from "@/lib/server/notifications";

export async function markAllReadAction() {
  await markAllRead(await requireActor());
  revalidatePath("/", "layout");
}
