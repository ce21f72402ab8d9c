import { NextResponse } from "next/server";
import { databaseIsUp } from "@/lib/server/health";

export const dynamic = "force-dynamic";

// Public on purpose: load balancers and monitoring read it. It reveals nothing but up/down.
export async function GET() {
  const up = await databaseIsUp();
  return NextResponse.json(
    { status: up ? "ok" : "unavailable", database: up ? "ok" : "unavailable" },
    { status: up ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
