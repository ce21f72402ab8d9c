import { redirect } from "next/navigation";
import { getActor, homeFor } from "@/lib/server/actor";

// After sign-in: each person lands on the page of their role.
export default async function StartPage() {
  const actor = await getActor();
  redirect(actor ? homeFor(actor) : "/logga-in");
}
