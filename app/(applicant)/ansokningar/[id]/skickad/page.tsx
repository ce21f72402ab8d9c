import Link from "next/link";
import { requirePageRole } from "@/lib/server/actor";
import { getForApplicant } from "@/lib/server/applications";
import { orNotFound } from "@/lib/server/page";

export const metadata = { title: "Ansökan är inskickad" };

export default async function SubmittedPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageRole(["APPLICANT"]);
  const app = await orNotFound(getForApplicant(actor, id));
  const completed = app.versions.at(-1)?.reason === "COMPLEMENT";
  return (
    <div className="max-w-2xl">
      <div className="mb-8 bg-success p-6 text-center text-white" data-testid="confirmation">
        <h1 className="text-3xl font-bold">{completed ? "Kompletteringen är inskickad" : "Ansökan är inskickad"}</h1>
        <p className="mt-3 text-xl">Ert diarienummer är<br /><strong className="text-2xl" data-testid="confirmation-reference">{app.referenceNumber}</strong></p>
      </div>
      <p className="mb-4">Vi har skickat en bekräftelse till {actor.email}.</p>
      <h2 className="mb-2 text-2xl font-bold">Vad händer nu?</h2>
      <ol className="mb-6 list-decimal space-y-2 pl-6">
        <li>En handläggare kontrollerar först att ansökan uppfyller de formella kraven.</li>
        <li>Sedan bedöms hur väl projektet svarar mot syftet med bidraget. Ansökningar som visar stöd från kommunen prioriteras.</li>
        <li>Om något saknas får du ett mejl med en begäran om komplettering – då behöver vi mer information från dig.</li>
        <li>Beslutet kommer efter att utlysningen har stängt. Du kan alltid se var ansökan är på sidan för ansökan.</li>
      </ol>
      <p><Link href={`/ansokningar/${id}`}>Gå till ansökan</Link> · <Link href="/ansokningar">Mina ansökningar</Link></p>
    </div>
  );
}
