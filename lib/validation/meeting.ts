import { z } from "./zod";
import { tooLongMessage } from "./text";

// The decision meeting (docs/domain.md §7): the page checks each case with these schemas as the
// decider works, and the server parses the whole meeting with them again.

const text = (min: number, message: string, max = 10_000) =>
  z.string().trim().min(min, message).max(max, tooLongMessage(max));

const reference = {
  applicationId: z.string().min(1).max(100),
  /** The case's version as the page read it: a case changed since then stops the meeting. */
  version: z.number().int(),
};

/** One case's decision in the meeting. */
export const MeetingCaseInput = z.discriminatedUnion(
  "action",
  [
    z.object({
      ...reference,
      action: z.literal("APPROVE"),
      amountSek: z
        .number({ error: "Ange beloppet i hela kronor." })
        .int("Ange beloppet i hela kronor.")
        .min(1, "Beloppet ska vara minst 1 kr."),
      reasons: text(10, "Skriv en motivering."),
    }),
    z.object({
      ...reference,
      action: z.literal("REJECT"),
      reasons: text(10, "Skriv en motivering."),
    }),
    z.object({
      ...reference,
      action: z.literal("SEND_BACK"),
      reasons: text(3, "Skriv varför ärendet skickas tillbaka."),
    }),
  ],
  { error: "Välj ett beslut: bevilja, avslå eller skicka tillbaka." },
);

/** The whole meeting: every case decided at once. */
export const MeetingInput = z.object({
  roundId: z.string().min(1).max(100),
  /** Made once by the page: a second submission of the same meeting decides nothing more. */
  key: z.uuid(),
  conflictsChecked: z.literal(true, {
    error: "Bekräfta att du har prövat jäv i vart och ett av ärendena.",
  }),
  cases: z
    .array(MeetingCaseInput)
    .min(1, "Det finns inget ärende att besluta.")
    .max(5_000, "Ett möte kan besluta högst 5 000 ärenden."),
});

/** An officer moves a case one place in the decision basis, with the reason. */
export const MoveCaseInput = z.object({
  applicationId: z.string().min(1).max(100),
  direction: z.enum(["UP", "DOWN"], { error: "Välj upp eller ned." }),
  reason: text(3, "Skriv varför ärendet flyttas.", 2_000),
});
