// Lets a script outside Next.js call the services: they start with `import "server-only"`, which
// throws anywhere but in React's server environment. Imported first, this resolves that marker to
// its empty module, as Next.js does on the server (and the tests do with an alias).
import { registerHooks } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

const empty = pathToFileURL(path.resolve("node_modules/server-only/empty.js")).href;

registerHooks({
  resolve: (specifier, context, nextResolve) =>
    specifier === "server-only"
      ? { url: empty, shortCircuit: true }
      : nextResolve(specifier, context),
});
