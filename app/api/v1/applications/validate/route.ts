import { NextResponse } from "next/server";
import { validateApplication } from "@/lib/domain/rules";
import { clientAddress, hit } from "@/lib/server/rate-limit";
import { readJsonBody } from "@/lib/server/request-body";

export const dynamic = "force-dynamic";

// Public by design (docs/domain.md §3): anyone may check an application against the rules; nothing is stored.
export async function POST(request: Request) {
  const limit = await hit("validate", await clientAddress(request.headers));
  if (!limit.ok) {
    return NextResponse.json(
      {
        valid: false,
        problems: [
          {
            code: "RATE_LIMITED",
            path: "",
            message: `För många anrop. Vänta ${limit.retryAfterSeconds} ${limit.retryAfterSeconds === 1 ? "sekund" : "sekunder"} och försök igen.`,
          },
        ],
        warnings: [],
      },
      { status: 429, headers: { "Retry-After": String(limit.retryAfterSeconds) } },
    );
  }
  const body = await readJsonBody(request);
  if (!body.ok) {
    const message = {
      too_large: "Innehållet är större än 1 MB. Skicka en ansökan i taget.",
      too_deep: "Innehållet är för djupt nästlat. Skicka ansökan som ett JSON-objekt.",
      invalid_json: "Innehållet är inte giltig JSON. Skicka ansökan som ett JSON-objekt.",
    }[body.reason];
    return NextResponse.json(
      {
        valid: false,
        problems: [{ code: "INVALID_FIELD", path: "", message }],
        warnings: [],
      },
      { status: body.status },
    );
  }
  const json = body.json;
  const answer = validateApplication(json);
  return NextResponse.json(answer.body, { status: answer.status });
}
