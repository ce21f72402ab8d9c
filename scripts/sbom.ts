// `npm run sbom`: a CycloneDX SBOM of what the app runs with (no dev dependencies) in sbom.cdx.json
// (git-ignored), made by `npm sbom` from node_modules and package-lock.json (no network), then
// checked: valid JSON, bomFormat CycloneDX with a specVersion, every component with name, version
// and purl, and every direct dependency of package.json there in its installed version.
// `npm test` runs it (scripts/test.ts). Exits non-zero if the SBOM is missing something.
import { spawn } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";

const OUT = path.resolve("sbom.cdx.json");
const log = (message: string) => console.log(`[sbom] ${message}`);

type Component = {
  "bom-ref"?: string;
  name?: string;
  group?: string;
  version?: string;
  purl?: string;
  properties?: { name: string; value: string }[];
};
type Bom = {
  bomFormat?: string;
  specVersion?: string;
  metadata?: { component?: Component };
  components?: Component[];
  dependencies?: { ref: string; dependsOn?: string[] }[];
};

// `npm sbom --omit dev` (npm 11.19) also drops runtime packages that a dev package needs too (here
// zod and tsx), so the whole tree is listed and the components npm marks as development-only are
// left out here.
const isDev = (c: Component) =>
  c.properties?.some((p) => p.name === "cdx:npm:package:development" && p.value === "true");

function withoutDev(bom: Bom): Bom {
  const components = (bom.components ?? []).filter((c) => !isDev(c));
  const kept = new Set(components.map((c) => c["bom-ref"]));
  kept.add(bom.metadata?.component?.["bom-ref"]);
  const dependencies = bom.dependencies
    ?.filter((d) => kept.has(d.ref))
    .map((d) => ({ ...d, dependsOn: d.dependsOn?.filter((ref) => kept.has(ref)) }));
  return { ...bom, components, dependencies };
}

function npmSbom(): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["sbom", "--sbom-format", "cyclonedx"], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve(out) : reject(new Error(`npm sbom avslutades med ${code}`)),
    );
  });
}

/** What is wrong with the SBOM (empty when nothing). */
function problems(bom: Bom, direct: Record<string, string>, installed: Map<string, string>) {
  const found: string[] = [];
  if (bom.bomFormat !== "CycloneDX") found.push(`bomFormat är ${bom.bomFormat}, inte CycloneDX`);
  if (!bom.specVersion || !/^1\.\d+$/.test(bom.specVersion))
    found.push(`specVersion saknas eller är okänd (${bom.specVersion})`);
  const components = bom.components ?? [];
  if (!components.length) found.push("inga komponenter");
  for (const c of components) {
    if (!c.name || !c.version || !c.purl?.startsWith("pkg:npm/"))
      found.push(`komponent utan namn, version eller purl: ${JSON.stringify(c).slice(0, 120)}`);
  }
  const byName = new Map<string, Set<string>>();
  for (const c of components) {
    const name = c.group ? `${c.group}/${c.name}` : c.name!;
    byName.set(name, (byName.get(name) ?? new Set()).add(c.version!));
  }
  for (const name of Object.keys(direct)) {
    const version = installed.get(name);
    if (!version) continue; // an optional dependency that is not for this platform
    if (!byName.get(name)?.has(version)) found.push(`direkt beroende saknas: ${name}@${version}`);
  }
  return found;
}

async function main() {
  const pkg = JSON.parse(await readFile("package.json", "utf8")) as {
    dependencies?: Record<string, string>;
    optionalDependencies?: Record<string, string>;
  };
  const lock = JSON.parse(await readFile("package-lock.json", "utf8")) as {
    packages: Record<string, { version?: string }>;
  };
  const direct = { ...pkg.dependencies, ...pkg.optionalDependencies };
  const installed = new Map<string, string>();
  for (const name of Object.keys(direct)) {
    const version = lock.packages[`node_modules/${name}`]?.version;
    if (version) installed.set(name, version);
  }

  let bom: Bom;
  try {
    bom = withoutDev(JSON.parse(await npmSbom()) as Bom);
  } catch (error) {
    throw new Error(`npm sbom gav inte giltig JSON: ${String(error)}`);
  }
  await writeFile(OUT, `${JSON.stringify(bom, null, 2)}\n`);
  // What a consumer of the file reads: parsed again from disk.
  bom = JSON.parse(await readFile(OUT, "utf8")) as Bom;
  const found = problems(bom, direct, installed);
  if (found.length) {
    console.error(`[sbom] MISSLYCKADES: ${found.length} fel i ${path.basename(OUT)}`);
    for (const problem of found) console.error(`  - ${problem}`);
    process.exit(1);
  }
  log(
    `${path.basename(OUT)}: CycloneDX ${bom.specVersion}, ${bom.components!.length} komponenter, alla ${installed.size} direkta beroenden med`,
  );
}

main().catch((error) => {
  console.error(`[sbom] MISSLYCKADES: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
