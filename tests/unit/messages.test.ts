import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

type Tree = { [key: string]: string | Tree };
const dir = path.resolve("messages");
const load = (file: string) => JSON.parse(readFileSync(path.join(dir, file), "utf8")) as Tree;
const flatten = (tree: Tree, prefix = ""): Record<string, string> =>
  Object.entries(tree).reduce<Record<string, string>>((out, [key, value]) => {
    const name = prefix ? `${prefix}.${key}` : key;
    return typeof value === "string" ? { ...out, [name]: value } : { ...out, ...flatten(value, name) };
  }, {});
const placeholders = (text: string) => new Set([...text.matchAll(/\{\s*(\w+)\s*[,}]/g)].map((m) => m[1]));

const swedish = flatten(load("sv.json"));

describe.each(readdirSync(dir).filter((f) => f.endsWith(".json") && f !== "sv.json"))("%s", (file) => {
  const other = flatten(load(file));
  it("has exactly the keys of sv.json", () => {
    const missing = Object.keys(swedish).filter((k) => !(k in other));
    const extra = Object.keys(other).filter((k) => !(k in swedish));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });
  it("has no empty text and keeps every placeholder", () => {
    for (const [key, text] of Object.entries(swedish)) {
      expect(other[key]?.trim(), key).toBeTruthy();
      for (const name of placeholders(text)) expect(placeholders(other[key] ?? ""), `${key}: {${name}}`).toContain(name);
    }
  });
});

it("Swedish has no empty text", () => {
  for (const [key, text] of Object.entries(swedish)) expect(text.trim(), key).toBeTruthy();
});
