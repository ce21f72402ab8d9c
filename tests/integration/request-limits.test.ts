import { describe, expect, it } from "vitest";
import { POST as validate } from "@/app/api/v1/applications/validate/route";
import { demoApplications } from "@/prisma/demo-data";

// POST /api/v1/applications/validate with bodies that are too large, too deep or too long:
// refused before they are parsed, and never answered with more than a small list of problems.
const url = "http://localhost/api/v1/applications/validate";
const headers = (extra: Record<string, string> = {}) => ({
  "content-type": "application/json",
  "x-forwarded-for": `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
  ...extra,
});
type Answer = { valid: boolean; problems: { code: string; path: string; message: string }[] };

/** A body sent in chunks, without Content-Length, as chunked transfer encoding does. */
function chunked(totalBytes: number, chunk = 64 * 1024) {
  let sent = 0;
  const bytes = new TextEncoder().encode(" ".repeat(chunk));
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= totalBytes) return controller.close();
      controller.enqueue(bytes);
      sent += bytes.byteLength;
    },
  });
}

describe("the validation API's limits", () => {
  it("answers 413 to a 2 MB body", async () => {
    const body = JSON.stringify({ title: "x".repeat(2 * 1024 * 1024) });
    const response = await validate(new Request(url, { method: "POST", headers: headers(), body }));
    expect(response.status).toBe(413);
  });

  it("answers 413 to a chunked body without Content-Length once it passes 1 MB", async () => {
    const request = new Request(url, {
      method: "POST",
      headers: headers(),
      body: chunked(3 * 1024 * 1024),
      duplex: "half",
    } as RequestInit);
    expect(request.headers.get("content-length")).toBeNull();
    const response = await validate(request);
    expect(response.status).toBe(413);
  });

  it("answers 400 quickly to deeply nested JSON", async () => {
    const depth = 200_000;
    const body = `{"partners":${"[".repeat(depth)}${"]".repeat(depth)}}`;
    const started = performance.now();
    const response = await validate(new Request(url, { method: "POST", headers: headers(), body }));
    expect(response.status).toBe(400);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it("answers 400 with one problem to 10 000 partners, in a small response", async () => {
    const app = demoApplications(new Date().getFullYear() + 1).skarholmen as Record<
      string,
      unknown
    >;
    const partners = Array.from({ length: 10_000 }, () => ({ name: "x", sector: "OTHER" }));
    const body = JSON.stringify({ ...app, partners });
    const response = await validate(new Request(url, { method: "POST", headers: headers(), body }));
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(text.length).toBeLessThan(10_000);
    const answer = JSON.parse(text) as Answer;
    expect(answer.problems.length).toBeLessThanOrEqual(100);
    expect(answer.problems[0]).toMatchObject({ path: "partners" });
  });

  it("lists at most 100 problems, the last saying how many more there are", async () => {
    const app = demoApplications(new Date().getFullYear() + 1).skarholmen as Record<
      string,
      unknown
    >;
    const body = JSON.stringify({ ...app, partners: Array.from({ length: 30 }, () => ({})) });
    const response = await validate(new Request(url, { method: "POST", headers: headers(), body }));
    expect(response.status).toBe(400);
    const answer = (await response.json()) as Answer;
    expect(answer.problems).toHaveLength(100);
    expect(answer.problems.at(-1)?.message).toMatch(/^Ytterligare \d+ fel visas inte/);
  });
});
