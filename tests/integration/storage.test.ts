import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { safeFileName, storage } from "@/lib/server/storage";

describe("file storage in PostgreSQL", () => {
  it("stores a file with its SHA-256 and gives back the same bytes", async () => {
    const data = Buffer.from("%PDF-1.7\nAvsiktsförklaring\n%%EOF\n", "utf8");
    const saved = await storage.put({ data, contentType: "application/pdf", fileName: "avsiktsförklaring skärholmen.pdf" });
    expect(saved.sha256).toBe(createHash("sha256").update(data).digest("hex"));
    expect(saved.size).toBe(data.length);
    const read = await storage.get(saved.id);
    expect(read?.data.equals(data)).toBe(true);
    expect(read?.fileName).toBe("avsiktsförklaring skärholmen.pdf");
  });

  it("answers null for an unknown file", async () => {
    expect(await storage.get("finns-inte")).toBeNull();
  });

  it("makes file names safe", () => {
    expect(safeFileName("../../etc/passwd")).toBe("_.._etc_passwd");
    expect(safeFileName('a"b<c>.pdf')).toBe("a_b_c_.pdf");
    expect(safeFileName("")).toBe("fil");
  });
});
