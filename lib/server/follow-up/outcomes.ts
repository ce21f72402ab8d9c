import "server-only";
import { stringify } from "csv-stringify";
import { CSV_OPTIONS } from "@/lib/server/csv";
import { safeCell } from "@/lib/domain/grant-export";
import type { Readable } from "node:stream";
import { db } from "../db";
import { deny, type Actor } from "../actor";
import { isStaff } from "@/lib/domain/roles";
import { BLOCKING_CONFLICT } from "@/lib/domain/review";

export type OutcomeRow = {
  key: string;
  reports: number;
  meetings: number;
  women: number;
  men: number;
  other: number;
  collaborations: number;
};

/** What all reported grants achieved together, per track, county and focus area. Staff only; never counting a grant the actor declared a conflict in. */
export async function outcomes(actor: Actor) {
  if (!isStaff(actor.roles)) await deny(actor, "outcomes.read");
  const by = (key: "track" | "county" | "focus") =>
    db.$queryRawUnsafe<
      {
        key: string;
        reports: bigint;
        meetings: bigint;
        women: bigint;
        men: bigint;
        other: bigint;
        collaborations: bigint;
      }[]
    >(
      `
    SELECT ${key === "track" ? `a.track::text` : key === "county" ? `a."countyCode"` : `f::text`} AS key, count(*) AS reports,
      coalesce(sum(r."meetingsHeld"), 0) AS meetings, coalesce(sum(r."participantsWomen"), 0) AS women, coalesce(sum(r."participantsMen"), 0) AS men,
      coalesce(sum(r."participantsOther"), 0) AS other, coalesce(sum(r."collaborationsStarted"), 0) AS collaborations
    FROM "FollowUpReport" r JOIN "Application" a ON a.id = r."applicationId" ${key === "focus" ? `CROSS JOIN LATERAL unnest(a."focusAreas") f` : ""}
    WHERE r.status IN ('SUBMITTED', 'ACCEPTED')
      AND NOT EXISTS (SELECT 1 FROM "ConflictDeclaration" c WHERE c."applicationId" = a.id AND c."userId" = $1 AND c.status::text = ANY($2::text[]))
    GROUP BY 1 ORDER BY 1`,
      actor.id,
      [...BLOCKING_CONFLICT],
    );
  const convert = (rows: Awaited<ReturnType<typeof by>>): OutcomeRow[] =>
    rows.map((r) => ({
      key: r.key ?? "–",
      reports: Number(r.reports),
      meetings: Number(r.meetings),
      women: Number(r.women),
      men: Number(r.men),
      other: Number(r.other),
      collaborations: Number(r.collaborations),
    }));
  const [track, county, focus] = await Promise.all([by("track"), by("county"), by("focus")]);
  return { byTrack: convert(track), byCounty: convert(county), byFocus: convert(focus) };
}

export function outcomesCsv(data: Awaited<ReturnType<typeof outcomes>>): Readable {
  const out = stringify({
    header: true,
    columns: [
      "Indelning",
      "Värde",
      "Rapporter",
      "Möten",
      "Kvinnor",
      "Män",
      "Annat/okänt",
      "Samverkan",
    ],
    ...CSV_OPTIONS,
  });
  for (const [group, rows] of [
    ["Inriktning", data.byTrack],
    ["Län", data.byCounty],
    ["Fokusområde", data.byFocus],
  ] as const) {
    for (const r of rows)
      out.write(
        [group, r.key, r.reports, r.meetings, r.women, r.men, r.other, r.collaborations].map((c) =>
          safeCell(c),
        ),
      );
  }
  out.end();
  return out;
}
