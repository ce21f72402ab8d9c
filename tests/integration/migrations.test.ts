import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

describe("migrations", () => {
  it("match prisma/schema.prisma exactly (prisma migrate diff --exit-code)", () => {
    const run = () =>
      execFileSync(
        path.resolve("node_modules/.bin/prisma"),
        [
          "migrate",
          "diff",
          "--from-migrations",
          "prisma/migrations",
          "--to-schema-datamodel",
          "prisma/schema.prisma",
          "--exit-code",
        ],
        {
          env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
          encoding: "utf8",
          stdio: ["ignore", "pipe", "pipe"],
        },
      );
    // Exit code 0 means no difference; 2 means the schema has changes without a migration.
    expect(run).not.toThrow();
  });
});
