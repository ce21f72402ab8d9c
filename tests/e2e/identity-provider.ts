// A real OpenID Connect provider (oidc-provider, the maintained certified implementation) that the
// end-to-end tests start themselves, standing in for an e-legitimation broker (BankID, Freja eID).
// Its sign-in page asks for a personal identity number, as a broker's test environment does.
import http from "node:http";
import { randomBytes } from "node:crypto";
import Provider, { type KoaContextWithOIDC } from "oidc-provider";

export type Person = {
  name: string;
  given_name: string;
  family_name: string;
  email?: string;
  email_verified?: boolean;
};

const page = (
  title: string,
  body: string,
) => `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>${title}</title></head>
<body><main><h1>${title}</h1>${body}</main></body></html>`;

export async function startIdentityProvider(options: {
  port: number;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  people: Record<string, Person>;
}) {
  const issuer = `http://localhost:${options.port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        redirect_uris: [options.redirectUri],
        response_types: ["code"],
        grant_types: ["authorization_code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    claims: {
      openid: ["sub"],
      profile: ["name", "given_name", "family_name"],
      email: ["email", "email_verified"],
    },
    conformIdTokenClaims: false,
    cookies: { keys: [randomBytes(16).toString("hex")] },
    features: { devInteractions: { enabled: false } },
    interactions: {
      url: (_ctx: KoaContextWithOIDC, interaction: { uid: string }) =>
        `/interaction/${interaction.uid}`,
    },
    findAccount(_ctx: KoaContextWithOIDC, sub: string) {
      const person = options.people[sub];
      return person ? { accountId: sub, claims: () => ({ sub, ...person }) } : undefined;
    },
    // The relying party is first-party: no consent screen.
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const grantId =
        ctx.oidc.result?.consent?.grantId ||
        ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client!.clientId,
        accountId: ctx.oidc.session!.accountId!,
      });
      grant.addOIDCScope("openid profile email");
      await grant.save();
      return grant;
    },
  });
  const callback = provider.callback();
  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const match = /^\/interaction\/([^/?]+)(\/login)?/.exec(req.url ?? "");
    if (!match) return callback(req, res);
    try {
      if (match[2] && req.method === "POST") {
        let body = "";
        for await (const chunk of req) body += chunk;
        const pnr = new URLSearchParams(body).get("pnr")?.replace(/\D/g, "") ?? "";
        if (!options.people[pnr]) {
          res
            .writeHead(400, { "content-type": "text/html; charset=utf-8" })
            .end(page("Okänd legitimation", "<p>Personnumret finns inte i testmiljön.</p>"));
          return;
        }
        await provider.interactionFinished(
          req,
          res,
          { login: { accountId: pnr } },
          { mergeWithLastSubmission: false },
        );
        return;
      }
      const details = await provider.interactionDetails(req, res);
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(
        page(
          "Legitimera dig (test)",
          `
        <form method="post" action="/interaction/${details.uid}/login">
          <label for="pnr">Personnummer</label>
          <input id="pnr" name="pnr" autocomplete="off">
          <button type="submit">Legitimera</button>
        </form>`,
        ),
      );
    } catch (error) {
      res.writeHead(500, { "content-type": "text/plain" }).end(String(error));
    }
  };
  const server = http.createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(options.port, "127.0.0.1", resolve));
  return { issuer, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
