import { expect, test, type APIRequestContext } from "@playwright/test";
import { DEMO, signIn } from "./support";

// Query parameters as an attacker sends them: a NUL byte, control characters, a tampered cursor,
// repeated keys. The answer is a 400 or the normal page, never a 500; a download is never a 200
// with a file cut short; and error answers carry the security headers too.
const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const TAMPERED = [
  "%00",
  "a%00b",
  "%01%1F%7F",
  "x".repeat(2000),
  "!!not-base64!!",
  cursor({ v: "not a date", id: "x" }),
  cursor({ v: "2027-01-01", id: "'; DROP TABLE x; --" }),
  cursor({ v: "a\u0000b", id: "abc" }),
  cursor({ v: 1e400, id: "abc" }),
  cursor(null),
  cursor([1, 2]),
];
/** The values that are not even shaped like a record id: a download refuses them with 400. */
const NOT_AN_ID = TAMPERED.filter((v) => !/^[A-Za-z0-9_-]{1,64}$/.test(v));

async function expectNo500(request: APIRequestContext, path: string) {
  const response = await request.get(path, { maxRedirects: 0 });
  expect(response.status(), path).toBeLessThan(500);
  expect([200, 400, 404], path).toContain(response.status());
}

function expectSecurityHeaders(headers: Record<string, string>, what: string) {
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(headers["referrer-policy"], what).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"], what).toBe("DENY");
  expect(headers["permissions-policy"], what).toContain("camera=()");
}

test("the public list and the open data refuse or ignore bad parameters, never a 500", async ({
  request,
}) => {
  for (const value of TAMPERED) {
    for (const key of ["round", "year", "track", "county", "sida", "format"])
      await expectNo500(request, `/beviljade?${key}=${value}`);
    await expectNo500(request, `/api/open-data/beviljade?round=${value}`);
  }
  for (const value of NOT_AN_ID) {
    for (const format of ["csv", "json", "xlsx"]) {
      const response = await request.get(
        `/api/open-data/beviljade?round=${value}&format=${format}`,
      );
      expect(response.status(), value).toBe(400);
      expectSecurityHeaders(response.headers(), `open data ${value}`);
    }
  }
  expect((await request.get("/api/open-data/beviljade?round=%00&format=json")).status()).toBe(400);
  // The learning examples: the page ignores a bad parameter, the open data answers 400.
  for (const value of TAMPERED) {
    for (const key of ["q", "track", "focus", "county", "municipality", "year", "after"]) {
      await expectNo500(request, `/erfarenheter?${key}=${value}`);
      await expectNo500(request, `/api/open-data/erfarenheter?${key}=${value}`);
    }
    await expectNo500(request, `/erfarenheter/${value}`);
  }
  for (const value of TAMPERED.filter((v) => !/^[A-Za-z0-9_-]{1,500}$/.test(v)))
    expect((await request.get(`/api/open-data/erfarenheter?after=${value}`)).status()).toBe(400);
  expect((await request.get("/api/open-data/erfarenheter?year=2027&year=2028")).status()).toBe(400);
  expect((await request.get("/api/open-data/erfarenheter?q=%00")).status()).toBe(400);
  // The municipality search: only q, once, plain text.
  for (const value of TAMPERED.filter((v) => v.includes("%") || v.length > 100))
    expect((await request.get(`/api/kommuner?q=${value}`)).status(), value).toBe(400);
  expect((await request.get("/api/kommuner?q=a&q=b")).status()).toBe(400);
  expect((await request.get("/api/kommuner?lan=01")).status()).toBe(400);
  const found = await request.get("/api/kommuner?q=Sto");
  expect(found.status()).toBe(200);
  const { municipalities } = (await found.json()) as { municipalities: unknown[] };
  expect(municipalities[0]).toEqual({
    code: "0180",
    name: "Stockholm",
    county: "Stockholms län",
  });
  // A well-shaped cursor that is not ours gives the first batch.
  const tampered = await request.get(
    `/api/open-data/erfarenheter?after=${cursor({ p: "not a date", id: "x" })}`,
  );
  expect(tampered.status()).toBe(200);
  expect(JSON.parse(await tampered.text())).toHaveProperty("examples");
  expect((await request.get("/api/open-data/beviljade?year=2027&year=2028")).status()).toBe(400);
  const good = await request.get("/api/open-data/beviljade?format=json");
  expect(good.status()).toBe(200);
  expect(JSON.parse(await good.text())).toHaveProperty("grants");
});

test("staff pages and downloads refuse or ignore bad parameters, never a 500", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, DEMO.admin);
  const request = page.request;
  for (const value of TAMPERED) {
    for (const key of ["after", "q", "round", "min", "status", "sort"])
      await expectNo500(request, `/handlaggning?${key}=${value}`);
    await expectNo500(request, `/handlaggning?sort=amount&after=${value}`);
    await expectNo500(request, `/handlaggning?sort=reference&dir=desc&after=${value}`);
    await expectNo500(request, `/admin/anvandare?q=${value}`);
    for (const key of ["before", "actor", "entity", "entityId", "action", "from"])
      await expectNo500(request, `/admin/logg?${key}=${value}`);
    await expectNo500(request, `/api/admin/logg?before=${value}`);
    await expectNo500(request, `/api/admin/logg?actor=${value}`);
    await expectNo500(request, `/api/admin/export?format=csv&round=${value}`);
  }
  for (const value of NOT_AN_ID)
    expect((await request.get(`/api/admin/export?format=csv&round=${value}`)).status()).toBe(400);
  await expectNo500(request, "/admin/anvandare?q=a&q=b");
  await expectNo500(request, "/admin/logg?before=99999999999999999999999");
  await expectNo500(
    request,
    `/handlaggning?after=${cursor({ v: "2027-01-01T00:00:00Z", id: "x" })}`,
  );
  // The tampered cursor gives the first page of the list: the same as no cursor at all.
  expect((await request.get("/handlaggning?after=%00")).status()).toBe(200);
});

test("error answers carry the security headers: a route's 400 and 404 and the not-found page", async ({
  request,
}) => {
  const notFoundPage = await request.get("/finns-inte-alls");
  expect(notFoundPage.status()).toBe(404);
  expectSecurityHeaders(notFoundPage.headers(), "not-found page");
  expect(notFoundPage.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  const notFoundApi = await request.get("/api/admin/export?format=csv");
  expect(notFoundApi.status()).toBe(404);
  expectSecurityHeaders(notFoundApi.headers(), "route 404");
  const unknownApi = await request.get("/api/finns-inte");
  expect(unknownApi.status()).toBe(404);
  expectSecurityHeaders(unknownApi.headers(), "unknown api 404");
  const badApi = await request.get("/api/open-data/beviljade?round=%00");
  expect(badApi.status()).toBe(400);
  expectSecurityHeaders(badApi.headers(), "route 400");
  const tooLarge = await request.post("/api/v1/applications/validate", {
    data: "x".repeat(2 * 1024 * 1024),
    headers: { "content-type": "application/json" },
  });
  expect(tooLarge.status()).toBe(413);
  expectSecurityHeaders(tooLarge.headers(), "route 413");
});
