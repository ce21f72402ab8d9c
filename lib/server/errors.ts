// One family of errors for services. Actions and route handlers turn them into answers.
export class DomainError extends Error {
  /** Set when a rule refused the action: the audit log keeps it, even though the work rolls back. */
  refusal?: Refusal;
  /** More refusals of the same attempt (a decision meeting refuses each case it cannot decide). */
  refusals?: Refusal[];
}

/**
 * A refused action for the audit log (docs/domain.md, audit log): which action, on which case,
 * the reason code and the sentence the person was shown.
 */
export type Refusal = {
  action: string;
  /** The case refused; with `entityType`, another record (a round, for a decision meeting). */
  applicationId: string;
  entityType?: string;
  reason: string;
  message: string;
  details?: Record<string, unknown>;
};

/** Marks `error` as a refusal to be audited by `recordRefusals` (lib/server/audit.ts). */
export function refused<E extends DomainError>(error: E, refusal: Refusal, ...more: Refusal[]): E {
  error.refusal = refusal;
  if (more.length) error.refusals = more;
  return error;
}

/** The record does not exist or the caller may not know that it does (outsiders get this, never 403). */
export class NotFound extends DomainError {
  constructor(message = "Sidan eller uppgiften finns inte.") {
    super(message);
  }
}

/** Signed out. */
export class Unauthenticated extends DomainError {
  constructor(message = "Du behöver logga in.") {
    super(message);
  }
}

/** Signed in and allowed to see the record, but not to do this to it now. */
export class Forbidden extends DomainError {
  constructor(message = "Du har inte behörighet att göra det här.") {
    super(message);
  }
}

/** Someone else changed the record since it was read (optimistic lock). */
export class Conflict extends DomainError {
  constructor(message = "Uppgifterna har ändrats av någon annan. Ladda om sidan och försök igen.") {
    super(message);
  }
}

export type FieldProblem = { code: string; path: string; message: string };

/** Input that breaks the rules; carries every problem at once. */
export class RuleViolation extends DomainError {
  constructor(
    public readonly problems: FieldProblem[],
    message = "Det finns fel i formuläret.",
  ) {
    super(message);
  }
}

/** Only a person who has confirmed their e-mail address may do this (docs/domain.md §1, accounts). */
export class EmailNotVerified extends Forbidden {
  readonly code = "EMAIL_NOT_VERIFIED";
  constructor(
    message = "Du behöver bekräfta din e-postadress först. Öppna länken i mejlet vi skickade till dig, eller be om en ny länk högst upp på sidan.",
  ) {
    super(message);
  }
}
