import pg from "pg";

// End-to-end tests read what a person would read outside the browser (their e-mail) from the
// MailMessage table. Never from the admin outbox page: it shows personal links masked.
export async function query<T extends pg.QueryResultRow>(
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** Runs `fn` holding a PostgreSQL advisory lock on `key`: one test worker at a time. */
export async function withLock<T>(key: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock(hashtext($1))", [key]);
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The newest mail to an address, waiting a little for it to be written. */
export async function latestMail(
  to: string,
  subjectLike = "%",
): Promise<{ subject: string; text: string }> {
  for (let i = 0; i < 50; i++) {
    const rows = await query<{ subject: string; text: string }>(
      `SELECT subject, text FROM "MailMessage" WHERE "to" = $1 AND subject LIKE $2 ORDER BY "createdAt" DESC LIMIT 1`,
      [to, subjectLike],
    );
    if (rows[0]) return rows[0];
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`No mail to ${to} (${subjectLike})`);
}

export const linkIn = (text: string, path: string) => {
  const match = new RegExp(`https?://[^\\s]+${path}/[A-Za-z0-9_-]+`).exec(text);
  if (!match) throw new Error(`No ${path} link in mail`);
  return new URL(match[0]).pathname;
};

/**
 * The path of the link under `pathPrefix` (e.g. "/personal/inbjudan") in the newest mail to `to`
 * that has one, with its live token, as the recipient reads it; waits a little for the mail.
 */
export async function latestMailLink(to: string, pathPrefix: string): Promise<string> {
  for (let i = 0; i < 50; i++) {
    const rows = await query<{ text: string }>(
      `SELECT text FROM "MailMessage" WHERE "to" = $1 AND strpos(text, $2) > 0 ORDER BY "createdAt" DESC LIMIT 1`,
      [to, `${pathPrefix}/`],
    );
    if (rows[0]) return linkIn(rows[0].text, pathPrefix);
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`No mail to ${to} with a ${pathPrefix} link`);
}

/** A small, real PDF (the server checks the content, not the name). */
export const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);
