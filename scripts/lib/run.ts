// Runs a command with inherited output; rejects on a non-zero exit.
import { spawn } from "node:child_process";
import path from "node:path";

const BIN = path.resolve("node_modules", ".bin");

export function run(
  command: string,
  args: string[],
  env: Record<string, string> = {},
  cwd?: string,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      stdio: "inherit",
      env: {
        ...process.env,
        PATH: `${BIN}:${process.env.PATH}`,
        NEXT_TELEMETRY_DISABLED: "1",
        ...env,
      },
    });
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0
        ? resolve()
        : reject(new Error(`${command} ${args.join(" ")} avslutades med ${code ?? signal}`)),
    );
  });
}

export const prisma = (args: string[], databaseUrl: string) =>
  run("prisma", args, { DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" });
