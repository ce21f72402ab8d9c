import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { db } from "@/lib/server/db";
import { submitApplication } from "@/lib/server/applications";
import { makeDraft, makeRound, makeUser } from "../factories";

const STATUSES = [
  "SUBMITTED",
  "IN_REVIEW",
  "COMPLEMENT_REQUESTED",
  "PROPOSED",
  "APPROVED",
  "REJECTED",
  "WITHDRAWN",
] as const;

async function readModelMatches(roundId: string) {
  const truth = await db.$queryRaw<{ status: string; n: bigint }[]>`
    SELECT status::text, count(*) AS n FROM "Application" WHERE "roundId" = ${roundId} AND status <> 'DRAFT' GROUP BY status ORDER BY status`;
  const counted = await db.$queryRaw<{ status: string; n: bigint }[]>`
    SELECT status::text, count::bigint AS n FROM "RoundStatusCount" WHERE "roundId" = ${roundId} AND count <> 0 ORDER BY status`;
  const entries = await db.$queryRaw<{ status: string; n: bigint }[]>`
    SELECT status::text, count(*) AS n FROM "DashboardEntry" WHERE "roundId" = ${roundId} GROUP BY status ORDER BY status`;
  return {
    truth: truth.map((r) => [r.status, Number(r.n)]),
    counted: counted.map((r) => [r.status, Number(r.n)]),
    entries: entries.map((r) => [r.status, Number(r.n)]),
  };
}

describe("the dashboard's read model (kept by triggers)", () => {
  it("holds every submitted application and no draft, with the searchable columns of the application", async () => {
    const applicant = await makeUser();
    const round = await makeRound();
    const draft = await makeDraft(applicant, { roundId: round.id });
    expect(await db.dashboardEntry.count({ where: { applicationId: draft.id } })).toBe(0);
    await submitApplication(applicant, draft.id);
    const [entry] = await db.$queryRaw<
      { status: string; requestedSek: number; referenceNumber: string; hasVector: boolean }[]
    >`
      SELECT status::text, "requestedSek", "referenceNumber", "searchVector" IS NOT NULL AS "hasVector" FROM "DashboardEntry" WHERE "applicationId" = ${draft.id}`;
    const app = await db.application.findUniqueOrThrow({ where: { id: draft.id } });
    expect(entry).toEqual({
      status: "SUBMITTED",
      requestedSek: app.requestedSek,
      referenceNumber: app.referenceNumber,
      hasVector: true,
    });
    await db.application.update({
      where: { id: draft.id },
      data: { assignedToId: applicant.id, status: "IN_REVIEW" },
    });
    expect(
      await db.dashboardEntry.findUnique({
        where: { applicationId: draft.id },
        select: { status: true, assignedToId: true },
      }),
    ).toEqual({ status: "IN_REVIEW", assignedToId: applicant.id });
  });

  it("counts per status stay equal to the applications through any sequence of changes, moves and deletions", async () => {
    const applicant = await makeUser();
    const [roundA, roundB] = [await makeRound(), await makeRound()];
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push((await makeDraft(applicant, { roundId: roundA.id })).id);
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            app: fc.integer({ min: 0, max: 3 }),
            status: fc.constantFrom("DRAFT", ...STATUSES),
            round: fc.boolean(),
          }),
          { minLength: 1, maxLength: 12 },
        ),
        async (changes) => {
          for (const change of changes) {
            await db.application.update({
              where: { id: ids[change.app] },
              data: { status: change.status, roundId: change.round ? roundB.id : roundA.id },
            });
          }
          for (const round of [roundA.id, roundB.id]) {
            const { truth, counted, entries } = await readModelMatches(round);
            expect(counted).toEqual(truth);
            expect(entries).toEqual(truth);
          }
        },
      ),
      { numRuns: 15 },
    );
    await db.application.delete({ where: { id: ids[0] } });
    for (const round of [roundA.id, roundB.id]) {
      const { truth, counted } = await readModelMatches(round);
      expect(counted).toEqual(truth);
    }
  });
});
