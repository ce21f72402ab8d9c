import { z } from "./zod";
import { parseOrgNumber, parsePayoutAccount } from "@/lib/domain/org-number";
import { isMunicipalityCode } from "@/lib/reference/municipalities";
import { LEGAL_FORMS } from "./application";
import { limitedText } from "./text";

// Shared by the organisation form (client) and the service (server). Messages are Swedish and say what to do.
export const OrganisationInput = z
  .object({
    name: z.string().trim().min(1, "Ange organisationens namn så som det står i registret."),
    orgNumber: z.string().trim().min(1, "Ange organisationsnumret, till exempel 802012-3454."),
    legalForm: z.enum(LEGAL_FORMS, { error: "Välj organisationsform." }),
    municipalityCode: z
      .string()
      .refine(isMunicipalityCode, "Välj kommunen där organisationen har sitt säte."),
    foundedOn: z.union([
      z.literal(""),
      z.iso.date({ error: "Ange datumet som ÅÅÅÅ-MM-DD, till exempel 2015-03-01." }),
    ]),
    streetAddress: z.string().trim().min(1, "Ange gatuadress."),
    postalCode: z
      .string()
      .trim()
      .regex(/^\d{3}\s?\d{2}$/, "Ange postnumret med fem siffror, till exempel 127 48."),
    city: z.string().trim().min(1, "Ange postort."),
    contactEmail: z.string().trim().email("Ange en e-postadress, till exempel info@forening.se."),
    contactPhone: z.string().trim().min(6, "Ange ett telefonnummer, till exempel 08-123 456 78."),
    payoutType: z.enum(["BANKGIRO", "PLUSGIRO"], { error: "Välj bankgiro eller plusgiro." }),
    payoutAccount: z.string().trim().min(1, "Ange bankgiro- eller plusgironumret."),
  })
  .superRefine((value, ctx) => {
    const org = parseOrgNumber(value.orgNumber);
    if (value.orgNumber && !org.ok) {
      ctx.addIssue({
        code: "custom",
        path: ["orgNumber"],
        message:
          "Ange organisationsnumret som tio siffror, till exempel 802012-3454. Kontrollera sista siffran.",
      });
    }
    const account = parsePayoutAccount(value.payoutType, value.payoutAccount);
    if (value.payoutAccount && !account.ok) {
      ctx.addIssue({
        code: "custom",
        path: ["payoutAccount"],
        message:
          value.payoutType === "BANKGIRO"
            ? "Bankgironumret stämmer inte. Ange sju eller åtta siffror, till exempel 5402-9681."
            : "Plusgironumret stämmer inte. Ange två till åtta siffror, till exempel 4774-6.",
      });
    }
  })
  .transform((value) => ({
    ...value,
    orgNumber: (parseOrgNumber(value.orgNumber) as { ok: true; value: string }).value,
    payoutAccount: (
      parsePayoutAccount(value.payoutType, value.payoutAccount) as { ok: true; value: string }
    ).value,
    postalCode: value.postalCode.replace(/^(\d{3})\s?(\d{2})$/, "$1 $2"),
  }));
export type OrganisationInput = z.output<typeof OrganisationInput>;

export const InviteMemberInput = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .email("Ange personens e-postadress, till exempel namn@forening.se."),
});

/** The longest note a person may send with a request to join. */
export const JOIN_MESSAGE_MAX = 500;

const orgNumberToJoin = z
  .string()
  .trim()
  .min(1, "Ange organisationsnumret, till exempel 802012-3454.")
  .refine(
    (value) => parseOrgNumber(value).ok,
    "Ange organisationsnumret som tio siffror, till exempel 802012-3454. Kontrollera sista siffran.",
  )
  .transform((value) => (parseOrgNumber(value) as { ok: true; value: string }).value);

/** Looking up an organisation to join: its number only. */
export const FindOrganisationInput = z.object({ orgNumber: orgNumberToJoin });

/** Asking to join: the number, and an optional note to the members. */
export const JoinOrganisationInput = z.object({
  orgNumber: orgNumberToJoin,
  message: limitedText(JOIN_MESSAGE_MAX).trim().default(""),
});

/** A member's answer to a request to join. */
export const DecideMembershipRequestInput = z.object({
  requestId: z.string().min(1),
  approve: z.boolean(),
});

/** zod issues as { dotted.path: message }, the first message per field. */
export function issuesByField(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) out[issue.path.join(".")] ??= issue.message;
  return out;
}
