import { z } from "./zod";
import { NewPassword } from "./password";

// Messages are keys in messages/*.json (namespace "auth"), so the same schema speaks both languages.
export const SignInInput = z.object({
  email: z.string().trim().min(1, "emailRequired").email("emailRequired"),
  password: z.string().min(1, "passwordRequired"),
});

/** The second step of a staff sign-in, and two-factor enrolment: an authenticator or recovery code. */
export const SecondFactorInput = z.object({
  code: z.string().trim().min(1, "codeRequired").max(40, "codeInvalid"),
});

export const RegisterInput = z
  .object({
    name: z.string().trim().min(1, "nameRequired").max(200),
    email: z.string().trim().toLowerCase().min(1, "emailRequired").email("emailRequired").max(320),
    password: NewPassword,
    passwordConfirm: z.string(),
  })
  .refine((v) => v.password === v.passwordConfirm, {
    path: ["passwordConfirm"],
    message: "passwordMismatch",
  });
export type RegisterInput = z.infer<typeof RegisterInput>;

/** Confirming an address from the link in the mail: the password chosen at registration. */
export const ConfirmEmailInput = z.object({
  password: z.string().min(1, "passwordRequired").max(200, "passwordRequired"),
});

/** zod issues as { field: messageKey }, first problem per field. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".");
    out[key] ??= issue.message;
  }
  return out;
}
