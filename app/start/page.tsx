import { redirect } from "next/navigation";
import { getActor } from "@/lib/server/actor";
import { landingPath } from "@/lib/domain/roles";

// After sign-in: each person lands on the page of their role.
export default async function StartPage() {
  const actor = await getActor();
  redirect(actor ? landingPath(actor.roles) : "/logga-in");
}
