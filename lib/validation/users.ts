import { z } from "./zod";
import { ROLES } from "@/lib/domain/roles";
import { queryText } from "./query";
import { NewPassword } from "./password";

export const StaffInviteInput = z.object({
  name: z.string().trim().min(1, "Ange personens namn.").max(200),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .email("Ange en e-postadress, till exempel namn@myndighet.se."),
  roles: z.array(z.enum(["REVIEWER", "DECIDER", "ADMIN"])).min(1, "Välj minst en roll."),
});

export const RolesInput = z.object({ roles: z.array(z.enum(ROLES)) });

/**
 * Choosing a password when accepting a staff invitation for a new address: the password rules of
 * registration (RegisterInput), so both always ask the same. Messages are keys of "auth".
 */
export const AcceptStaffInvitationInput = z
  .object({
    // Its messages are keys of the "auth" texts (the action turns them into sentences).
    password: NewPassword,
    passwordConfirm: z.string(),
  })
  .refine((v) => v.password === v.passwordConfirm, {
    path: ["passwordConfirm"],
    message: "passwordMismatch",
  });

/** The search of the user list, from the URL; anything else searches for nothing. */
export const UserSearchInput = z.object({
  q: z
    .preprocess((v) => (Array.isArray(v) ? (v as unknown[])[0] : v), queryText(200).trim())
    .catch(""),
});
