import { NextResponse } from "next/server";
import { validateApplication } from "@/lib/domain/rules";

export const dynamic = "force-dynamic";

// Public by design (SPEC §3): anyone may check an application against the rules; nothing is stored.
export async function POST(request: Request) {
  let json: unknown;
  try {
    json = JSON.parse(await request.text());
  } catch {
    return NextResponse.json(
      { valid: false, problems: [{ code: "INVALID_FIELD", path: "", message: "Innehållet är inte giltig JSON. Skicka ansökan som ett JSON-objekt." }], warnings: [] },
      { status: 400 },
    );
  }
  const answer = validateApplication(json);
  return NextResponse.json(answer.body, { status: answer.status });
}
