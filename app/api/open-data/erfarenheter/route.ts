import { NextResponse } from "next/server";
import { examplesOpenData } from "@/lib/server/learning-examples";
import { badParametersResponse } from "@/lib/server/file-response";
import { strictExampleFilterFrom } from "@/lib/validation/learning-example";

export const dynamic = "force-dynamic";

/** Open data: the published learning examples as JSON, with the public page's filters. */
export async function GET(request: Request) {
  const filter = strictExampleFilterFrom(new URL(request.url).searchParams);
  if (!filter) return badParametersResponse();
  return NextResponse.json(await examplesOpenData(filter), {
    headers: { "Cache-Control": "public, max-age=60" },
  });
}
