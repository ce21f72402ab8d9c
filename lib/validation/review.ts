import { z } from "./zod";
import { CRITERIA } from "@/lib/domain/review";
import { tooLongMessage } from "./text";
import { COMPLETION_DAYS_MAX, completionDueProblem } from "@/lib/domain/case-time";
import { todayInStockholm } from "@/lib/domain/dates";

const text = (min: number, message: string, max = 10_000) =>
  z.string().trim().min(min, message).max(max, tooLongMessage(max));

export const ConflictInput = z.discriminatedUnion("hasConflict", [
  z.object({ hasConflict: z.literal(false) }),
  z.object({
    hasConflict: z.literal(true),
    description: text(
      3,
      "Beskriv kort varför du kan vara jävig, till exempel att du sitter i föreningens styrelse.",
    ),
  }),
]);

export const ConflictRuling = z.object({
  lift: z.boolean(),
  reason: text(3, "Skriv skälen för beslutet om jäv."),
});

export const FormalCheckInput = z.object({ passed: z.boolean(), note: z.string().max(5_000) });

export const ReviewInput = z.object({
  scores: z
    .array(
      z.object({
        criterion: z.enum(CRITERIA),
        score: z
          .number({ error: "Välj ett betyg från 1 till 5." })
          .int()
          .min(1, "Välj ett betyg från 1 till 5.")
          .max(5, "Välj ett betyg från 1 till 5."),
        comment: z.string().max(5_000),
      }),
    )
    .length(CRITERIA.length, "Betygsätt alla sju kriterier."),
  recommendation: z.enum(["APPROVE", "REJECT"], { error: "Välj en rekommendation." }),
  summary: z.string().max(10_000),
});

export const CommentInput = z.object({ body: text(1, "Skriv en kommentar.", 5_000) });

export const CompletionRequestInput = z.object({
  message: text(10, "Skriv vad som saknas, så att den sökande förstår vad hen ska komplettera."),
  // Empty: the default, two weeks ahead (docs/domain.md §5, time in a case).
  dueDate: z.union([
    z.literal(""),
    z.iso
      .date({ error: "Ange datumet som ÅÅÅÅ-MM-DD, till exempel 2027-03-01." })
      .superRefine((due, ctx) => {
        const problem = completionDueProblem(due, todayInStockholm());
        if (problem) ctx.addIssue({ code: "custom", message: COMPLETION_DUE_MESSAGES[problem] });
      }),
  ]),
});

export const COMPLETION_DUE_MESSAGES = {
  PAST: "Datumet har redan passerat. Välj dagens datum eller ett senare.",
  TOO_FAR: `Välj ett datum inom ${COMPLETION_DAYS_MAX} dagar från i dag.`,
} as const;

export const ProposalInput = z.discriminatedUnion(
  "outcome",
  [
    z.object({
      outcome: z.literal("APPROVED"),
      amountSek: z
        .number({ error: "Ange beloppet i hela kronor." })
        .int("Ange beloppet i hela kronor."),
      reasons: text(10, "Skriv en motivering."),
    }),
    z.object({ outcome: z.literal("REJECTED"), reasons: text(10, "Skriv en motivering.") }),
  ],
  { error: "Välj om du föreslår bifall eller avslag." },
);

export const DecisionInput = z.discriminatedUnion(
  "action",
  [
    z.object({
      action: z.literal("APPROVE"),
      amountSek: z
        .number({ error: "Ange beloppet i hela kronor." })
        .int("Ange beloppet i hela kronor."),
      reasons: text(10, "Skriv en motivering."),
    }),
    z.object({ action: z.literal("REJECT"), reasons: text(10, "Skriv en motivering.") }),
    z.object({
      action: z.literal("SEND_BACK"),
      reasons: text(3, "Skriv varför ärendet skickas tillbaka."),
    }),
  ],
  { error: "Välj ett beslut: bevilja, avslå eller skicka tillbaka." },
);
