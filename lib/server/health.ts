import "server-only";
import { db } from "./db";
import { logger } from "./logger";

export async function databaseIsUp(timeoutMs = 2000): Promise<boolean> {
  try {
    await Promise.race([
      db.$queryRawUnsafe("SELECT 1"),
      new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), timeoutMs).unref()),
    ]);
    return true;
  } catch (error) {
    logger.warn({ err: error }, "database health check failed");
    return false;
  }
}
