import "server-only";
import { PDFDocument, rgb, type PDFPage } from "pdf-lib";
import { PdfText, type Weight } from "../pdf-text";

// A landscape A4 document of headings, paragraphs and one table, for the decision meeting's
// protocol and its decision basis. Text through lib/server/pdf-text.ts: every name in any script.

const WIDTH = 842;
const HEIGHT = 595;
const MARGIN = 40;
const BOTTOM = 50;

export type Column = { title: string; width: number; align?: "left" | "right" };

export class PdfReport {
  private page: PDFPage;
  private y = HEIGHT - MARGIN;
  private constructor(
    private readonly pdf: PDFDocument,
    private readonly text: PdfText,
  ) {
    this.page = pdf.addPage([WIDTH, HEIGHT]);
  }

  static async create(title: string) {
    const pdf = await PDFDocument.create();
    pdf.setTitle(title);
    pdf.setAuthor("Delegationen mot segregation");
    pdf.setLanguage("sv-SE");
    return new PdfReport(pdf, new PdfText(pdf));
  }

  private newPage() {
    this.page = this.pdf.addPage([WIDTH, HEIGHT]);
    this.y = HEIGHT - MARGIN;
  }

  /** A paragraph across the page. */
  async write(content: string, options: { weight?: Weight; size?: number; gap?: number } = {}) {
    const size = options.size ?? 10;
    for (const line of await this.text.wrap(content, size, WIDTH - 2 * MARGIN, options.weight)) {
      if (this.y < BOTTOM) this.newPage();
      await this.text.draw(this.page, line, {
        x: MARGIN,
        y: this.y,
        size,
        weight: options.weight,
      });
      this.y -= size * 1.4;
    }
    this.y -= options.gap ?? 3;
  }

  private async row(cells: string[], columns: Column[], weight: Weight, size: number) {
    const wrapped = await Promise.all(
      cells.map((c, i) => this.text.wrap(c, size, columns[i].width - 6, weight)),
    );
    const height = Math.max(...wrapped.map((w) => w.length)) * size * 1.3 + 4;
    if (this.y - height < BOTTOM) return false;
    let x = MARGIN;
    for (const [i, lines] of wrapped.entries()) {
      let y = this.y - size;
      for (const line of lines) {
        const right = columns[i].align === "right";
        const offset = right
          ? columns[i].width - 6 - (await this.text.width(line, size, weight))
          : 0;
        await this.text.draw(this.page, line, { x: x + offset, y, size, weight });
        y -= size * 1.3;
      }
      x += columns[i].width;
    }
    this.y -= height;
    this.page.drawLine({
      start: { x: MARGIN, y: this.y + 1 },
      end: { x: WIDTH - MARGIN, y: this.y + 1 },
      thickness: 0.4,
      color: rgb(0.7, 0.7, 0.7),
    });
    return true;
  }

  /** A table; the header row is repeated on every page. `marks` draws a full-width line of text before a row. */
  async table(columns: Column[], rows: string[][], marks: Map<number, string> = new Map()) {
    const size = 8.5;
    const header = async () => {
      if (
        !(await this.row(
          columns.map((c) => c.title),
          columns,
          "bold",
          size,
        ))
      ) {
        this.newPage();
        await this.row(
          columns.map((c) => c.title),
          columns,
          "bold",
          size,
        );
      }
    };
    await header();
    for (const [index, cells] of rows.entries()) {
      const mark = marks.get(index);
      if (mark) {
        if (this.y < BOTTOM + 30) {
          this.newPage();
          await header();
        }
        await this.write(mark, { weight: "bold", size: 9, gap: 2 });
      }
      if (!(await this.row(cells, columns, "regular", size))) {
        this.newPage();
        await header();
        await this.row(cells, columns, "regular", size);
      }
    }
    this.y -= 8;
  }

  save() {
    return this.pdf.save();
  }
}
