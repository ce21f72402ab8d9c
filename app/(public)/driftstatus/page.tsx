import { connection } from "next/server";
import { PageHeading } from "@/components/ui/page-heading";
import { formatDateTime } from "@/lib/domain/format";

export const metadata = { title: "Driftstatus" };

/**
 * That the web service answers, rendered anew on every request without touching the database.
 * Also the yardstick of `npm run bench`: the framework's and the layout's own cost of a page.
 * (Whether the database answers: /api/health.)
 */
export default async function StatusPage() {
  await connection();
  return (
    <>
      <PageHeading title="Driftstatus" lead="Webbtjänsten svarar." />
      <p>
        Kontrollerad {formatDateTime(new Date())}. Om något inte fungerar, kontakta
        registrator@samverka.example.
      </p>
    </>
  );
}
