// Cross-site requests (docs/security-edge.md): every request that can change something — route
// handlers and server actions — from another site's page answers 403, and a client cannot make a
// foreign Origin pass by sending X-Forwarded-Host itself (the e2e server trusts no proxy).
import { expect, test, type APIRequestContext } from "@playwright/test";
import { query } from "./db";
import { DEMO, signIn } from "./support";

const EVIL = "https://evil.example";
/** How another site's page (or a client claiming to be behind our proxy) would send it. */
const FOREIGN: Record<string, string>[] = [
  { origin: EVIL },
  { origin: EVIL, "x-forwarded-host": "evil.example" },
  { origin: EVIL, "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" },
  { origin: "null" },
  { "sec-fetch-site": "cross-site" },
];

/** The records of the demo organisation in Rosengård: an application with partners and reports. */
const OWNER = "rosengard@samverka.example";
async function ownerRecords() {
  const [row] = await query<{ applicationId: string; partnerId: string; reportId: string }>(
    `SELECT a.id AS "applicationId",
            (SELECT id FROM "Partner" WHERE "applicationId" = a.id ORDER BY position LIMIT 1) AS "partnerId",
            (SELECT id FROM "FollowUpReport" WHERE "applicationId" = a.id ORDER BY "dueDate" LIMIT 1) AS "reportId"
       FROM "Application" a WHERE a.title = 'Kulturskola för alla i Rosengård'`,
  );
  expect(row?.partnerId, "the application has a partner").toBeTruthy();
  expect(row.reportId, "the application has a follow-up report").toBeTruthy();
  return row;
}

/** Every route handler with POST, PUT, PATCH or DELETE that acts on the session cookie. */
function stateChangingRoutes(ids: { applicationId: string; partnerId: string; reportId: string }) {
  return [
    `/api/v1/applications/${ids.applicationId}/submit`,
    `/api/ansokningar/${ids.applicationId}/partner/${ids.partnerId}/avsiktsforklaring`,
    `/api/rapporter/${ids.reportId}/bilagor`,
    // next-auth checks its own CSRF token as well; the edge refuses a foreign Origin first.
    "/api/auth/signout",
  ];
}

const post = (request: APIRequestContext, path: string, headers: Record<string, string>) =>
  request.post(path, {
    headers,
    multipart: { note: "ingen fil" },
    maxRedirects: 0,
  });

test("a foreign Origin on every state-changing route handler answers 403, in Swedish", async ({
  page,
  baseURL,
}) => {
  const routes = stateChangingRoutes(await ownerRecords());
  await signIn(page, OWNER);
  for (const path of routes) {
    for (const headers of FOREIGN) {
      const response = await post(page.request, path, headers);
      expect(response.status(), `${path} ${JSON.stringify(headers)}`).toBe(403);
      expect(((await response.json()) as { message: string }).message).toContain("annan webbplats");
    }
  }
  // The same requests from the site itself get past the check: the submitted application answers
  // with its reference number again, the uploads with the form's own errors (no file).
  const own = { origin: new URL(baseURL!).origin };
  expect((await post(page.request, routes[0], own)).status()).toBe(200);
  for (const path of routes.slice(1, 3))
    expect((await post(page.request, path, own)).status()).toBe(400);
  // The public validation API is for scripts and other sites alike: no cookie, no Origin check.
  const validate = await page.request.post("/api/v1/applications/validate", {
    headers: { origin: EVIL, "content-type": "application/json" },
    data: "{}",
  });
  // The rules' own answer to an empty application, not the Origin check's.
  expect(validate.status()).toBe(400);
  expect(((await validate.json()) as { valid: boolean }).valid).toBe(false);
});

test("a cross-site server action answers 403, also with a spoofed X-Forwarded-Host, and does not run", async ({
  page,
  baseURL,
}) => {
  // An unread notification for the applicant; "Markera alla som lästa" is a server action.
  const [user] = await query<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [
    DEMO.applicant,
  ]);
  const [notice] = await query<{ id: string }>(
    `INSERT INTO "Notification" (id, "userId", kind, title) VALUES ($1, $2, 'test', 'Ursprungstest') RETURNING id`,
    [`origin-${Date.now()}`, user.id],
  );
  const readAt = async () =>
    (
      await query<{ readAt: Date | null }>(`SELECT "readAt" FROM "Notification" WHERE id = $1`, [
        notice.id,
      ])
    )[0].readAt;

  await signIn(page, DEMO.applicant);
  await page.goto("/notiser");
  // The browser's own request for the action, held back so it can be sent as another site would.
  const held = new Promise<{ headers: Record<string, string>; body: Buffer }>((resolve) => {
    void page.route("**/notiser", async (route) => {
      const request = route.request();
      if (request.method() !== "POST") return route.continue();
      resolve({ headers: await request.allHeaders(), body: request.postDataBuffer()! });
      await route.abort();
    });
  });
  await page.getByRole("button", { name: "Markera alla som lästa" }).click();
  const action = await held;
  expect(action.headers["next-action"]).toBeTruthy();
  const send = (extra: Record<string, string>) =>
    page.request.post("/notiser", {
      headers: {
        "next-action": action.headers["next-action"],
        "next-router-state-tree": action.headers["next-router-state-tree"] ?? "",
        "content-type": action.headers["content-type"],
        accept: action.headers.accept ?? "text/x-component",
        ...extra,
      },
      data: action.body,
      maxRedirects: 0,
    });

  for (const headers of FOREIGN) {
    const response = await send(headers);
    expect(response.status(), JSON.stringify(headers)).toBe(403);
  }
  expect(await readAt(), "no refused request marked the notification read").toBeNull();

  // The very same request from the site itself runs the action.
  const own = await send({ origin: new URL(baseURL!).origin });
  expect(own.status()).toBe(200);
  expect(await readAt()).not.toBeNull();
});
