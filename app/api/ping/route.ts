export const dynamic = "force-dynamic";

/** A bare dynamic route: the benchmark's yardstick for what the framework alone can do. */
export function GET() {
  return new Response("ok", { headers: { "Cache-Control": "no-store" } });
}
