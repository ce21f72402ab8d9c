import "server-only";
import pino from "pino";

// Structured JSON logs on stdout; never personal data beyond ids.
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "warn" : "info"),
  base: { app: "samverka" },
  redact: ["password", "*.password", "passwordHash", "*.passwordHash", "token", "*.token"],
});
