import { existsSync, readdirSync } from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SMTPServer } from "smtp-server";
import { simpleParser, type ParsedMail } from "mailparser";
import { db } from "@/lib/server/db";
import { deliverMail } from "@/lib/server/mail";
import { submitApplication } from "@/lib/server/applications";
import { assign, declareConflict, requestCompletion } from "@/lib/server/review";
import { caseFile } from "@/lib/server/case-file";
import { makeDraft, makeUser } from "../factories";

// Mail that really arrives: a real SMTP server (smtp-server) on 127.0.0.1 receives what the
// delivery job sends through nodemailer, and mailparser reads it as a mail program would. The
// server can refuse recipients or be stopped, as a real one can.

const received: ParsedMail[] = [];
let refuse = false;
let port = 0;
let server: SMTPServer;

function startServer(listenOn: number) {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (!refuse) return callback();
      const error = Object.assign(new Error("Mailbox busy, try again later"), {
        responseCode: 450,
      });
      callback(error);
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          received.push(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  return new Promise<number>((resolve) =>
    server.listen(listenOn, "127.0.0.1", () =>
      resolve((server.server.address() as AddressInfo).port),
    ),
  );
}
const stopServer = () => new Promise<void>((resolve) => server.close(() => resolve()));

beforeAll(async () => {
  port = await startServer(0);
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
  process.env.MAIL_FROM = "Samverka <noreply@samverka.example>";
  process.env.NEXTAUTH_URL = "https://samverka.example";
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  await stopServer();
});

/** Whether a path of the app answers: a page or route handler under app/ matches every segment. */
function routeExists(urlPath: string): boolean {
  const segments = urlPath.split("/").filter(Boolean);
  const walk = (dir: string, i: number): boolean => {
    const dirs = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory());
    const group = (name: string) => /^\(.+\)$/.test(name);
    if (
      i === segments.length &&
      ["page.tsx", "route.ts"].some((f) => existsSync(path.join(dir, f)))
    )
      return true;
    return dirs.some((e) =>
      group(e.name)
        ? walk(path.join(dir, e.name), i)
        : i < segments.length &&
          (e.name === decodeURIComponent(segments[i]) || /^\[[^.\]]+\]$/.test(e.name)) &&
          walk(path.join(dir, e.name), i + 1),
    );
  };
  return walk(path.resolve("app"), 0);
}

/** A submitted application with a completion request: the request mails each member. */
async function caseWithCompletionRequest() {
  const applicant = await makeUser(["APPLICANT"], "Amina Sökande");
  const draft = await makeDraft(applicant);
  await submitApplication(applicant, draft.id);
  const officer = await makeUser(["REVIEWER"], "Erik Handläggare");
  await declareConflict(officer, draft.id, { hasConflict: false });
  await assign(officer, draft.id);
  await requestCompletion(officer, draft.id, {
    message: "Beskriv hur ni når föräldrar som inte talar svenska.",
    dueDate: "",
  });
  const mails = await db.mailMessage.findMany({
    where: { applicationId: draft.id },
    orderBy: { createdAt: "asc" },
  });
  return { applicant, officer, id: draft.id, mails };
}

describe("mail through a real SMTP server", () => {
  it("arrives with a Swedish subject and body and links that lead to pages of the app", async () => {
    const { applicant, id, mails } = await caseWithCompletionRequest();
    expect(mails.map((m) => m.subject)).toEqual([
      expect.stringMatching(/^Ansökan \d{4}\/\d{4} är mottagen$/),
      expect.stringMatching(/^Komplettering behövs för ansökan \d{4}\/\d{4}$/),
    ]);
    for (const mail of mails) await deliverMail(mail.id);

    const arrived = received.filter((m) => m.to && "text" in m.to && m.to.text === applicant.email);
    expect(arrived).toHaveLength(2);
    const completion = arrived.find((m) => m.subject?.startsWith("Komplettering"))!;
    expect(completion.from?.text).toBe('"Samverka" <noreply@samverka.example>');
    expect(completion.text).toContain("Hej Amina Sökande!");
    expect(completion.text).toContain("Beskriv hur ni når föräldrar som inte talar svenska.");
    const links = [...(completion.text ?? "").matchAll(/https?:\/\/\S+/g)].map(
      (m) => new URL(m[0]),
    );
    expect(links.map((l) => l.pathname)).toEqual([`/ansokningar/${id}`]);
    for (const url of links) {
      expect(url.origin).toBe("https://samverka.example");
      expect(routeExists(url.pathname), url.pathname).toBe(true);
    }
    expect(routeExists("/finns-inte/alls")).toBe(false);
    for (const mail of arrived) expect(mail.subject).toMatch(/[åäö]/);
  });

  it("stays in the outbox while the server refuses or is down, and goes out once it is back", async () => {
    const { officer, id, mails } = await caseWithCompletionRequest();
    const before = received.length;
    const mail = mails.at(-1)!;

    refuse = true;
    await expect(deliverMail(mail.id)).rejects.toThrow(/450/);
    refuse = false;
    const queued1 = await db.mailMessage.findUniqueOrThrow({ where: { id: mail.id } });
    expect(queued1).toMatchObject({ status: "QUEUED", attempts: 1 });
    expect(queued1.lastError).toMatch(/450/);

    await stopServer();
    await expect(deliverMail(mail.id)).rejects.toThrow(/ECONNREFUSED/);
    const queued2 = await db.mailMessage.findUniqueOrThrow({ where: { id: mail.id } });
    expect(queued2).toMatchObject({ status: "QUEUED", attempts: 2 });
    expect(queued2.lastError).toMatch(/ECONNREFUSED/);
    expect(received).toHaveLength(before);

    // Back on the same address: the delivery job's next run (the sweep sends it again) delivers it.
    expect(await startServer(port)).toBe(port);
    await deliverMail(mail.id);
    await deliverMail(mail.id);
    expect(received).toHaveLength(before + 1);
    expect(received.at(-1)?.subject).toBe(mail.subject);
    expect(await db.mailMessage.findUniqueOrThrow({ where: { id: mail.id } })).toMatchObject({
      status: "SENT",
      attempts: 3,
      lastError: null,
    });

    // The case file shows every mail of the case, each as delivered once it is.
    for (const m of mails) await deliverMail(m.id);
    const file = await caseFile(officer, id);
    const mailEntries = file.entries.filter((e) => e.kind === "mail");
    expect(mailEntries.map((e) => [e.title, e.status])).toEqual(
      mails.map((m) => [m.subject, "SENT"]),
    );
  });
});
