import { createHash, randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { DEMO, expectNoSeriousA11yViolations, signIn } from "./support";
import { query } from "./db";

test("two tabs on the same draft: the stale one is told, and keeps what was typed", async ({
  page,
  context,
}) => {
  await signIn(page, DEMO.applicant);
  await page.getByRole("link", { name: "Ny ansökan" }).click();
  await page.getByRole("button", { name: "Börja på ansökan" }).click();
  await expect(page.getByTestId("task-list")).toBeVisible();
  const url = `${page.url()}/grunduppgifter`;

  const other = await context.newPage();
  await page.goto(url);
  await other.goto(url);
  await page.getByLabel("Projektets titel").fill("Titel från första fliken");
  await expect(page.getByTestId("save-state")).toHaveAttribute("data-state", "saved");

  await other.getByLabel("Projektets titel").fill("Titel från andra fliken");
  await expect(other.getByTestId("conflict")).toContainText("Din kopia är inte längre den senaste");
  await expect(other.getByLabel("Projektets titel")).toHaveValue("Titel från andra fliken");
  await expectNoSeriousA11yViolations(other);

  await page.reload();
  await expect(page.getByLabel("Projektets titel")).toHaveValue("Titel från första fliken");
});

test("an applicant cannot open another organisation's application by changing the address", async ({
  page,
  request,
}) => {
  const [husby] = await query<{ id: string }>(
    `SELECT id FROM "Application" WHERE title = 'Husby tillsammans'`,
  );
  const [partner] = await query<{ id: string }>(
    `SELECT id FROM "Partner" WHERE "applicationId" = $1 LIMIT 1`,
    [husby.id],
  );
  await signIn(page, DEMO.applicant);
  await expect(page).toHaveURL(/\/ansokningar$/);
  for (const path of [
    `/ansokningar/${husby.id}`,
    `/ansokningar/${husby.id}/grunduppgifter`,
    `/ansokningar/${husby.id}/avsiktsforklaringar`,
    `/ansokningar/${husby.id}/granska`,
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sidan finns inte");
    await expect(page.getByText("Husby tillsammans")).toHaveCount(0);
  }
  const download = await page.request.get(
    `/api/ansokningar/${husby.id}/partner/${partner.id}/avsiktsforklaring`,
  );
  expect(download.status()).toBe(404);
  const anonymous = await request.get(
    `/api/ansokningar/${husby.id}/partner/${partner.id}/avsiktsforklaring`,
  );
  expect(anonymous.status()).toBe(404);
});

test("an expired or reused partner link is refused with a clear page", async ({ page }) => {
  const [letter] = await query<{ id: string }>(
    `SELECT l.id FROM "LetterOfIntent" l JOIN "Partner" p ON p.id = l."partnerId" WHERE p.name = 'Rosengårdsskolan' LIMIT 1`,
  );
  const expired = randomBytes(24).toString("base64url");
  const used = randomBytes(24).toString("base64url");
  const hash = (t: string) => createHash("sha256").update(t).digest("hex");
  await query(
    `INSERT INTO "LetterOfIntentLink" (id, "letterId", "tokenHash", "sentTo", "expiresAt") VALUES ($1, $2, $3, 'test@example.se', now() - interval '1 day')`,
    [`e2e-${expired.slice(0, 8)}`, letter.id, hash(expired)],
  );
  await query(
    `INSERT INTO "LetterOfIntentLink" (id, "letterId", "tokenHash", "sentTo", "expiresAt", "usedAt") VALUES ($1, $2, $3, 'test@example.se', now() + interval '1 day', now())`,
    [`e2e-${used.slice(0, 8)}`, letter.id, hash(used)],
  );

  await page.goto(`/avsiktsforklaring/${expired}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Länken har gått ut");
  await expect(page.getByText("gäller i 14 dagar")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.goto(`/avsiktsforklaring/${used}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Länken har redan använts");
  await page.goto(`/avsiktsforklaring/finns-inte`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Länken finns inte");
});
