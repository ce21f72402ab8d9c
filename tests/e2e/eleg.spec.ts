import { expect, test } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { query } from "./db";
import { DEMO, expectNoSeriousA11yViolations } from "./support";
import { startIdentityProvider } from "./identity-provider";

// "Logga in med e-legitimation" against a real OpenID Connect provider started here (scripts/test.ts
// gives the app OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET pointing at it).
const issuer = new URL(process.env.OIDC_ISSUER ?? "http://localhost:3190");
const applicantPnr = `19${String(Date.now()).slice(-10)}`;
const newEmail = `eleg-${randomBytes(3).toString("hex")}@forening.example`;
let idp: Awaited<ReturnType<typeof startIdentityProvider>>;

test.beforeAll(async () => {
  idp = await startIdentityProvider({
    port: Number(issuer.port),
    clientId: process.env.OIDC_CLIENT_ID ?? "samverka-e2e",
    clientSecret: process.env.OIDC_CLIENT_SECRET ?? "",
    redirectUri: `http://localhost:${process.env.PORT ?? 3100}/api/auth/callback/eleg`,
    people: {
      [applicantPnr]: {
        name: "Fatima Yilmaz",
        given_name: "Fatima",
        family_name: "Yilmaz",
        email: newEmail,
        email_verified: true,
      },
      "198001019876": {
        name: "Erik Lindqvist",
        given_name: "Erik",
        family_name: "Lindqvist",
        email: DEMO.reviewer,
        email_verified: true,
      },
    },
  });
});
test.afterAll(async () => idp?.close());

async function signInWithEleg(page: import("@playwright/test").Page, pnr: string, next?: string) {
  await page.goto(next ? `/logga-in?next=${encodeURIComponent(next)}` : "/logga-in");
  await page.getByRole("button", { name: "Logga in med e-legitimation" }).click();
  await expect(page).toHaveURL(new RegExp(`^${issuer.origin}/interaction/`));
  await page.getByLabel("Personnummer").fill(pnr);
  await page.getByRole("button", { name: "Legitimera" }).click();
}

test("a new person signs in with e-legitimation and gets an applicant account", async ({
  page,
}) => {
  await page.goto("/logga-in");
  await expectNoSeriousA11yViolations(page);
  await signInWithEleg(page, applicantPnr);
  await expect(page).toHaveURL(/\/ansokningar/);
  await expect(page.getByText("Fatima Yilmaz").first()).toBeVisible();
  const users = await query<{ id: string; roles: string; email: string }>(
    `SELECT id, roles::text, email FROM "User" WHERE email = $1`,
    [newEmail],
  );
  expect(users).toHaveLength(1);
  expect(users[0].roles).toBe("{APPLICANT}");
  const identities = await query<{ issuer: string; subject: string }>(
    `SELECT issuer, subject FROM "ExternalIdentity" WHERE "userId" = $1`,
    [users[0].id],
  );
  expect(identities).toEqual([{ issuer: issuer.origin, subject: applicantPnr }]);

  // Signing in again finds the same account.
  await page.context().clearCookies();
  await signInWithEleg(page, applicantPnr);
  await expect(page).toHaveURL(/\/ansokningar/);
  expect(await query(`SELECT 1 FROM "User" WHERE email = $1`, [newEmail])).toHaveLength(1);
});

test("a reviewer signs in with e-legitimation, linked by a verified e-mail address, without a separate code", async ({
  page,
}) => {
  await signInWithEleg(page, "198001019876", "/handlaggning");
  await expect(page).toHaveURL(/\/handlaggning/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const [row] = await query<{ n: string }>(
    `SELECT count(*)::text AS n FROM "ExternalIdentity" e JOIN "User" u ON u.id = e."userId" WHERE u.email = $1`,
    [DEMO.reviewer],
  );
  expect(row.n).toBe("1");
});
