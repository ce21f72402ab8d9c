import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import {
  answerLetterLink,
  findLetterLink,
  sendLetterLink,
  uploadLetter,
} from "@/lib/server/letters";
import { deliverMail } from "@/lib/server/mail";
import { Forbidden, NotFound, RuleViolation } from "@/lib/server/errors";
import {
  acceptInvitation,
  createOrganisation,
  findInvitation,
  inviteMember,
} from "@/lib/server/organisations";
import { OrganisationInput } from "@/lib/validation/organisation";
import { makeDraft, makeUser, orgNumber } from "../factories";

const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);
const terms = {
  competences: "Kunskap om området.",
  resources: "En lokal.",
  from: "2027-01-01",
  to: "2027-12-31",
};

async function firstPartner(applicationId: string) {
  return db.partner.findFirstOrThrow({ where: { applicationId }, orderBy: { position: "asc" } });
}

async function linkFromMail(to: string) {
  const mail = await db.mailMessage.findFirstOrThrow({
    where: { to },
    orderBy: { createdAt: "desc" },
  });
  return /\/avsiktsforklaring\/([A-Za-z0-9_-]+)/.exec(mail.text)![1];
}

describe("letters of intent by personal link", () => {
  it("sends a link that shows the terms, confirms once, and tells the applicant", async () => {
    const applicant = await makeUser();
    const draft = await makeDraft(applicant);
    const partner = await firstPartner(draft.id);
    await sendLetterLink(applicant, draft.id, partner.id, {
      ...terms,
      contactName: "Anna Andersson",
      contactEmail: "anna@stadsdel.example",
    });
    const token = await linkFromMail("anna@stadsdel.example");
    const link = await db.letterOfIntentLink.findFirstOrThrow({
      where: { sentTo: "anna@stadsdel.example" },
    });
    expect(link.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(Math.round((link.expiresAt.getTime() - Date.now()) / 86_400_000)).toBe(14);

    const shown = await findLetterLink(token);
    expect(shown).toMatchObject({
      state: "valid",
      title: "Mötesplats Skärholmen",
      partner: partner.name,
      competences: terms.competences,
      from: "2027-01-01",
    });
    expect(
      (await db.letterOfIntent.findUniqueOrThrow({ where: { partnerId: partner.id } })).status,
    ).toBe("PENDING");

    await answerLetterLink(token, { confirm: true, signedBy: "Anna Andersson, avdelningschef" });
    const letter = await db.letterOfIntent.findUniqueOrThrow({ where: { partnerId: partner.id } });
    expect(letter).toMatchObject({ status: "SIGNED", signedBy: "Anna Andersson, avdelningschef" });
    expect(
      await db.mailMessage.count({
        where: { to: applicant.email, subject: { contains: "bekräftat" } },
      }),
    ).toBe(1);

    await expect(
      answerLetterLink(token, { confirm: false, reason: "Ändrade oss" }),
    ).rejects.toBeInstanceOf(Forbidden);
    expect((await findLetterLink(token)).state).toBe("used");
    expect(
      (await db.letterOfIntent.findUniqueOrThrow({ where: { partnerId: partner.id } })).status,
    ).toBe("SIGNED");
  });

  it("refuses an expired link, an unknown one, and an old link after a new one is sent", async () => {
    const applicant = await makeUser();
    const draft = await makeDraft(applicant);
    const partner = await firstPartner(draft.id);
    const contact = {
      ...terms,
      contactName: "Per",
      contactEmail: `per-${Date.now()}@kommun.example`,
    };
    await sendLetterLink(applicant, draft.id, partner.id, contact);
    const old = await linkFromMail(contact.contactEmail);
    await new Promise((r) => setTimeout(r, 5));
    await sendLetterLink(applicant, draft.id, partner.id, contact, true);
    const fresh = await linkFromMail(contact.contactEmail);
    expect(fresh).not.toBe(old);
    expect((await findLetterLink(old)).state).toBe("used");
    await expect(
      answerLetterLink(old, { confirm: true, signedBy: "Per Persson" }),
    ).rejects.toBeInstanceOf(Forbidden);

    await db.letterOfIntentLink.updateMany({
      where: { sentTo: contact.contactEmail, revokedAt: null },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await findLetterLink(fresh)).state).toBe("expired");
    await expect(
      answerLetterLink(fresh, { confirm: true, signedBy: "Per Persson" }),
    ).rejects.toBeInstanceOf(Forbidden);
    expect((await findLetterLink("finns-inte")).state).toBe("unknown");
    await expect(
      answerLetterLink("finns-inte", { confirm: true, signedBy: "X" }),
    ).rejects.toBeInstanceOf(NotFound);
  });

  it("records a declined letter with its reason", async () => {
    const applicant = await makeUser();
    const draft = await makeDraft(applicant);
    const partner = await firstPartner(draft.id);
    await sendLetterLink(applicant, draft.id, partner.id, {
      ...terms,
      contactName: "Eva",
      contactEmail: "eva@bolag.example",
    });
    await answerLetterLink(await linkFromMail("eva@bolag.example"), {
      confirm: false,
      reason: "Vi har inte resurser i år.",
    });
    expect(
      await db.letterOfIntent.findUniqueOrThrow({ where: { partnerId: partner.id } }),
    ).toMatchObject({ status: "DECLINED", declinedReason: "Vi har inte resurser i år." });
  });

  it("is only for the applicant's own organisation", async () => {
    const applicant = await makeUser();
    const draft = await makeDraft(applicant);
    const partner = await firstPartner(draft.id);
    await expect(
      sendLetterLink(await makeUser(), draft.id, partner.id, {
        ...terms,
        contactName: "X",
        contactEmail: "x@x.example",
      }),
    ).rejects.toBeInstanceOf(NotFound);
  });
});

describe("uploaded letters of intent", () => {
  const upload = { ...terms, signedBy: "Lars Holm, rektor", signedAt: "2026-11-01" };

  it("accepts a PDF by its content, stores its SHA-256 and marks the letter signed", async () => {
    const applicant = await makeUser();
    const draft = await makeDraft(applicant);
    const partner = await firstPartner(draft.id);
    await uploadLetter(applicant, draft.id, partner.id, PDF, "avsikt.pdf", upload);
    const letter = await db.letterOfIntent.findUniqueOrThrow({
      where: { partnerId: partner.id },
      include: { file: true },
    });
    expect(letter).toMatchObject({
      status: "SIGNED",
      channel: "UPLOAD",
      signedBy: "Lars Holm, rektor",
    });
    expect(letter.file?.sha256).toBe(createHash("sha256").update(PDF).digest("hex"));
  });

  it("refuses a file that is not a PDF, whatever its name, and one over 10 MB", async () => {
    const applicant = await makeUser();
    const draft = await makeDraft(applicant);
    const partner = await firstPartner(draft.id);
    const notPdf = (await uploadLetter(
      applicant,
      draft.id,
      partner.id,
      Buffer.from("GIF89a........"),
      "avsikt.pdf",
      upload,
    ).catch((e: unknown) => e)) as RuleViolation;
    expect(notPdf.problems[0]).toMatchObject({ code: "FILE_NOT_PDF", path: "file" });
    const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]);
    const tooBig = (await uploadLetter(
      applicant,
      draft.id,
      partner.id,
      big,
      "stor.pdf",
      upload,
    ).catch((e: unknown) => e)) as RuleViolation;
    expect(tooBig.problems[0]).toMatchObject({ code: "FILE_TOO_LARGE" });
    expect(
      await db.storedFile.count({ where: { letters: { some: { partnerId: partner.id } } } }),
    ).toBe(0);
  });
});

describe("mail delivery", () => {
  it("delivers a queued mail once, even when asked twice", async () => {
    const mail = await db.mailMessage.create({
      data: { to: "a@b.example", subject: "Hej", text: "Text" },
    });
    await deliverMail(mail.id);
    await deliverMail(mail.id);
    expect(await db.mailMessage.findUniqueOrThrow({ where: { id: mail.id } })).toMatchObject({
      status: "SENT",
      attempts: 1,
    });
  });
});

describe("organisations", () => {
  const input = (n = orgNumber()) =>
    OrganisationInput.parse({
      name: "Föreningen Hjärtat",
      orgNumber: n.replace("-", ""),
      legalForm: "NONPROFIT_ASSOCIATION",
      municipalityCode: "1280",
      foundedOn: "",
      streetAddress: "Gatan 1",
      postalCode: "21581",
      city: "Malmö",
      contactEmail: "info@hjartat.example",
      contactPhone: "040-12 34 56",
      payoutType: "BANKGIRO",
      payoutAccount: "54029681",
    });

  it("normalises numbers, makes the creator a member, and refuses a second organisation with the same number", async () => {
    const applicant = await makeUser();
    const data = input();
    expect(data.orgNumber).toMatch(/^\d{6}-\d{4}$/);
    expect(data.payoutAccount).toBe("5402-9681");
    expect(data.postalCode).toBe("215 81");
    const org = await createOrganisation(applicant, data);
    expect(
      await db.membership.count({ where: { organisationId: org.id, userId: applicant.id } }),
    ).toBe(1);
    const error = (await createOrganisation(await makeUser(), data).catch(
      (e: unknown) => e,
    )) as RuleViolation;
    expect(error.problems[0]).toMatchObject({ path: "orgNumber" });
  });

  it("refuses a payout account with a wrong check digit", () => {
    const result = OrganisationInput.safeParse({
      ...input(),
      orgNumber: orgNumber(),
      payoutAccount: "5402-9682",
    });
    expect(result.success).toBe(false);
    expect(result.error!.issues.find((i) => i.path[0] === "payoutAccount")?.message).toContain(
      "Bankgironumret stämmer inte",
    );
  });

  it("invites a member by a single-use link", async () => {
    const applicant = await makeUser();
    const org = await createOrganisation(applicant, input());
    await inviteMember(applicant, org.id, "kollega@hjartat.example");
    const mail = await db.mailMessage.findFirstOrThrow({
      where: { to: "kollega@hjartat.example" },
    });
    const token = /\/inbjudan\/([A-Za-z0-9_-]+)/.exec(mail.text)![1];
    // The invitation works only for the address it was sent to (any letter case).
    const colleague = await makeUser();
    await db.user.update({
      where: { id: colleague.id },
      data: { email: "Kollega@Hjartat.example" },
    });
    colleague.email = "Kollega@Hjartat.example";
    expect((await findInvitation(token, colleague)).state).toBe("valid");
    expect(await acceptInvitation(colleague, token)).toBe(org.id);
    expect(await db.membership.count({ where: { organisationId: org.id } })).toBe(2);
    await expect(acceptInvitation(await makeUser(), token)).rejects.toBeInstanceOf(NotFound);
    await expect(inviteMember(await makeUser(), org.id, "x@y.example")).rejects.toBeInstanceOf(
      NotFound,
    );
  });
});
