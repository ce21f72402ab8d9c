import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { addReportAttachment, grantForOfficer, reportAttachmentFile } from "@/lib/server/follow-up";
import { fileResponse } from "@/lib/server/file-response";
import { makeApprovedGrant } from "../factories";

// Uploads are PDF only (checked by content); a PDF/HTML polyglot with a crafted name must still
// download as a .pdf, as application/pdf, never sniffed.

const approvedGrant = () => makeApprovedGrant();

/** A valid PDF (by its magic bytes) with an HTML page inside: a PDF/HTML polyglot. */
const polyglot = Buffer.from(
  "%PDF-1.4\n<html><body><script>alert(document.cookie)</script></body></html>\n%%EOF\n",
  "utf8",
);

describe("a stored file downloads as a PDF, whatever its name", () => {
  it.each(["x.html", "rapport.pdf.html", "rapport%2ehtml", "bild.svg", "..\\evil.htm"])(
    "%s is stored and served with a .pdf name as application/pdf",
    async (name) => {
      const { applicant, officer, id } = await approvedGrant();
      const progress = (await grantForOfficer(officer, id)).reports[0];
      await addReportAttachment(applicant, progress.id, polyglot, name);
      const { fileId } = await db.reportAttachment.findFirstOrThrow({
        where: { reportId: progress.id },
      });
      const file = await reportAttachmentFile(officer, progress.id, fileId);
      expect(file.fileName).toMatch(/\.pdf$/);
      expect(file.fileName).not.toMatch(/\.html?\b|\.svg\b/i);
      const response = fileResponse(file, "bilaga.pdf");
      expect(response.headers.get("content-type")).toBe("application/pdf");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      const disposition = response.headers.get("content-disposition")!;
      expect(disposition).toMatch(/^attachment; filename="bilaga\.pdf"; filename\*=UTF-8''/);
      const utf8Name = decodeURIComponent(disposition.split("filename*=UTF-8''")[1]);
      expect(utf8Name).toMatch(/\.pdf$/);
      expect(utf8Name).toBe(file.fileName);
    },
  );

  it("serves an old stored file with another name or type as a .pdf too", () => {
    const response = fileResponse({ data: polyglot, fileName: "gammal.html" }, "bilaga.pdf");
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toContain("filename*=UTF-8''gammal.pdf");
  });
});
