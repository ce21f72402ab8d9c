import { exportResponse } from "@/lib/server/exports";
import { grantFilterFrom } from "@/lib/validation/export";

export const dynamic = "force-dynamic";

/** Open data: the public list of approved grants (no personal data), as CSV, XLSX or 360Giving JSON. */
export function GET(request: Request) {
  const { format, filter } = grantFilterFrom(new URL(request.url).searchParams);
  return exportResponse(format, filter, "beviljade-bidrag");
}
