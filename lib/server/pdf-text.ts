// Text in the PDFs the product makes, for every name an applicant can have. No "server-only"
// marker: the seed renders the demo decision letters too.
//
// The PDF standard fonts encode only Latin-1, so a letter to "Kulturförening Şahin – مرحبا" could
// not be made. Instead each piece of text is set in the first font of a small stack that has a
// glyph for it, and the fonts are embedded (subset: only the glyphs used) through pdf-lib and
// fontkit. The fonts are files in npm packages, read from node_modules; nothing is downloaded.
//
// - Noto Sans: Latin, Greek, Cyrillic, Vietnamese – every Swedish text and most names.
// - DejaVu Sans: Arabic, Hebrew, Armenian, Georgian and many symbols. Its Arabic glyphs are the
//   Unicode presentation forms, so fontkit's shaping joins the letters (initial, medial, final,
//   lam-alef) and the text can still be copied and searched as the letters that were written.
//   Noto's Arabic fonts decompose letters into a dotless body and a separate dot, which a PDF
//   cannot map back to the letter.
// - Noto Emoji: emoji, in outline (a PDF has no colour fonts).
// - Anything none of them has (Chinese, for instance) is replaced by "�" (U+FFFD), visibly, so
//   rendering never throws and a reader sees that a character is missing.
//
// Right to left: a run of Arabic or Hebrew (with the spaces and punctuation inside it) is shaped
// and reversed by fontkit and drawn as one piece, in the order the runs come. That is right for a
// Swedish letter with a name or a phrase in Arabic; an Arabic paragraph with Latin words or digits
// inside it would need the full bidirectional algorithm, which this does not do. Text extraction
// (copy, search) gives the letters back in their written order, except the lam-alef ligature,
// which PDF.js-based viewers read back as alef-lam.
import { readFileSync } from "node:fs";
import path from "node:path";
import fontkit from "@foliojs-fork/fontkit";
import { rgb, type PDFDocument, type PDFFont, type PDFPage } from "pdf-lib";
import type { Font } from "pdf-lib/cjs/types/fontkit";

export type Weight = "regular" | "bold";

/** The font stack, in order of preference: files inside npm packages (see docs/dependencies.md). */
const STACK: readonly Record<Weight, string>[] = [
  {
    regular: "@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf",
    bold: "@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf",
  },
  {
    regular: "dejavu-fonts-ttf/ttf/DejaVuSans.ttf",
    bold: "dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf",
  },
  {
    regular: "@expo-google-fonts/noto-emoji/400Regular/NotoEmoji_400Regular.ttf",
    bold: "@expo-google-fonts/noto-emoji/700Bold/NotoEmoji_700Bold.ttf",
  },
];

/** Shown for a character that no font in the stack has. The first font has it. */
export const MISSING_GLYPH = "\uFFFD";

// A Buffer, not a bare Uint8Array: fontkit tells the font format by reading it as one.
type LoadedFont = { bytes: Buffer; font: Font };
const loaded = new Map<string, LoadedFont>();

// From the project's node_modules (the working directory of `next start`, the seed and the tests).
// serverExternalPackages keeps fontkit out of the bundle; the font files are only ever read here.
function load(file: string): LoadedFont {
  let entry = loaded.get(file);
  if (!entry) {
    const bytes = readFileSync(path.join(process.cwd(), "node_modules", file));
    entry = { bytes, font: rememberingLayouts(fontkit.create(bytes)) };
    loaded.set(file, entry);
  }
  return entry;
}

const LAYOUTS_KEPT = 20_000;

/**
 * Laying text out (shaping, kerning) is the costly part of making a PDF, and letters repeat the
 * same lines: the font keeps the layouts it has made (read only by pdf-lib: glyph ids and widths).
 */
function rememberingLayouts(font: Font): Font {
  const layout = font.layout.bind(font);
  const layouts = new Map<string, ReturnType<Font["layout"]>>();
  font.layout = (text, features) => {
    const key = features ? `${JSON.stringify(features)}\u0000${text}` : text;
    let run = layouts.get(key);
    if (!run) {
      if (layouts.size >= LAYOUTS_KEPT) layouts.clear();
      run = layout(text, features);
      layouts.set(key, run);
    }
    return run;
  };
  return font;
}

const fontOf = (index: number, weight: Weight) => load(STACK[index][weight]).font;

// pdf-lib parses a font's bytes again for every document that embeds it; a decision meeting makes
// hundreds of letters at once. Hand it the font already parsed for these bytes (a parsed font is
// only read: each embedding makes its own subset).
const parsedFontkit = {
  create(bytes: Uint8Array, postscriptName?: string) {
    for (const entry of loaded.values()) if (entry.bytes === bytes) return entry.font;
    return fontkit.create(bytes, postscriptName);
  },
};

/** Characters that take the font of the text around them: spaces and punctuation. */
const NEUTRAL = /^[\p{Zs}\p{P}]$/u;
/** Invisible characters that only steer the ones beside them (joiners, variation selectors, bidi marks). */
const IGNORABLE =
  /^[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFE00-\uFE0F\uFEFF\u{E0100}-\u{E01EF}]$/u;

export type Run = { font: number; text: string };

/**
 * Splits text into runs that each have one font of the stack: every character in the first font
 * that has it, spaces and punctuation with the text around them, and "�" where no font has one.
 */
export function textRuns(text: string, weight: Weight = "regular"): Run[] {
  const covers = (font: number, cp: number) => fontOf(font, weight).hasGlyphForCodePoint(cp);
  const chars: { ch: string; font: number | null }[] = [];
  for (const ch of text.normalize("NFC").replace(/\t/g, " ")) {
    const cp = ch.codePointAt(0)!;
    if (/^\p{Cc}$/u.test(ch)) continue;
    if (IGNORABLE.test(ch)) {
      const previous = chars.at(-1);
      if (previous?.font != null && covers(previous.font, cp))
        chars.push({ ch, font: previous.font });
      continue;
    }
    if (NEUTRAL.test(ch)) {
      chars.push({ ch, font: null });
      continue;
    }
    const font = STACK.findIndex((_, i) => covers(i, cp));
    chars.push(font < 0 ? { ch: MISSING_GLYPH, font: 0 } : { ch, font });
  }
  // A space or punctuation mark joins the run on both sides when they share a font (so an Arabic
  // phrase stays one right-to-left run), and otherwise the first font that has it.
  const after: (number | null)[] = [];
  for (let i = chars.length - 1, next: number | null = null; i >= 0; i--) {
    after[i] = next;
    if (chars[i].font !== null) next = chars[i].font;
  }
  let before: number | null = null;
  for (let i = 0; i < chars.length; i++) {
    if (chars[i].font !== null) {
      before = chars[i].font;
      continue;
    }
    const cp = chars[i].ch.codePointAt(0)!;
    if (before !== null && before === after[i] && covers(before, cp)) chars[i].font = before;
    else {
      const font = STACK.findIndex((_, f) => covers(f, cp));
      chars[i] = font < 0 ? { ch: MISSING_GLYPH, font: 0 } : { ch: chars[i].ch, font };
    }
  }
  const runs: Run[] = [];
  for (const { ch, font } of chars) {
    const last = runs.at(-1);
    if (last && last.font === font) last.text += ch;
    else runs.push({ font: font!, text: ch });
  }
  return runs;
}

// Measuring text lays it out (shaping, kerning), the costly part of making a letter. A piece of
// text measures the same in every document (the same font file), so its width at size 1 is kept
// here, for the words and lines that letters and protocols share.
const widths = new Map<string, number>();
const WIDTHS_KEPT = 50_000;

/** Writes text in one PDF document: embeds each font of the stack the first time it is needed. */
export class PdfText {
  private readonly fonts = new Map<string, Promise<PDFFont>>();

  constructor(private readonly pdf: PDFDocument) {
    pdf.registerFontkit(parsedFontkit);
  }

  private font(index: number, weight: Weight): Promise<PDFFont> {
    const key = `${index}:${weight}`;
    let font = this.fonts.get(key);
    if (!font) {
      font = this.pdf.embedFont(load(STACK[index][weight]).bytes, { subset: true });
      this.fonts.set(key, font);
    }
    return font;
  }

  /** The width of text at `size` points, as drawn. */
  async width(text: string, size: number, weight: Weight = "regular"): Promise<number> {
    const key = `${weight}\u0000${text}`;
    let unit = widths.get(key);
    if (unit === undefined) {
      unit = 0;
      for (const run of textRuns(text, weight))
        unit += (await this.font(run.font, weight)).widthOfTextAtSize(run.text, 1);
      if (widths.size >= WIDTHS_KEPT) widths.clear();
      widths.set(key, unit);
    }
    return unit * size;
  }

  /** Draws one line of text starting at (x, y). */
  async draw(
    page: PDFPage,
    text: string,
    options: { x: number; y: number; size: number; weight?: Weight },
  ): Promise<void> {
    const weight = options.weight ?? "regular";
    let x = options.x;
    for (const run of textRuns(text, weight)) {
      const font = await this.font(run.font, weight);
      page.drawText(run.text, {
        x,
        y: options.y,
        size: options.size,
        font,
        color: rgb(0.1, 0.1, 0.1),
      });
      x += font.widthOfTextAtSize(run.text, options.size);
    }
  }

  /** Breaks text into lines no wider than `width`: at spaces, and inside a word longer than a line. */
  async wrap(
    text: string,
    size: number,
    width: number,
    weight: Weight = "regular",
  ): Promise<string[]> {
    const lines: string[] = [];
    for (const paragraph of text.split(/\r?\n/)) {
      let line = "";
      // The line's width as the sum of its words and spaces: each word is measured once.
      let lineWidth = 0;
      const space = await this.width(" ", size, weight);
      for (const word of paragraph.split(/\s+/).filter(Boolean)) {
        const wordWidth = await this.width(word, size, weight);
        const candidate = line ? lineWidth + space + wordWidth : wordWidth;
        if (candidate <= width) {
          line = line ? `${line} ${word}` : word;
          lineWidth = candidate;
          continue;
        }
        if (line) lines.push(line);
        line = "";
        lineWidth = 0;
        for (const ch of word) {
          if (line && (await this.width(line + ch, size, weight)) > width) {
            lines.push(line);
            line = "";
          }
          line += ch;
        }
        lineWidth = await this.width(line, size, weight);
      }
      lines.push(line);
    }
    return lines;
  }
}
