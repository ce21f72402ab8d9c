// The one door to zod: importing z from here installs the Swedish error map (error-map.ts) in
// whichever bundle uses a schema, client or server, before any schema can be parsed. A direct
// value import of "zod" is refused by the linter (eslint.config.mjs).
import { z } from "zod";
import { pageLocale, zodErrorMessage } from "./error-map";

z.config({ customError: (issue) => zodErrorMessage(issue, pageLocale()) });

export { z };
