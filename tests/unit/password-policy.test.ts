import { describe, expect, it } from "vitest";
import { NewPassword, PASSWORD_MAX_LENGTH } from "@/lib/validation/password";
import { AcceptStaffInvitationInput } from "@/lib/validation/users";
import { RegisterInput } from "@/lib/validation/auth";

// The one rule for a new password (docs/domain.md §1, accounts): 12 characters or more, long
// passphrases welcome, no composition rules, nothing common or as easy to guess.
const problem = (password: string) => {
  const result = NewPassword.safeParse(password);
  return result.success ? null : result.error.issues[0].message;
};

describe("a new password", () => {
  it.each(["aaaaaaaaaaaa", "123456789012", "password1234", "qwertyuiop12", "iloveyou1234"])(
    "refuses %s as too common",
    (password) => expect(problem(password)).toBe("passwordTooCommon"),
  );

  it.each(["abcdefghijkl", "monkeymonkey", "trustno1trustno1", "1qaz2wsx3edc", "a".repeat(100)])(
    "refuses %s, a pattern that is guessed at once",
    (password) => expect(problem(password)).toBe("passwordTooCommon"),
  );

  it.each(["kort", "aaaaaaaaaa", "1234567890", "elva tecken"])(
    "refuses %s as shorter than 12 characters",
    (password) => expect(problem(password)).toBe("passwordTooShort"),
  );

  it.each([
    "kaffe och kanelbulle",
    "hästen-åt-blåbär",
    "ett långt lösenord med mellanslag",
    "ett-langt-losenord",
    "correcthorsebatterystaple",
    // A passphrase as long as the limit, with no kind of character required.
    "vi ses vid badplatsen när solen går ner och grillar korv ".repeat(3).slice(0, 128),
  ])("accepts the passphrase %s", (password) => expect(problem(password)).toBeNull());

  it(`accepts up to ${PASSWORD_MAX_LENGTH} characters and no more`, () => {
    const long = "en mening om sommaren vid havet, ".repeat(5);
    expect(problem(long.slice(0, PASSWORD_MAX_LENGTH))).toBeNull();
    expect(problem(long.slice(0, PASSWORD_MAX_LENGTH + 1))).toBe("passwordTooLong");
  });

  it("is the rule of registration and of accepting a staff invitation", () => {
    const register = (password: string) =>
      RegisterInput.safeParse({
        name: "Nora Nyström",
        email: "nora@exempel.se",
        password,
        passwordConfirm: password,
      });
    expect(register("123456789012").error?.issues[0].message).toBe("passwordTooCommon");
    expect(register("kaffe och kanelbulle").success).toBe(true);
    const accept = (password: string) =>
      AcceptStaffInvitationInput.safeParse({ password, passwordConfirm: password });
    expect(accept("aaaaaaaaaaaa").error?.issues[0].message).toBe("passwordTooCommon");
    expect(accept("kaffe och kanelbulle").success).toBe(true);
  });
});
