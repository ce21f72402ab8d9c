import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { safeFileName, storage } from "@/lib/server/storage";
import { db } from "@/lib/server/db";

describe("file storage in PostgreSQL", () => {
  it("stores a file with its SHA-256 and gives back the same bytes", async () => {
    const data = Buffer.from("%PDF-1.7\nAvsiktsförklaring\n%%EOF\n", "utf8");
    const saved = await storage.put({
      data,
      contentType: "application/pdf",
      fileName: "avsiktsförklaring skärholmen.pdf",
    });
    expect(saved.sha256).toBe(createHash("sha256").update(data).digest("hex"));
    expect(saved.size).toBe(data.length);
    const read = await storage.get(saved.id);
    expect(read?.data.equals(data)).toBe(true);
    expect(read?.fileName).toBe("avsiktsförklaring skärholmen.pdf");
  });

  it("keeps the bytes under their content hash: the same content twice is one blob, two named files", async () => {
    const data = Buffer.from("%PDF-1.7\nsamma innehåll\n%%EOF\n", "utf8");
    const [a, b] = await Promise.all([
      storage.put({ data, contentType: "application/pdf", fileName: "a.pdf" }),
      storage.put({ data, contentType: "application/pdf", fileName: "b.pdf" }),
    ]);
    expect(a.id).not.toBe(b.id);
    expect(a.sha256).toBe(b.sha256);
    expect(await db.fileBlob.count({ where: { sha256: a.sha256 } })).toBe(1);
    expect((await storage.get(b.id))?.fileName).toBe("b.pdf");
  });

  it("never serves bytes that no longer match their hash", async () => {
    const saved = await storage.put({
      data: Buffer.from("%PDF-1.7\noriginal\n"),
      contentType: "application/pdf",
      fileName: "c.pdf",
    });
    await db.$executeRaw`UPDATE "FileBlob" SET data = ${new Uint8Array(Buffer.from("%PDF-1.7\nändrad\n"))} WHERE sha256 = ${saved.sha256}`;
    await expect(storage.get(saved.id)).rejects.toThrow(/content hash/);
  });

  it("answers null for an unknown file", async () => {
    expect(await storage.get("finns-inte")).toBeNull();
  });

  it("makes file names safe", () => {
    expect(safeFileName("../../etc/passwd")).toBe("_.._etc_passwd.pdf");
    expect(safeFileName('a"b<c>.pdf')).toBe("a_b_c_.pdf");
    expect(safeFileName("")).toBe("fil.pdf");
  });
});
