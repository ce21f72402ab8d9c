import "server-only";
import { createHash } from "node:crypto";
import { db, type Tx } from "./db";

// Uploaded files (letters of intent, report attachments, decision letters). By default they live
// in PostgreSQL, so one database backup holds everything; another backend (object storage) only
// has to implement FileStorage.
export type StoredFileInfo = { id: string; sha256: string; contentType: string; fileName: string; size: number };
export type FileContent = StoredFileInfo & { data: Buffer };

export interface FileStorage {
  put(file: { data: Buffer; contentType: string; fileName: string }, tx?: Tx): Promise<StoredFileInfo>;
  get(id: string): Promise<FileContent | null>;
}

export const sha256 = (data: Buffer) => createHash("sha256").update(data).digest("hex");

/** Keeps only safe characters of a file name (for storage and for Content-Disposition). */
export function safeFileName(name: string): string {
  const cleaned = name.normalize("NFC").replace(/[\\/:*?"<>|\u0000-\u001f]/g, "_").replace(/^\.+/, "").trim();
  return (cleaned || "fil").slice(0, 120);
}

export const postgresStorage: FileStorage = {
  async put({ data, contentType, fileName }, tx) {
    const client = tx ?? (db as unknown as Tx);
    const file = await client.storedFile.create({
      data: { data: new Uint8Array(data), contentType, fileName: safeFileName(fileName), size: data.length, sha256: sha256(data) },
      select: { id: true, sha256: true, contentType: true, fileName: true, size: true },
    });
    return file;
  },
  async get(id) {
    const file = await db.storedFile.findUnique({ where: { id } });
    return file ? { id: file.id, sha256: file.sha256, contentType: file.contentType, fileName: file.fileName, size: file.size, data: Buffer.from(file.data) } : null;
  },
};

export const storage: FileStorage = postgresStorage;
