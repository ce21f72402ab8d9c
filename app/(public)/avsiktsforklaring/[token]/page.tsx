import { findLetterLink } from "@/lib/server/letters";
import { formatDate } from "@/lib/domain/format";
import { PartnerAnswer } from "@/components/wizard/partner-answer";

export const dynamic = "force-dynamic";
export const metadata = { title: "Avsiktsförklaring", robots: { index: false } };

const REFUSED = {
  unknown: ["Länken finns inte", "Kontrollera att du har kopierat hela adressen från mejlet."],
  used: ["Länken har redan använts", "Avsiktsförklaringen är redan besvarad, eller så har en ny länk skickats. Kontakta den som har sökt bidraget om du behöver en ny länk."],
  expired: ["Länken har gått ut", "Länkar till avsiktsförklaringar gäller i 14 dagar. Be den som har sökt bidraget att skicka en ny länk."],
} as const;

export default async function PartnerLetterPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await findLetterLink(token);
  if (link.state !== "valid") {
    const [title, text] = REFUSED[link.state];
    return (
      <div className="max-w-2xl" data-testid="link-refused">
        <h1 className="text-3xl font-bold">{title}</h1>
        <p className="mt-4 text-lg">{text}</p>
      </div>
    );
  }
  return (
    <div className="max-w-3xl">
      <h1 className="text-3xl font-bold">Avsiktsförklaring</h1>
      <p className="mt-2 text-lg text-muted">{link.organisation} söker statsbidrag från Delegationen mot segregation och har angett {link.partner} som partner. Läs igenom och svara.</p>
      <dl className="my-8 divide-y divide-line border-y border-line">
        {[
          ["Projekt", link.title],
          ["Sökande organisation", link.organisation],
          ["Partner", link.partner],
          ["Partnerns roll", link.role],
          ["Aktiviteter", link.activities || "–"],
          ["Kompetens som partnern bidrar med", link.competences],
          ["Resurser som partnern bidrar med", link.resources],
          ["Period", link.from && link.to ? `${formatDate(link.from)} – ${formatDate(link.to)}` : "–"],
        ].map(([label, value]) => (
          <div key={label} className="grid gap-2 py-3 sm:grid-cols-[1fr_2fr]">
            <dt className="font-semibold">{label}</dt>
            <dd className="whitespace-pre-line">{value}</dd>
          </div>
        ))}
      </dl>
      <PartnerAnswer token={token} />
    </div>
  );
}
