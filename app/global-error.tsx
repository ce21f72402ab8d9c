"use client";
import { useServiceUnavailable } from "@/components/layout/use-service-unavailable";

// The root layout itself failed (with a signed-in visitor it reads the database), so no message
// files are available here: Swedish first, English below. Trying again reloads the whole page.
export default function GlobalError(_: { error: Error & { digest?: string }; reset: () => void }) {
  const unavailable = useServiceUnavailable();
  return (
    <html lang="sv">
      <body
        style={{
          fontFamily: "system-ui, sans-serif",
          maxWidth: 640,
          margin: "4rem auto",
          padding: "0 1rem",
          lineHeight: 1.5,
        }}
      >
        <title>
          {unavailable ? "Tillfälligt otillgänglig – Samverka" : "Något gick fel – Samverka"}
        </title>
        <main data-testid={unavailable ? "service-unavailable" : "server-error"}>
          {unavailable ? (
            <>
              <h1>Tjänsten är tillfälligt otillgänglig</h1>
              <p>
                Vi kan inte nå våra uppgifter just nu. Det du har sparat finns kvar. Försök igen om
                en stund.
              </p>
              <p lang="en">
                The service is temporarily unavailable. We cannot reach our data at the moment.
                Anything you have saved is still there. Please try again in a moment.
              </p>
            </>
          ) : (
            <>
              <h1>Något gick fel hos oss</h1>
              <p>Det du har sparat finns kvar. Försök igen om en stund.</p>
              <p lang="en">
                Something went wrong on our side. What you have saved is kept. Please try again
                shortly.
              </p>
            </>
          )}
          <button type="button" onClick={() => window.location.reload()}>
            Försök igen
          </button>
        </main>
      </body>
    </html>
  );
}
