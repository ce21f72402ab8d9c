"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";

/** Attach a PDF to a report (checked on the server by its content, at most 10 MB). */
export function AttachmentUpload({ reportId }: { reportId: string }) {
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  return (
    <form noValidate className={`mb-8 ${error ? "border-l-4 border-error pl-4" : ""}`} onSubmit={async (e) => {
      e.preventDefault();
      if (!file || pending) return setError(file ? null : "Välj en PDF-fil.");
      setPending(true);
      const body = new FormData();
      body.set("file", file);
      const response = await fetch(`/api/rapporter/${reportId}/bilagor`, { method: "POST", body });
      const result = (await response.json().catch(() => ({ ok: false, message: "Något gick fel hos oss. Försök igen." }))) as { ok: boolean; message?: string; errors?: Record<string, string> };
      setPending(false);
      if (!result.ok) return setError(result.errors?.file ?? result.message ?? "Filen kunde inte laddas upp.");
      setError(null);
      setFile(null);
      router.refresh();
    }}>
      <label htmlFor="attachment" className="block font-semibold">Bilaga (PDF, högst 10 MB) <span className="font-normal">(frivilligt)</span></label>
      {error ? <p id="attachment-error" className="font-semibold text-error">{error}</p> : null}
      <input id="attachment" type="file" accept="application/pdf,.pdf" aria-describedby={error ? "attachment-error" : undefined} onChange={(e) => setFile(e.target.files?.[0] ?? null)} className="mt-1 mb-3 block" />
      <Button type="submit" variant="secondary" disabled={pending}>Ladda upp bilagan</Button>
    </form>
  );
}
