import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Every locale in messages/ must mirror sv.json (the source language): same dotted keys, no empty
// text, valid ICU syntax, and every placeholder of the Swedish text kept in the translation.

type Tree = { [key: string]: unknown };
const dir = path.resolve(__dirname, "../../messages");
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".json"))
  .sort();
const load = (file: string) => JSON.parse(readFileSync(path.join(dir, file), "utf8")) as Tree;

/** Dotted key → value, for every leaf (non-object) in the tree. */
function flatten(tree: Tree, prefix = ""): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(tree)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === "object" && !Array.isArray(value))
      Object.assign(out, flatten(value as Tree, name));
    else out[name] = value;
  }
  return out;
}

const PLURALS = new Set(["plural", "selectordinal", "select"]);

/**
 * The argument names used in an ICU message (including those nested in plural/select arms).
 * Throws on syntax that intl-messageformat would reject: unbalanced braces, empty names,
 * plural/select without an `other` arm.
 */
function placeholders(message: string): Set<string> {
  const names = new Set<string>();
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`${why} at position ${i} in ${JSON.stringify(message)}`);
  };
  const skipSpace = () => {
    while (i < message.length && /\s/.test(message[i])) i++;
  };
  const readUntil = (stops: string) => {
    const start = i;
    while (i < message.length && !stops.includes(message[i])) i++;
    return message.slice(start, i).trim();
  };

  // Message text up to an unmatched "}" (nested) or the end (top level).
  const text = (nested: boolean, inPlural: boolean) => {
    while (i < message.length) {
      const c = message[i];
      if (c === "'") {
        const next = message[i + 1];
        if (next === "'") i += 2;
        else if (next === "{" || next === "}" || (inPlural && next === "#")) {
          const close = message.indexOf("'", i + 1);
          if (close < 0) fail("unterminated quote");
          i = close + 1;
        } else i++;
      } else if (c === "{") {
        i++;
        argument();
      } else if (c === "}") {
        if (!nested) fail("unexpected }");
        return;
      } else i++;
    }
    if (nested) fail("missing }");
  };

  // After "{": name [, type [, style | arms]] "}".
  const argument = () => {
    const name = readUntil(",}");
    if (!/^[\p{L}\p{N}_]+$/u.test(name)) fail(`bad argument name ${JSON.stringify(name)}`);
    names.add(name);
    if (message[i] === "}") return void i++;
    if (i >= message.length) fail("missing }");
    i++; // ","
    const type = readUntil(",}");
    if (!type) fail("empty argument type");
    if (message[i] === "}") return void i++;
    if (i >= message.length) fail("missing }");
    i++; // ","
    if (!PLURALS.has(type)) {
      // number/date/time style or skeleton: skip to the matching "}".
      let depth = 1;
      while (i < message.length && depth > 0) {
        if (message[i] === "{") depth++;
        else if (message[i] === "}") depth--;
        i++;
      }
      if (depth > 0) fail("missing }");
      return;
    }
    const arms = new Set<string>();
    for (;;) {
      skipSpace();
      if (message[i] === "}") break;
      if (i >= message.length) fail("missing }");
      if (type !== "select" && message.startsWith("offset:", i)) {
        i += "offset:".length;
        skipSpace();
        readUntil(" \t\n{}");
        continue;
      }
      const selector = readUntil(" \t\n{}");
      if (!selector) fail("missing selector");
      skipSpace();
      if (message[i] !== "{") fail(`missing message for ${selector}`);
      i++;
      text(true, type !== "select");
      i++; // "}"
      arms.add(selector);
    }
    if (!arms.has("other")) fail(`${type} without an "other" arm`);
    i++; // "}"
  };

  text(false, false);
  return names;
}

const swedish = flatten(load("sv.json"));

it("finds sv.json and at least one other locale", () => {
  expect(files).toContain("sv.json");
  expect(files.length).toBeGreaterThan(1);
});

describe.each(files)("%s", (file) => {
  const messages = flatten(load(file));

  it("has exactly the keys of sv.json", () => {
    const missing = Object.keys(swedish).filter((k) => !(k in messages));
    const extra = Object.keys(messages).filter((k) => !(k in swedish));
    expect(
      missing.length + extra.length,
      `${file} differs from sv.json.\nMissing keys: ${missing.join(", ") || "none"}\nExtra keys: ${extra.join(", ") || "none"}`,
    ).toBe(0);
  });

  it("has no empty or non-text values", () => {
    const bad = Object.entries(messages)
      .filter(([, value]) => typeof value !== "string" || value.trim() === "")
      .map(([key, value]) => `${key} = ${JSON.stringify(value)}`);
    expect(bad, `${file} has empty or non-text values:\n${bad.join("\n")}`).toEqual([]);
  });

  it("has valid ICU message syntax", () => {
    const bad: string[] = [];
    for (const [key, value] of Object.entries(messages)) {
      if (typeof value !== "string") continue;
      try {
        placeholders(value);
      } catch (error) {
        bad.push(`${key}: ${(error as Error).message}`);
      }
    }
    expect(bad, `${file} has invalid ICU messages:\n${bad.join("\n")}`).toEqual([]);
  });

  // Compared with itself Swedish trivially keeps its placeholders, so the check runs for the others.
  if (file !== "sv.json")
    it("keeps every placeholder of the Swedish text", () => {
      const lost: string[] = [];
      for (const [key, source] of Object.entries(swedish)) {
        const target = messages[key];
        if (typeof source !== "string" || typeof target !== "string") continue;
        let wanted: Set<string>, found: Set<string>;
        try {
          wanted = placeholders(source);
          found = placeholders(target);
        } catch {
          continue; // reported by the syntax test
        }
        for (const name of wanted) if (!found.has(name)) lost.push(`${key}: {${name}}`);
        for (const name of found)
          if (!wanted.has(name)) lost.push(`${key}: {${name}} is not in the Swedish text`);
      }
      expect(
        lost,
        `${file} does not match the placeholders of sv.json:\n${lost.join("\n")}`,
      ).toEqual([]);
    });
});

describe("the placeholder reader", () => {
  it("reads simple, nested and plural arguments", () => {
    expect([...placeholders("Inloggad som {name}")]).toEqual(["name"]);
    expect(
      [...placeholders("Totalt {count, plural, one {# bidrag} other {# bidrag}}, {amount}")].sort(),
    ).toEqual(["amount", "count"]);
    expect([...placeholders("{n, plural, other {{who} och # till}}")].sort()).toEqual(["n", "who"]);
    expect([...placeholders("Don't '{'literal'}' {x, number, ::currency/SEK}")]).toEqual(["x"]);
  });

  it("rejects broken syntax", () => {
    expect(() => placeholders("Hej {name")).toThrow();
    expect(() => placeholders("Hej name}")).toThrow();
    expect(() => placeholders("{count, plural, one {# st}}")).toThrow(/other/);
    expect(() => placeholders("{}")).toThrow();
  });
});
