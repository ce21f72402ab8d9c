import { z } from "./zod";
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";

// Every place where a person chooses a password uses this one schema, in the browser and on the
// server (docs/domain.md §1, accounts; ASVS 5.0 §6.2): at least 12 characters, long passphrases
// welcome, no rules about which kinds of characters, and no password that is among the most common
// or leaked ones or is as easy to guess (a repeated character, a run of digits, a keyboard row).
const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

// zxcvbn-ts with its common dictionaries: about 30 000 passwords from published breaches, common
// passphrase words and keyboard layouts, shipped in the package (no network). Its estimate counts
// guesses; below 10^8 (score 3) a password falls to an offline attack on a leaked list at once.
const MIN_SCORE = 3;
// The estimate's work grows with the length; beyond this many characters the start decides.
const ANALYSED_LENGTH = 64;

let estimator: ZxcvbnFactory | undefined;
const strength = (password: string) =>
  (estimator ??= new ZxcvbnFactory({
    dictionary,
    graphs: adjacencyGraphs,
    maxLength: ANALYSED_LENGTH,
  })).check(password);

/** True when the password is among the common or leaked ones, or as easy to guess. */
const isTooCommon = (password: string) => strength(password).score < MIN_SCORE;

// Messages are keys in messages/*.json (namespace "auth"), so the same schema speaks both languages.
export const NewPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, "passwordTooShort")
  .max(PASSWORD_MAX_LENGTH, "passwordTooLong")
  .refine((password) => !isTooCommon(password), "passwordTooCommon");
