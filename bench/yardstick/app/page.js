import { headers } from "next/headers";

// A dynamic page (it reads the request's headers, as the nonce requires) with a 25-row table.
export default async function Page() {
  const nonce = (await headers()).get("x-nonce");
  const rows = Array.from({ length: 25 }, (_, i) => ({
    id: `2030/${String(i + 1).padStart(6, "0")}`,
    title: `Läxhjälp för barn i område ${i + 1}`,
    organisation: `Föreningen Gemenskap ${i + 1}`,
    amount: 50_000 + ((i * 7919) % 2_000_000),
  }));
  return (
    <main data-nonce={nonce ? "yes" : "no"}>
      <h1>Ansökningar</h1>
      <table>
        <thead>
          <tr>
            <th>Diarienummer</th>
            <th>Titel</th>
            <th>Organisation</th>
            <th>Belopp</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>{r.id}</td>
              <td>{r.title}</td>
              <td>{r.organisation}</td>
              <td>{r.amount.toLocaleString("sv-SE")} kr</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
