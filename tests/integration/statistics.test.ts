import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { statistics } from "@/lib/server/statistics";
import { NotFound } from "@/lib/server/errors";
import { makeDraft, makeRound, makeUser } from "../factories";

describe("statistics", () => {
  it("sums applications and approved amounts per track, county, municipality and focus area, with the approval rate", async () => {
    const round = await makeRound();
    const admin = await makeUser(["ADMIN"]);
    const decider = await makeUser(["DECIDER"]);
    for (const [i, outcome] of (["APPROVED", "APPROVED", "REJECTED"] as const).entries()) {
      const draft = await makeDraft(await makeUser(), { roundId: round.id });
      await db.application.update({
        where: { id: draft.id },
        data: {
          status: outcome,
          primaryMunicipalityCode: i === 2 ? "1280" : "0180",
          countyCode: i === 2 ? "12" : "01",
        },
      });
      await db.decision.create({
        data: {
          applicationId: draft.id,
          roundId: round.id,
          outcome,
          amountSek: outcome === "APPROVED" ? 100_000 * (i + 1) : null,
          reasons: "Skäl.",
          decidedOn: new Date(),
          deciderId: decider.id,
        },
      });
    }
    const s = await statistics(admin, round.id);
    expect(s.byTrack).toEqual([
      { key: "COLLABORATION", applications: 3, approved: 2, approvedSek: 300_000 },
    ]);
    expect(s.byCounty).toEqual([
      { key: "01", applications: 2, approved: 2, approvedSek: 300_000 },
      { key: "12", applications: 1, approved: 0, approvedSek: 0 },
    ]);
    expect(s.byMunicipality.map((r) => r.key)).toEqual(["0180", "1280"]);
    expect(s.byFocus.find((r) => r.key === "DEMOCRACY")).toMatchObject({
      applications: 3,
      approved: 2,
    });
    expect(s.approvalRate).toBeCloseTo(2 / 3);
    expect(s.rounds.find((r) => r.id === round.id)).toMatchObject({ approvedSek: 300_000 });
    await expect(statistics(await makeUser(), round.id)).rejects.toBeInstanceOf(NotFound);
  });
});
