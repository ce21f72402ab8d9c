import { exportResponse } from "@/lib/server/exports";
import { badParametersResponse } from "@/lib/server/file-response";
import { strictGrantFilterFrom } from "@/lib/validation/export";

export const dynamic = "force-dynamic";

/** Open data: the public list of approved grants (no personal data), as CSV, XLSX or 360Giving JSON. */
export async function GET(request: Request) {
  const parsed = strictGrantFilterFrom(new URL(request.url).searchParams);
  if (!parsed) return badParametersResponse();
  const { format, filter } = parsed;
  return exportResponse(format, filter, "beviljade-bidrag");
}
