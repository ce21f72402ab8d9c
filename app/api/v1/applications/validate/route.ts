import { NextResponse } from "next/server";
import { validateApplication } from "@/lib/domain/rules";
import { clientAddress, hit } from "@/lib/server/rate-limit";

export const dynamic = "force-dynamic";

// Public by design (docs/domain.md §3): anyone may check an application against the rules; nothing is stored.
export async function POST(request: Request) {
  if (!(await hit(`validate:ip:${await clientAddress(request.headers)}`, 300, 60))) {
    return NextResponse.json(
      {
        valid: false,
        problems: [
          {
            code: "RATE_LIMITED",
            path: "",
            message: "För många anrop. Vänta en minut och försök igen.",
          },
        ],
        warnings: [],
      },
      { status: 429, headers: { "Retry-After": "60" } },
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(await request.text());
  } catch {
    return NextResponse.json(
      {
        valid: false,
        problems: [
          {
            code: "INVALID_FIELD",
            path: "",
            message: "Innehållet är inte giltig JSON. Skicka ansökan som ett JSON-objekt.",
          },
        ],
        warnings: [],
      },
      { status: 400 },
    );
  }
  const answer = validateApplication(json);
  return NextResponse.json(answer.body, { status: answer.status });
}
