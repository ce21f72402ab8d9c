import { getActor } from "@/lib/server/actor";
import { audit } from "@/lib/server/audit";
import { exportResponse } from "@/lib/server/exports";
import { badParametersResponse, notFoundResponse } from "@/lib/server/file-response";
import { strictGrantFilterFrom } from "@/lib/validation/export";

export const dynamic = "force-dynamic";

/** Admins export approved grants of a round or a year (CSV, XLSX, 360Giving JSON). Every export is logged. */
export async function GET(request: Request) {
  const actor = await getActor();
  if (!actor?.roles.includes("ADMIN")) {
    await audit({
      actorId: actor?.id,
      action: "access.denied",
      entityType: "Route",
      meta: { what: "export.approved_grants" },
    });
    return notFoundResponse();
  }
  const parsed = strictGrantFilterFrom(new URL(request.url).searchParams);
  if (!parsed) return badParametersResponse();
  const { format, filter } = parsed;
  await audit({
    actorId: actor.id,
    action: "export.approved_grants",
    entityType: "Export",
    meta: { format, ...filter },
  });
  return exportResponse(format, filter, `beviljade-bidrag${filter.year ? `-${filter.year}` : ""}`);
}
