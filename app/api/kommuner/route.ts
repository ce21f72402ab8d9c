import { NextResponse } from "next/server";
import { badParametersResponse } from "@/lib/server/file-response";
import { searchMunicipalities } from "@/lib/reference/municipalities";
import { municipalitySearchFrom } from "@/lib/validation/municipality";

export const dynamic = "force-dynamic";

/**
 * Public reference data for the municipality filters' combobox: at most 20 municipalities whose
 * name or code matches `q`, each as { code, name, county }. The same for everyone; nothing is read
 * from the database, so a browser may keep the answer for a day.
 */
export function GET(request: Request) {
  const q = municipalitySearchFrom(new URL(request.url).searchParams);
  if (q === null) return badParametersResponse();
  return NextResponse.json(
    { municipalities: searchMunicipalities(q) },
    { headers: { "Cache-Control": "public, max-age=86400" } },
  );
}
