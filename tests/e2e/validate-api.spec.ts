import { expect, test } from "@playwright/test";
import { demoApplications } from "../../prisma/demo-data";

// POST /api/v1/applications/validate over real HTTP against the production build.
const valid = () => structuredClone(demoApplications(new Date().getFullYear() + 1).skarholmen);
const url = "/api/v1/applications/validate";
type ValidationBody = {
  valid: boolean;
  problems: { code: string; path: string; message: string }[];
};

test("a valid application answers 200 with no problems", async ({ request }) => {
  const response = await request.post(url, { data: valid() });
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ valid: true, problems: [], warnings: [] });
});

test("a rule-breaking application answers 200 with every problem at once", async ({ request }) => {
  const app = valid();
  app.partners = [];
  app.declarations.nonProfit = false;
  app.requestedSek = 1;
  const response = await request.post(url, { data: app });
  expect(response.status()).toBe(200);
  const body = (await response.json()) as ValidationBody;
  expect(body.valid).toBe(false);
  const codes = body.problems.map((p: { code: string }) => p.code);
  expect(codes).toEqual(
    expect.arrayContaining([
      "PARTNER_REQUIRED",
      "DECLARATION_MISSING",
      "BUDGET_MISMATCH",
      "COORDINATION_PARTNERS_REQUIRED",
    ]),
  );
  expect(
    body.problems.find((p: { code: string }) => p.code === "DECLARATION_MISSING"),
  ).toMatchObject({ path: "declarations.nonProfit" });
  for (const problem of body.problems) expect(problem.message).toMatch(/[a-zåäö]/i);
});

test("a wrongly shaped application answers 400 with one INVALID_FIELD per bad field", async ({
  request,
}) => {
  const app = valid() as Record<string, unknown>;
  app.requestedSek = "900000";
  app.title = "  ";
  delete app.summary;
  (app.partners as Record<string, unknown>[])[1].sector = "CHURCH";
  const response = await request.post(url, { data: app });
  expect(response.status()).toBe(400);
  const body = (await response.json()) as ValidationBody;
  expect(body.valid).toBe(false);
  expect(body.problems.map((p: { path: string }) => p.path).sort()).toEqual([
    "partners.1.sector",
    "requestedSek",
    "summary",
    "title",
  ]);
  expect(body.problems.every((p: { code: string }) => p.code === "INVALID_FIELD")).toBe(true);
});

test("a body that is not JSON answers 400", async ({ request }) => {
  const response = await request.post(url, {
    data: "{ inte json",
    headers: { "content-type": "application/json" },
  });
  expect(response.status()).toBe(400);
  const body = (await response.json()) as ValidationBody;
  expect(body.problems[0]).toMatchObject({ code: "INVALID_FIELD" });
});
