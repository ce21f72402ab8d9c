import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/server/db";
import { authOptions } from "@/lib/server/auth";
import { hashPassword } from "@/lib/server/passwords";
import { FREE_SIGN_IN_FAILURES, signInDelaySeconds } from "@/lib/domain/sign-in-throttle";

// Sign-in throttling (docs/security-throttling.md) through next-auth's own authorize, against the
// real store in PostgreSQL. Time moves only when a test moves the clock (Date is faked, and the
// limiter reads Date.now()), so a wait is passed by moving the clock, never by sleeping.

// Failed sign-ins per address and hour: 20 here instead of 100, so spraying takes fewer argon2 checks.
const PER_ADDRESS = vi.hoisted(() => {
  process.env.SAMVERKA_SIGNIN_FAILURES_PER_ADDRESS = "20";
  return 20;
});
afterAll(() => {
  delete process.env.SAMVERKA_SIGNIN_FAILURES_PER_ADDRESS;
});

// Every argon2 verification is counted, and how many run at the same time.
const argon2 = vi.hoisted(() => ({ verifications: 0, running: 0, mostAtOnce: 0 }));
vi.mock("@node-rs/argon2", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@node-rs/argon2")>();
  return {
    ...actual,
    verify: async (...args: Parameters<typeof actual.verify>) => {
      argon2.verifications++;
      argon2.running++;
      argon2.mostAtOnce = Math.max(argon2.mostAtOnce, argon2.running);
      try {
        return await actual.verify(...args);
      } finally {
        argon2.running--;
      }
    },
  };
});

type Authorize = (
  credentials: Record<string, string>,
  req: { headers: Record<string, string> },
) => Promise<unknown>;
const authorize = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } })
  .options.authorize;

const PASSWORD = "ett-langt-losenord";
const unique = () => Math.random().toString(36).slice(2);
const someAddress = () =>
  `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

/** One attempt as the sign-in form makes it, in words: "signed in", "wrong", "wait N" or the error. */
async function attempt(email: string, password: string, address = someAddress()) {
  try {
    const user = await authorize({ email, password }, { headers: { "x-forwarded-for": address } });
    return user ? "signed in" : "wrong";
  } catch (error) {
    const message = (error as Error).message;
    const wait = /^THROTTLED:(\d+)$/.exec(message);
    return wait ? `wait ${wait[1]}` : message;
  }
}

const later = (seconds: number) => vi.setSystemTime(Date.now() + seconds * 1000);

async function makeAccount() {
  const email = `throttle-${unique()}@test.example`;
  const user = await db.user.create({
    data: {
      email,
      name: "Ägaren",
      roles: ["APPLICANT"],
      passwordHash: await hashPassword(PASSWORD),
    },
  });
  return { email, id: user.id };
}

/**
 * An attacker's run of wrong passwords from changing addresses, each as soon as the account lets
 * them: when told to wait, they wait exactly that long. Returns the waits they were told, in order.
 */
async function guess(email: string, times: number) {
  const waits: number[] = [];
  for (let i = 0; i < times; i++) {
    const answer = await attempt(email, `gissning-${i}`);
    if (answer.startsWith("wait ")) {
      waits.push(Number(answer.slice(5)));
      later(Number(answer.slice(5)));
      expect(await attempt(email, `gissning-${i}`)).toBe("wrong");
    } else expect(answer).toBe("wrong");
  }
  return waits;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
});
afterEach(() => {
  vi.useRealTimers();
});

describe("sign-in throttling per account", () => {
  it("lets the owner in with the right password after the current delay, however many wrong ones an attacker sent", async () => {
    const owner = await makeAccount();
    const guesses = 30;
    const waits = await guess(owner.email, guesses);
    // The first failures cost nothing; then each attempt waits 1 s, 2 s, 4 s … up to 15 minutes.
    expect(waits).toEqual(
      Array.from({ length: guesses - FREE_SIGN_IN_FAILURES }, (_, i) =>
        signInDelaySeconds(FREE_SIGN_IN_FAILURES + i),
      ),
    );
    expect(waits.slice(0, 5)).toEqual([1, 2, 4, 8, 16]);
    expect(waits.at(-1)).toBe(15 * 60);

    // The owner, right now: asked to wait, and the password is not even checked.
    const before = argon2.verifications;
    expect(await attempt(owner.email, PASSWORD)).toBe("wait 900");
    later(899);
    expect(await attempt(owner.email, PASSWORD)).toBe("wait 1");
    expect(argon2.verifications).toBe(before);
    // After the wait the right password signs in, and the failures are forgotten.
    later(1);
    expect(await attempt(owner.email, PASSWORD)).toBe("signed in");
    for (let i = 1; i < FREE_SIGN_IN_FAILURES; i++)
      expect(await attempt(owner.email, "fel-losenord")).toBe("wrong");
    expect(await attempt(owner.email, PASSWORD)).toBe("signed in");
    // No account was ever locked, and the audit log has every failure with its count.
    const failures = await db.auditEvent.findMany({
      where: { entityId: owner.id, action: "auth.sign_in_failed" },
    });
    const counts = failures.map((f) => (f.meta as { failures: number }).failures);
    expect(counts.sort((x, y) => x - y)).toEqual(
      [...Array.from({ length: guesses }, (_, i) => i + 1), 1, 2, 3, 4].sort((x, y) => x - y),
    );
    expect(
      failures.find((f) => (f.meta as { failures: number }).failures === guesses)?.meta,
    ).toEqual({
      reason: "password",
      deactivated: false,
      failures: guesses,
      waitSeconds: 900,
    });
  });

  it("lets the owner in after five wrong passwords as soon as a second has passed", async () => {
    const owner = await makeAccount();
    for (let i = 0; i < 5; i++) expect(await attempt(owner.email, `fel-${i}`)).toBe("wrong");
    expect(await attempt(owner.email, PASSWORD)).toBe("wait 1");
    later(1);
    expect(await attempt(owner.email, PASSWORD)).toBe("signed in");
  });

  it("answers an address without an account exactly as one with an account, attempt for attempt", async () => {
    const known = await makeAccount();
    const unknown = `ingen-${unique()}@test.example`;
    // The same moves for both: wrong passwords at once, then after part of a wait, then after it.
    const script: (number | string)[] = [
      "fel-1",
      "fel-2",
      "fel-3",
      "fel-4",
      "fel-5",
      "fel-6",
      0.5,
      "fel-7",
      0.5,
      "fel-8",
      "fel-9",
      2,
      "fel-10",
      3,
      PASSWORD,
      1,
      "fel-11",
      8,
      "fel-12",
    ];
    const play = async (email: string) => {
      const answers: string[] = [];
      let verifications = 0;
      for (const move of script) {
        if (typeof move === "number") later(move);
        else {
          const before = argon2.verifications;
          answers.push(await attempt(email, move === PASSWORD && email === unknown ? "x" : move));
          verifications += argon2.verifications - before;
        }
      }
      return { answers, verifications };
    };
    const start = Date.now();
    const forKnown = await play(known.email);
    vi.setSystemTime(start);
    const forUnknown = await play(unknown);
    expect(forUnknown).toEqual(forKnown);
    expect(forKnown.answers).toEqual([
      ...["wrong", "wrong", "wrong", "wrong", "wrong"], // five failures cost nothing
      "wait 1", // the sixth attempt must wait a second,
      "wait 1", // half a second later still (rounded up),
      "wrong", // and after the second it is checked: six failures
      "wait 2", // then two seconds,
      "wrong", // seven failures
      "wait 1", // then four seconds, three of them gone: the right password too waits, unchecked
      "wrong", // eight failures
      "wrong", // after eight seconds: nine
    ]);
  });

  it("lets two attempts on one account never check a password at the same time (as from two instances)", async () => {
    const owner = await makeAccount();
    argon2.mostAtOnce = 0;
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => attempt(owner.email, `samtidigt-${i}`)),
    );
    expect(argon2.mostAtOnce).toBe(1);
    expect(answers.filter((a) => a === "wrong").length).toBeGreaterThanOrEqual(1);
    expect(answers.every((a) => a === "wrong" || /^wait \d+$/.test(a))).toBe(true);
  });
});

describe("sign-in throttling per address", () => {
  it("refuses an address after its failures in an hour across accounts, even with a right password, and no other address", async () => {
    const address = someAddress();
    const owner = await makeAccount();
    // Password spraying: one guess each at many accounts, none of them held up on its own.
    for (let i = 0; i < PER_ADDRESS; i++)
      expect(await attempt(`spray-${i}-${unique()}@test.example`, "Sommar2026!", address)).toBe(
        "wrong",
      );
    const before = argon2.verifications;
    expect(await attempt(owner.email, PASSWORD, address)).toBe("wait 3600");
    expect(await attempt(`ny-${unique()}@test.example`, "x", address)).toBe("wait 3600");
    expect(argon2.verifications).toBe(before);
    // The account itself is not held up: the owner signs in from elsewhere.
    expect(await attempt(owner.email, PASSWORD)).toBe("signed in");
    later(1800);
    expect(await attempt(owner.email, PASSWORD, address)).toBe("wait 1800");
    later(1800);
    expect(await attempt(owner.email, PASSWORD, address)).toBe("signed in");
  });

  it("does not count successful sign-ins, or attempts that were told to wait, against the address", async () => {
    const address = someAddress();
    const owner = await makeAccount();
    for (let i = 0; i < PER_ADDRESS - 1; i++)
      expect(await attempt(`spray-${i}-${unique()}@test.example`, "x", address)).toBe("wrong");
    for (let i = 0; i < 3; i++)
      expect(await attempt(owner.email, PASSWORD, address)).toBe("signed in");
    // Five failures on one account, then attempts told to wait: only the failures count.
    const other = await makeAccount();
    for (let i = 0; i < 5; i++)
      expect(await attempt(other.email, "fel", someAddress())).toBe("wrong");
    for (let i = 0; i < 3; i++) expect(await attempt(other.email, "fel", address)).toBe("wait 1");
    expect(await attempt(`sista-${unique()}@test.example`, "x", address)).toBe("wrong");
    expect(await attempt(owner.email, PASSWORD, address)).toMatch(/^wait \d+$/);
  });
});
