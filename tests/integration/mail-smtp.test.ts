import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { deliverMail, queueMail } from "@/lib/server/mail";

// Delivery over real SMTP through nodemailer: a small SMTP server on 127.0.0.1 that records what it
// is sent (no STARTTLS, no AUTH: the conversation nodemailer has with a plain relay).

type Received = { from: string; to: string[]; data: string };
const received: Received[] = [];
let refuseNext = false;

const server = net.createServer((socket) => {
  let mail: Received = { from: "", to: [], data: "" };
  let inData = false;
  let buffer = "";
  socket.setEncoding("utf8");
  socket.write("220 test.local ESMTP\r\n");
  socket.on("data", (chunk: string) => {
    buffer += chunk;
    for (let end = buffer.indexOf("\r\n"); end !== -1; end = buffer.indexOf("\r\n")) {
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      if (inData) {
        if (line === ".") {
          inData = false;
          received.push(mail);
          mail = { from: "", to: [], data: "" };
          socket.write("250 2.0.0 queued\r\n");
        } else mail.data += `${line.startsWith("..") ? line.slice(1) : line}\n`;
        continue;
      }
      const verb = line.slice(0, 4).toUpperCase();
      if (verb === "EHLO") socket.write("250-test.local\r\n250 8BITMIME\r\n");
      else if (verb === "HELO") socket.write("250 test.local\r\n");
      else if (verb === "MAIL") {
        if (refuseNext) {
          refuseNext = false;
          socket.write("451 4.3.0 try again later\r\n");
        } else {
          mail.from = line.slice(10);
          socket.write("250 2.1.0 ok\r\n");
        }
      } else if (verb === "RCPT") {
        mail.to.push(line.slice(8));
        socket.write("250 2.1.5 ok\r\n");
      } else if (verb === "DATA") {
        inData = true;
        socket.write("354 go ahead\r\n");
      } else if (verb === "RSET" || verb === "NOOP") socket.write("250 ok\r\n");
      else if (verb === "QUIT") socket.end("221 bye\r\n");
      else socket.write("502 5.5.2 not implemented\r\n");
    }
  });
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
  process.env.MAIL_FROM = "Samverka <noreply@samverka.example>";
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  await new Promise((resolve) => server.close(resolve));
});

/** The body of a received message, its quoted-printable decoded. */
function body(data: string): string {
  const raw = data.slice(data.indexOf("\n\n") + 2);
  const bytes = raw
    .replace(/=\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, "latin1").toString("utf8");
}

const queue = (to: string, subject: string, text: string) =>
  db.$transaction((tx) => queueMail(tx, { to, subject, text }));

describe("mail over SMTP (nodemailer)", () => {
  it("delivers a queued mail once, with its sender, recipient, subject and text", async () => {
    const id = (await queue(
      "sokande@example.se",
      "Ansökan mottagen",
      "Hej!\nVi har fått er ansökan.",
    ))!;
    await deliverMail(id);
    await deliverMail(id);

    expect(received).toHaveLength(1);
    const [mail] = received;
    expect(mail.from).toContain("noreply@samverka.example");
    expect(mail.to).toEqual(["<sokande@example.se>"]);
    expect(mail.data).toMatch(/^Subject: =\?UTF-8\?Q\?Ans=C3=B6kan_mottagen\?=$/m);
    expect(mail.data).toMatch(/^Content-Type: text\/plain; charset=utf-8$/m);
    expect(body(mail.data)).toBe("Hej!\nVi har fått er ansökan.\n");
    const row = await db.mailMessage.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "SENT", attempts: 1, lastError: null });
  });

  it("keeps a mail queued with the server's answer when the server refuses it, and sends it on retry", async () => {
    const id = (await queue("handlaggare@example.se", "Påminnelse", "Rapporten ska lämnas in."))!;
    refuseNext = true;
    await expect(deliverMail(id)).rejects.toThrow(/451/);
    const failed = await db.mailMessage.findUniqueOrThrow({ where: { id } });
    expect(failed).toMatchObject({ status: "QUEUED", attempts: 1 });
    expect(failed.lastError).toMatch(/451/);

    await deliverMail(id);
    expect(received.at(-1)?.to).toEqual(["<handlaggare@example.se>"]);
    expect(await db.mailMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "SENT",
      attempts: 2,
      lastError: null,
    });
  });
});
