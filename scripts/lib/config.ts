// Where the embedded PostgreSQL lives for the app and for the test run.
import path from "node:path";

export const APP_PG = {
  dataDir: path.resolve(".data", "postgres"),
  port: Number(process.env.SAMVERKA_PG_PORT ?? 54329),
  database: "samverka",
};

export const TEST_PG = {
  dataDir: path.resolve(process.env.SAMVERKA_TEST_PG_DIR ?? path.join(".data", "postgres-test")),
  port: Number(process.env.SAMVERKA_TEST_PG_PORT ?? 54339),
};
