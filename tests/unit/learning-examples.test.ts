import { describe, expect, it } from "vitest";
import {
  containsEmailAddress,
  containsPhoneNumber,
  personalDataIn,
} from "@/lib/domain/personal-data";
import { granteeMayEdit, officerMay } from "@/lib/domain/learning-examples";
import {
  ExampleApproval,
  ExampleSubmission,
  checkExampleParts,
  exampleFilterFrom,
  personalDataMessage,
  strictExampleFilterFrom,
} from "@/lib/validation/learning-example";
import { tooLongMessage } from "@/lib/validation/text";
import { DEMO_LEARNING_EXAMPLES } from "@/prisma/demo-data";

// Learning examples go public (docs/domain.md §8): e-mail addresses, telephone numbers and
// personal identity numbers are refused where the grantee writes, and nothing else is.

describe("personal data in a text meant for the public", () => {
  it.each([
    ["Skriv till info@forening.se om ni vill veta mer.", "email"],
    ["Kontakt: anna.andersson+projekt@exempel.com", "email"],
    ["Ring oss på 08-123 456 78.", "phone"],
    ["Mobil 070-123 45 67 efter klockan fem.", "phone"],
    ["Nås på +46 70 123 45 67", "phone"],
    ["Telefon (031) 12 34 56", "phone"],
    ["Ring 070 123 45 67", "phone"],
    ["Ledaren, 850709-1234, höll i träffarna.", "identityNumber"],
    ["Personnummer 19850709 1234", "identityNumber"],
  ])("finds %s", (text, kind) => {
    expect(personalDataIn(text)).toBe(kind);
  });

  it.each([
    "Omkring 60 barn deltog varje vecka, ungefär hälften flickor.",
    "Projektet pågick 2019–2021 och kostade 1 200 000 kr.",
    "Vi nådde 300 familjer i 12 kvarter.",
    "Organisationsnumret 802478-4566 står i ansökan.",
    "Kommunkod 0180, postnummer 127 48.",
    "Träffarna var kl. 17.00–19.30, 3 dagar i veckan.",
    "Mejla oss gärna – adressen finns på vår webbplats.",
    "Vi samarbetade med @ungdomsrådet på sociala medier.",
    "Start 2027-01-01, slut 2028-12-31.",
    "Andelen ökade från 0,5 till 12 procent.",
  ])("leaves %s alone", (text) => {
    expect(personalDataIn(text)).toBeNull();
  });

  it("tells the kinds apart", () => {
    expect(containsEmailAddress("a@b.se")).toBe(true);
    expect(containsEmailAddress("a@b")).toBe(false);
    expect(containsPhoneNumber("08-12 34 56")).toBe(true);
    expect(containsPhoneNumber("08-12 34")).toBe(false);
    expect(containsPhoneNumber("1 234 567 890 kr")).toBe(false);
  });

  it("says in Swedish what to do", () => {
    expect(personalDataMessage("info@forening.se")).toBe(
      "Ta bort e-postadressen. Sammanfattningen blir offentlig och får inte innehålla personuppgifter.",
    );
    expect(personalDataMessage("08-123 456 78")).toMatch(/^Ta bort telefonnumret\./);
    expect(personalDataMessage("850709-1234")).toMatch(/^Ta bort personnumret\./);
    expect(personalDataMessage("Inget här.")).toBeNull();
  });
});

describe("the summary's parts", () => {
  const texts = {
    place: "Skärholmen",
    purpose: "Mötesplats",
    process: "Ring 08-123 456 78",
    results: "x".repeat(2001),
    lessons: "",
  };

  it("saves each valid part and refuses the others, each with its message", () => {
    const { valid, errors } = checkExampleParts(texts);
    expect(valid).toEqual({ place: "Skärholmen", purpose: "Mötesplats", lessons: "" });
    expect(errors.process).toMatch(/^Ta bort telefonnumret/);
    expect(errors.results).toBe(tooLongMessage(2_000));
  });

  it("needs every part and the consent to be sent", () => {
    const result = ExampleSubmission.safeParse({ ...texts, consent: false });
    expect(result.success).toBe(false);
    const byPath = Object.fromEntries(
      result.error!.issues.map((i) => [i.path.join("."), i.message]),
    );
    expect(byPath.lessons).toBe("Beskriv vad ni har lärt er.");
    expect(byPath.consent).toBe("Kryssa i att ni samtycker till att sammanfattningen publiceras.");
    expect(byPath.process).toMatch(/telefonnumret/);
    const ok = { place: "a", purpose: "b", process: "c", results: "d", lessons: "e" };
    expect(ExampleSubmission.safeParse({ ...ok, consent: true }).success).toBe(true);
  });

  it("is approved only with the confirmation that no individual is named", () => {
    expect(ExampleApproval.safeParse({ noIndividualsNamed: false }).success).toBe(false);
    expect(ExampleApproval.safeParse({ noIndividualsNamed: true }).success).toBe(true);
  });

  it("holds no personal data in the demo examples", () => {
    for (const example of Object.values(DEMO_LEARNING_EXAMPLES))
      expect(checkExampleParts(example).errors).toEqual({});
  });
});

describe("who may do what when", () => {
  it("lets the grantee write a draft or a summary sent back, and nothing else", () => {
    expect([null, "DRAFT", "CHANGES_REQUESTED"].map((s) => granteeMayEdit(s as never))).toEqual([
      true,
      true,
      true,
    ]);
    for (const s of ["SUBMITTED", "PUBLISHED", "UNPUBLISHED"] as const)
      expect(granteeMayEdit(s)).toBe(false);
  });

  it("lets the officer approve a submitted summary, unpublish a published one, and send back either a submitted or an unpublished one", () => {
    expect(officerMay("approve", "SUBMITTED")).toBe(true);
    expect(officerMay("approve", "DRAFT")).toBe(false);
    expect(officerMay("approve", "PUBLISHED")).toBe(false);
    expect(officerMay("unpublish", "PUBLISHED")).toBe(true);
    expect(officerMay("unpublish", "SUBMITTED")).toBe(false);
    expect(officerMay("requestChanges", "SUBMITTED")).toBe(true);
    expect(officerMay("requestChanges", "UNPUBLISHED")).toBe(true);
    expect(officerMay("requestChanges", "DRAFT")).toBe(false);
  });
});

describe("the public list's parameters", () => {
  const params = (q: string) => new URLSearchParams(q);

  it("reads valid filters and leaves out bad ones on the page", () => {
    expect(
      exampleFilterFrom(
        params("q=läxhjälp&track=INTERVENTION&county=12&year=2026&focus=EDUCATION"),
      ),
    ).toEqual({
      q: "läxhjälp",
      track: "INTERVENTION",
      county: "12",
      year: 2026,
      focus: "EDUCATION",
    });
    expect(exampleFilterFrom(params("track=NONE&county=x&year=1&q=%00&municipality=1280"))).toEqual(
      { municipality: "1280" },
    );
  });

  it("refuses bad, repeated or unknown parameters in the open data", () => {
    expect(strictExampleFilterFrom(params("track=INTERVENTION&q="))).toEqual({
      track: "INTERVENTION",
    });
    expect(strictExampleFilterFrom(params("track=NONE"))).toBeNull();
    expect(strictExampleFilterFrom(params("year=2026&year=2027"))).toBeNull();
    expect(strictExampleFilterFrom(params("sida=2"))).toBeNull();
    expect(strictExampleFilterFrom(params("q=a%00b"))).toBeNull();
    expect(strictExampleFilterFrom(params(`after=${"x".repeat(501)}`))).toBeNull();
  });
});
