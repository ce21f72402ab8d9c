"use client";

// The root layout itself failed, so no message files are available here: Swedish first, English below.
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="sv">
      <body style={{ fontFamily: "system-ui, sans-serif", maxWidth: 640, margin: "4rem auto", padding: "0 1rem", lineHeight: 1.5 }}>
        <main>
          <h1>Något gick fel hos oss</h1>
          <p>Det du har sparat finns kvar. Försök igen om en stund.</p>
          <p lang="en">Something went wrong on our side. What you have saved is kept. Please try again shortly.</p>
          <button type="button" onClick={reset}>Försök igen</button>
        </main>
      </body>
    </html>
  );
}
