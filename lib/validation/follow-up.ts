import { z } from "./zod";
import { BUDGET_CATEGORIES } from "./application";
import { limitedText } from "./text";

const count = z
  .number({ error: "Ange ett antal med siffror." })
  .int("Ange ett heltal.")
  .min(0, "Antalet kan inte vara negativt.")
  .nullable();
/** The longest text of each answer in a report, in characters (the form shows the count). */
export const REPORT_TEXT_LIMIT = 20_000;
const text = limitedText(REPORT_TEXT_LIMIT);

/** A progress or final report (återrapportering) as the grantee fills it in. */
export const ReportInput = z.object({
  meetingsHeld: count,
  participantsWomen: count,
  participantsMen: count,
  participantsOther: count,
  collaborationsStarted: count,
  collaborationsNote: text,
  spending: z.partialRecord(
    z.enum(BUDGET_CATEGORIES),
    z.number({ error: "Ange beloppet i hela kronor." }),
  ),
  unspentSek: z
    .number()
    .int("Ange beloppet i hela kronor.")
    .min(0, "Beloppet kan inte vara negativt.")
    .nullable(),
  whatWasDone: text,
  resultsForResidents: text,
  lessonsLearned: text,
  continuation: text,
});

export const RepaymentInput = z.object({
  amountSek: z
    .number({ error: "Ange beloppet i hela kronor." })
    .int("Ange beloppet i hela kronor.")
    .min(1, "Ange ett belopp större än 0 kr."),
  reasons: z.string().trim().min(10, "Skriv skälen för återkravet."),
  dueDate: z.iso.date({ error: "Ange sista betalningsdag som ÅÅÅÅ-MM-DD." }),
});

/** The second person's decision on a proposed repayment claim (docs/domain.md §5). */
export const RepaymentDecisionInput = z.object({
  decision: z.enum(["CLAIM", "REJECT"], { error: "Välj om återkravet ska beslutas eller avslås." }),
  note: z.string().trim().max(2000, "Skriv högst 2 000 tecken.").default(""),
});

/** Money received against a decided repayment claim. */
export const RepaymentPaymentInput = z.object({
  amountSek: z
    .number({ error: "Ange beloppet i hela kronor." })
    .int("Ange beloppet i hela kronor.")
    .min(1, "Ange ett belopp större än 0 kr."),
  receivedOn: z.iso.date({ error: "Ange datumet som ÅÅÅÅ-MM-DD." }),
});

/** Creating a payment file: optionally only instalments due on or before a day. */
export const PaymentFileInput = z.object({
  upTo: z.union([z.literal(""), z.iso.date({ error: "Ange datumet som ÅÅÅÅ-MM-DD." })]).default(""),
});

/** Cancelling a payment file not yet paid, with the reason for the log. */
export const CancelPaymentFileInput = z.object({
  reason: z.string().trim().min(5, "Skriv varför betalfilen makuleras."),
});
