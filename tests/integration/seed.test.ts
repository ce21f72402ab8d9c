import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { seedDemo } from "@/prisma/seed-demo";
import { DEMO_USERS, DEMO_PASSWORD } from "@/prisma/demo-data";
import { verifyPassword } from "@/lib/server/passwords";
import { checkApplication } from "@/lib/domain/rules";
import type { ApplicationContract } from "@/lib/validation/application";

describe("the demo seed", () => {
  it("loads the demo world once: every role, both rounds, every status a page needs", async () => {
    const now = new Date("2026-11-24T10:00:00Z");
    const first = await seedDemo(db, now);
    expect(first.skipped).toBe(false);

    for (const role of ["APPLICANT", "REVIEWER", "DECIDER", "ADMIN"] as const) {
      const user = await db.user.findFirst({
        where: { roles: { has: role }, email: { endsWith: "@samverka.example" } },
      });
      expect(user, role).not.toBeNull();
      expect(await verifyPassword(user!.passwordHash, DEMO_PASSWORD)).toBe(true);
    }
    expect(await db.user.count()).toBe(DEMO_USERS.length);

    const rounds = await db.grantRound.findMany({ orderBy: { year: "asc" } });
    expect(rounds.map((r) => [r.year, r.status])).toEqual([
      [2025, "CLOSED"],
      [2026, "OPEN"],
    ]);
    expect(rounds[1].opensAt.getTime()).toBeLessThan(now.getTime());
    expect(rounds[1].closesAt.getTime()).toBeGreaterThan(now.getTime());

    const statuses = (await db.application.groupBy({ by: ["status"], _count: true }))
      .map((g) => g.status)
      .sort();
    expect(statuses).toEqual([
      "APPROVED",
      "DRAFT",
      "IN_REVIEW",
      "PROPOSED",
      "REJECTED",
      "SUBMITTED",
    ]);

    // Approved totals stay within the round's budget frame, and each decision has its reasons.
    const approved = await db.decision.aggregate({
      where: { outcome: "APPROVED", roundId: rounds[0].id },
      _sum: { amountSek: true },
    });
    expect(approved._sum.amountSek!).toBeGreaterThan(0);
    expect(approved._sum.amountSek!).toBeLessThanOrEqual(rounds[0].budgetSek);
    for (const decision of await db.decision.findMany())
      expect(decision.reasons.length).toBeGreaterThan(20);

    // Reference numbers are YYYY/NNNN and sequential per year, and the counters know the last one.
    const refs = (
      await db.application.findMany({
        where: { referenceNumber: { not: null } },
        select: { referenceNumber: true },
      })
    )
      .map((a) => a.referenceNumber!)
      .sort();
    expect(refs).toEqual([
      "2025/0001",
      "2025/0002",
      "2025/0003",
      "2025/0004",
      "2025/0005",
      "2025/0006",
      "2025/0007",
      "2025/0008",
      "2026/0001",
    ]);
    expect(await db.referenceCounter.findUnique({ where: { year: 2025 } })).toMatchObject({
      last: 8,
    });

    // Every frozen version satisfies the rules as they stood on the day it was submitted.
    const versions = await db.applicationVersion.findMany();
    for (const version of versions) {
      const result = checkApplication(version.content as unknown as ApplicationContract, {
        today: version.createdAt.toISOString().slice(0, 10),
      });
      expect(result.problems, version.id).toEqual([]);
    }
    expect(versions.filter((v) => v.reason === "COMPLEMENT")).toHaveLength(1);

    // A second run changes nothing.
    const counts = [
      await db.user.count(),
      await db.application.count(),
      await db.auditEvent.count(),
    ];
    expect((await seedDemo(db as never, now)).skipped).toBe(true);
    expect([
      await db.user.count(),
      await db.application.count(),
      await db.auditEvent.count(),
    ]).toEqual(counts);
  });
});
