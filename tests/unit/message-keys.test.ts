import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";

// Every text in the message files is used somewhere in the code, so that a removed page leaves no
// stale translations behind (and messages.test.ts checks that both files hold the same keys).
// A key counts as used when the code names it (or the part after a namespace the code opens with
// getTranslations/useTranslations) in a string, or builds it in a template such as
// `criteria.${c}.title` whose fixed parts match.

const root = path.resolve(__dirname, "../..");
type Tree = { [key: string]: unknown };

function leaves(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const name = prefix ? `${prefix}.${key}` : key;
    return value !== null && typeof value === "object" ? leaves(value as Tree, name) : [name];
  });
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (name === "generated" || name === "node_modules") return [];
    if (statSync(file).isDirectory()) return sources(file);
    return /\.tsx?$/.test(name) ? [file] : [];
  });
}

const code = ["app", "components", "lib"]
  .flatMap((dir) => sources(path.join(root, dir)))
  .map((file) => readFileSync(file, "utf8"))
  .join("\n");

const namespaces = new Set([
  "",
  ...[...code.matchAll(/(?:getTranslations|useTranslations)\(\s*"([^"]+)"/g)].map((m) => m[1]),
]);
const strings = new Set(
  [...code.matchAll(/"([^"\\\n]*)"|'([^'\\\n]*)'/g)].map((m) => m[1] ?? m[2]),
);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
// Templates with a fixed part that could name a key; `${a}` alone would match anything.
// Every stretch between two backticks, so that a template nested in another is seen too.
const templates = code
  .split("`")
  .filter((t) => t.includes("${"))
  .filter(
    (t) =>
      /[A-Za-z]/.test(t.replace(/\$\{[^}]*\}/g, "")) &&
      !/[\s/]/.test(t.replace(/\$\{[^}]*\}/g, "")),
  )
  .map(
    (t) =>
      new RegExp(
        `^${t
          .split(/\$\{[^}]*\}/)
          .map(escape)
          .join(".+")}$`,
      ),
  );

const used = (key: string) =>
  [...namespaces].some((ns) => {
    if (ns && !key.startsWith(`${ns}.`)) return false;
    const rest = ns ? key.slice(ns.length + 1) : key;
    return strings.has(rest) || templates.some((t) => t.test(rest));
  });

for (const locale of ["sv", "en"]) {
  it(`uses every key of messages/${locale}.json`, () => {
    const keys = leaves(
      JSON.parse(readFileSync(path.join(root, "messages", `${locale}.json`), "utf8")) as Tree,
    );
    const unused = keys.filter((k) => !used(k));
    expect(
      unused,
      `Keys in messages/${locale}.json that no code uses:\n${unused.join("\n")}`,
    ).toEqual([]);
  });
}
