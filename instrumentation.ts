// Runs once when the Next.js server starts: the background workers live in the app process.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.SAMVERKA_JOBS === "off") return;
  const { startWorkers } = await import("./lib/server/jobs");
  await startWorkers().catch((error) =>
    console.error("[samverka] kunde inte starta bakgrundsjobben", error),
  );
}
