import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    uid?: string;
    sv?: number;
    /** The session proved a second factor (TOTP) or came from e-legitimation. */
    mfa?: boolean;
  }
  interface User {
    sessionVersion?: number;
    secondFactor?: boolean;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    /** The UserSession row this session lives by (lib/server/sessions.ts). */
    sid?: string;
    sv?: number;
    mfa?: boolean;
    /** How the session was made: "password", "password+totp" or "eleg". */
    amr?: string;
  }
}
