import { expect, test } from "@playwright/test";
import { DEMO, DEMO_PASSWORD, signIn } from "./support";

test("pages carry a nonce-based Content-Security-Policy and the security headers", async ({
  request,
}) => {
  const response = await request.get("/");
  const csp = response.headers()["content-security-policy"];
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  const html = await response.text();
  const nonce = /'nonce-([^']+)'/.exec(csp)![1];
  expect(html).toContain(`nonce="${nonce}"`);
  for (const path of ["/", "/api/health"]) {
    const headers = (await request.get(path)).headers();
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"], path).toContain("camera=()");
    expect(headers["x-frame-options"], path).toBe("DENY");
  }
  expect((await request.get("/")).headers()["content-security-policy"]).not.toBe(csp);
});

test("the session cookie is HttpOnly and SameSite=Lax", async ({ page, context }) => {
  await signIn(page, DEMO.applicant);
  const cookie = (await context.cookies()).find((c) => c.name.includes("session-token"));
  expect(cookie).toBeDefined();
  expect(cookie!.httpOnly).toBe(true);
  expect(cookie!.sameSite).toBe("Lax");
});

test("a copied session cookie stops working once its session has signed out", async ({
  page,
  context,
  browser,
}) => {
  await signIn(page, DEMO.applicant);
  await expect(page).toHaveURL(/\/ansokningar/);
  const copied = (await context.cookies()).filter((c) => c.name.includes("session-token"));
  expect(copied).toHaveLength(1);
  const elsewhere = await browser.newContext();
  try {
    await elsewhere.addCookies(copied);
    const other = await elsewhere.newPage();
    await other.goto("/ansokningar");
    await expect(other).toHaveURL(/\/ansokningar/);

    await page.getByRole("button", { name: "Logga ut" }).click();
    await expect(page).toHaveURL((url) => url.pathname === "/");

    // The copy now gets the signed-out treatment: sent to sign in.
    await other.goto("/ansokningar");
    await expect(other).toHaveURL(/\/logga-in\?next=%2Fansokningar/);
  } finally {
    await elsewhere.close();
  }
});

for (const next of [
  "/%5Cevil.example/phish",
  "/%09/evil.example",
  "/%5C/evil.example",
  "//evil.example",
  "https://evil.example/",
]) {
  test(`sign-in with ?next=${next} stays on the site`, async ({ page, baseURL }) => {
    await page.goto(`/logga-in?next=${next}`);
    await page.getByLabel("E-postadress").fill(DEMO.applicant);
    await page.getByLabel("Lösenord").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Logga in", exact: true }).click();
    await expect(page).toHaveURL(/\/ansokningar/);
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
  });
}
