// Fields about people – the application's contact person, the board and its signatories – shared by
// the forms and the services. Names and roles only: a personal identity number is refused
// (docs/domain.md §5, personal data).
import { z } from "./zod";
import { isPhoneNumber, looksLikePersonalIdentityNumber } from "@/lib/domain/personal-data";
import { limitedText } from "./text";

export const PEOPLE_LIMITS = { name: 200, role: 100, email: 254, phone: 40, board: 30 } as const;

const NO_IDENTITY_NUMBER =
  "Skriv inte personnummer här. Ange bara namn och roll – vi känner igen personer på namn och e-post.";
const noIdentityNumber = (s: string) => !looksLikePersonalIdentityNumber(s);

/** A name or a role: text without anything that looks like a personal identity number. */
const peopleText = (max: number) => limitedText(max).refine(noIdentityNumber, NO_IDENTITY_NUMBER);

const PHONE_MESSAGE =
  "Ange telefonnumret med riktnummer, till exempel 08-123 456 78 eller 070-123 45 67.";
const EMAIL_MESSAGE = "Ange en e-postadress, till exempel namn@forening.se.";

const email = z.email();

/** A draft's contact fields: empty until filled in, otherwise checked. */
export const contactFields = {
  contactName: peopleText(PEOPLE_LIMITS.name),
  contactEmail: limitedText(PEOPLE_LIMITS.email).refine(
    (s) => s.trim() === "" || email.safeParse(s.trim()).success,
    EMAIL_MESSAGE,
  ),
  contactPhone: limitedText(PEOPLE_LIMITS.phone).refine(
    (s) => s.trim() === "" || isPhoneNumber(s),
    PHONE_MESSAGE,
  ),
};

/** One member of the board or one signatory (firmatecknare). */
const BoardMemberInput = z.object({
  name: peopleText(PEOPLE_LIMITS.name)
    .transform((s) => s.trim())
    .refine((s) => s !== "", "Ange personens namn."),
  role: peopleText(PEOPLE_LIMITS.role)
    .transform((s) => s.trim())
    .refine((s) => s !== "", "Ange personens roll, till exempel ordförande eller ledamot."),
  signatory: z.boolean(),
});

/** The organisation's board and signatories, saved as one list. */
export const BoardInput = z
  .object({
    members: z
      .array(BoardMemberInput)
      .max(PEOPLE_LIMITS.board, `Ange högst ${PEOPLE_LIMITS.board} personer.`),
  })
  .refine((b) => b.members.length === 0 || b.members.some((m) => m.signatory), {
    path: ["members"],
    message: "Markera vem eller vilka som är firmatecknare.",
  });
export type BoardInput = z.output<typeof BoardInput>;
