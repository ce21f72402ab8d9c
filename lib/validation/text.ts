// Text with a longest length, and the message that says so. The number is grouped the Swedish way
// ("10 000"), as in the forms' character counts.
import { z } from "./zod";
import { formatNumber } from "@/lib/domain/format";

/** "Texten får vara högst 10 000 tecken. Korta den." */
export const tooLongMessage = (max: number) =>
  `Texten får vara högst ${formatNumber(max)} tecken. Korta den.`;

/** A string of at most `max` characters (as JavaScript counts them, like the character counts). */
export const limitedText = (max: number) => z.string().max(max, tooLongMessage(max));
