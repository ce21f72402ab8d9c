"use client";
import { useState } from "react";
import { confirmLetterAction, declineLetterAction } from "@/app/(public)/avsiktsforklaring/[token]/actions";
import { Button } from "@/components/ui/button";
import { Checkbox, Input, TextArea } from "@/components/ui/form";
import { ErrorSummary } from "@/components/ui/error-summary";

export function PartnerAnswer({ token }: { token: string }) {
  const [mode, setMode] = useState<"confirm" | "decline">("confirm");
  const [signedBy, setSignedBy] = useState("");
  const [confirm, setConfirm] = useState(false);
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<null | "confirmed" | "declined">(null);
  const [pending, setPending] = useState(false);

  async function send() {
    if (pending) return;
    setPending(true);
    const result = mode === "confirm" ? await confirmLetterAction(token, { signedBy, confirm }) : await declineLetterAction(token, { reason });
    setPending(false);
    if (!result.ok) return setErrors(Object.keys(result.errors).length ? result.errors : { form: result.message });
    setDone(mode === "confirm" ? "confirmed" : "declined");
  }

  if (done) {
    return (
      <div role="status" className="border-l-4 border-success bg-[#e6f2ec] p-4" data-testid="partner-done">
        <h2 className="text-xl font-bold">{done === "confirmed" ? "Tack! Avsiktsförklaringen är bekräftad." : "Tack! Vi har meddelat att ni avböjer."}</h2>
        <p className="mt-2">Den som sökt bidraget har fått besked. Länken kan inte användas igen.</p>
      </div>
    );
  }
  const items = Object.entries(errors).map(([k, message]) => ({ fieldId: k === "form" ? "answer" : k, message }));
  return (
    <form id="answer" noValidate onSubmit={(e) => { e.preventDefault(); void send(); }}>
      <ErrorSummary title="Det finns fel i formuläret" items={items} />
      <fieldset className="mb-6">
        <legend className="text-lg font-semibold">Vad vill du göra?</legend>
        {(["confirm", "decline"] as const).map((m) => (
          <div key={m} className="mb-2 flex items-center gap-3">
            <input type="radio" id={`mode-${m}`} name="mode" checked={mode === m} onChange={() => { setMode(m); setErrors({}); }} className="h-6 w-6" />
            <label htmlFor={`mode-${m}`}>{m === "confirm" ? "Bekräfta avsiktsförklaringen" : "Avböja"}</label>
          </div>
        ))}
      </fieldset>
      {mode === "confirm" ? (
        <>
          <Input id="signedBy" label="Ditt namn och din titel" hint="Till exempel Anna Andersson, avdelningschef." autoComplete="name" value={signedBy} onChange={setSignedBy} error={errors.signedBy} />
          <Checkbox id="confirm" label="Jag bekräftar att vi avser att delta i projektet på det sätt som beskrivs ovan, och att jag har rätt att företräda organisationen." checked={confirm} onChange={setConfirm} error={errors.confirm} />
          <Button type="submit" disabled={pending}>Bekräfta</Button>
        </>
      ) : (
        <>
          <TextArea id="reason" label="Varför avböjer ni?" hint="Den som har sökt bidraget får se ert svar." rows={4} value={reason} onChange={setReason} error={errors.reason} />
          <Button type="submit" variant="warning" disabled={pending}>Avböj</Button>
        </>
      )}
    </form>
  );
}
