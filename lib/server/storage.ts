import "server-only";
import { createHash } from "node:crypto";
import { db, type Tx } from "./db";
import { Prisma } from "@/lib/generated/prisma/client";

// Uploaded files (letters of intent, report attachments, decision letters). The bytes are stored
// under their SHA-256 (FileBlob: the same content is kept once, and a key never points at other
// bytes); StoredFile keeps the name and type the user gave. By default both live in PostgreSQL, so
// one database backup holds everything; another backend (object storage keyed by the same hash,
// see docs/operations/several-instances.md) only has to implement FileStorage.
type StoredFileInfo = {
  id: string;
  sha256: string;
  contentType: string;
  fileName: string;
  size: number;
};
export type FileContent = StoredFileInfo & { data: Buffer };

export interface FileStorage {
  put(
    file: { data: Buffer; contentType: string; fileName: string },
    tx?: Tx,
  ): Promise<StoredFileInfo>;
  /** Stores several files at once (a decision meeting's letters), answering them in the same order. */
  putMany(
    files: { data: Buffer; contentType: string; fileName: string }[],
    tx?: Tx,
  ): Promise<StoredFileInfo[]>;
  get(id: string): Promise<FileContent | null>;
}

const sha256 = (data: Buffer) => createHash("sha256").update(data).digest("hex");

/**
 * Keeps only safe characters of a file name (for storage and for Content-Disposition), and always
 * ends it in ".pdf": every stored file is a PDF (uploads are checked by content), so a crafted name
 * such as "rapport.pdf.html" is stored and downloaded as "rapport.pdf", never as HTML.
 */
export function safeFileName(name: string): string {
  const cleaned = name
    .normalize("NFC")
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, "_")
    .replace(/^\.+/, "")
    .trim();
  const base = cleaned
    .replace(/\.[\p{L}\p{N}]{1,12}$/u, "")
    .replace(/\.pdf$/i, "")
    .replace(/[.\s]+$/, "");
  return `${(base || "fil").slice(0, 116)}.pdf`;
}

const postgresStorage: FileStorage = {
  async put({ data, contentType, fileName }, tx) {
    const client = tx ?? db;
    const hash = sha256(data);
    // Content-addressed: a second upload of the same bytes reuses the blob (no race: ON CONFLICT).
    await client.$executeRaw`INSERT INTO "FileBlob" ("sha256", "data", "size") VALUES (${hash}, ${new Uint8Array(data)}, ${data.length}) ON CONFLICT ("sha256") DO NOTHING`;
    return client.storedFile.create({
      data: { sha256: hash, contentType, fileName: safeFileName(fileName), size: data.length },
      select: { id: true, sha256: true, contentType: true, fileName: true, size: true },
    });
  },
  async putMany(files, tx) {
    if (!files.length) return [];
    const client = tx ?? db;
    const rows = files.map((f) => ({
      sha256: sha256(f.data),
      contentType: f.contentType,
      fileName: safeFileName(f.fileName),
      size: f.data.length,
    }));
    await client.$executeRaw`INSERT INTO "FileBlob" ("sha256", "data", "size") VALUES ${Prisma.join(
      files.map(
        (f, i) => Prisma.sql`(${rows[i].sha256}, ${new Uint8Array(f.data)}, ${f.data.length})`,
      ),
    )} ON CONFLICT ("sha256") DO NOTHING`;
    const created = await client.storedFile.createManyAndReturn({
      data: rows,
      select: { id: true, sha256: true, contentType: true, fileName: true, size: true },
    });
    // The answer in the order of `files` (the database does not promise the order it returns).
    const unused = [...created];
    return rows.map((r) => {
      const at = unused.findIndex((c) => c.sha256 === r.sha256 && c.fileName === r.fileName);
      return unused.splice(at, 1)[0];
    });
  },
  async get(id) {
    const file = await db.storedFile.findUnique({
      where: { id },
      include: { blob: { select: { data: true } } },
    });
    if (!file) return null;
    const data = Buffer.from(file.blob.data);
    // The key is the hash: bytes that no longer match it are never served.
    if (sha256(data) !== file.sha256)
      throw new Error(`stored file ${id} does not match its content hash`);
    return {
      id: file.id,
      sha256: file.sha256,
      contentType: file.contentType,
      fileName: file.fileName,
      size: file.size,
      data,
    };
  },
};

export const storage: FileStorage = postgresStorage;
