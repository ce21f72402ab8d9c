// Test data written straight into the suite's database, as tests/factories does for the integration
// tests: applicants with a password, their own organisation and complete drafts that pass submission.
import { randomBytes } from "node:crypto";
import { hash } from "@node-rs/argon2";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { contractToApplicationData, dateOnly } from "@/lib/server/application-contract";
import { luhnCheckDigit } from "@/lib/domain/org-number";
import { demoApplications } from "@/prisma/demo-data";
import { systemEnv } from "./support";

export const APPLICANT_PASSWORD = "system-test-lösenord";

/** A Prisma client for one piece of work, closed afterwards (the database may be stopped later). */
export async function withDb<T>(fn: (db: PrismaClient) => Promise<T>): Promise<T> {
  const db = new PrismaClient({
    adapter: new PrismaPg({ connectionString: systemEnv().databaseUrl, max: 4 }),
  });
  try {
    return await fn(db);
  } finally {
    await db.$disconnect();
  }
}

type Draft = { id: string; title: string };
export type Applicant = {
  userId: string;
  email: string;
  name: string;
  organisationId: string;
  organisationName: string;
  drafts: Draft[];
};

let passwordHash: Promise<string> | null = null;
let orgSequence = Math.floor(Math.random() * 500_000);

/** A made-up organisation number (8 = associations) with a correct check digit, unique in this run. */
function orgNumber(): string {
  const body = `802${String(orgSequence++).padStart(6, "0")}`;
  return `${body.slice(0, 6)}-${body.slice(6)}${luhnCheckDigit(body)}`;
}

/**
 * `count` applicants, each a member of an organisation of their own with `draftsEach` complete drafts
 * (the demo association's coordination application, partners with signed letters) in the open round.
 */
export async function makeApplicants(
  label: string,
  count: number,
  draftsEach = 1,
): Promise<Applicant[]> {
  passwordHash ??= hash(APPLICANT_PASSWORD);
  const secret = await passwordHash;
  const run = randomBytes(3).toString("hex");
  return withDb(async (db) => {
    const round = await db.grantRound.findFirstOrThrow({
      where: { status: "OPEN" },
      orderBy: { closesAt: "desc" },
    });
    const contract = demoApplications(new Date().getFullYear() + 1).skarholmen;
    const applicants: Applicant[] = [];
    for (let i = 0; i < count; i++) {
      const name = `Sökande ${label} ${i + 1}`;
      const user = await db.user.create({
        data: {
          email: `${label}-${run}-${i + 1}@system.example`,
          name,
          roles: ["APPLICANT"],
          passwordHash: secret,
          emailVerifiedAt: new Date(),
        },
      });
      const organisation = await db.organisation.create({
        data: {
          name: `Föreningen ${label} ${i + 1}`,
          orgNumber: orgNumber(),
          legalForm: "NONPROFIT_ASSOCIATION",
          municipalityCode: "0180",
          foundedOn: dateOnly("2015-03-01"),
          payoutType: "BANKGIRO",
          payoutAccount: "5402-9681",
          memberships: { create: { userId: user.id } },
        },
      });
      const drafts: Draft[] = [];
      for (let d = 0; d < draftsEach; d++) {
        const title = `${contract.title} (${label} ${i + 1}.${d + 1})`;
        const app = await db.application.create({
          data: {
            ...contractToApplicationData({ ...contract, title }),
            status: "DRAFT",
            round: { connect: { id: round.id } },
            organisation: { connect: { id: organisation.id } },
            createdBy: { connect: { id: user.id } },
          },
        });
        drafts.push({ id: app.id, title });
      }
      applicants.push({
        userId: user.id,
        email: user.email,
        name,
        organisationId: organisation.id,
        organisationName: organisation.name,
        drafts,
      });
    }
    return applicants;
  });
}

/** What a draft holds that a submission must never change. */
export type DraftSnapshot = {
  id: string;
  status: string;
  title: string;
  summary: string;
  version: number;
  updatedAt: Date;
  partners: number;
  budgetLines: number;
};

export async function snapshotApplications(ids: string[]): Promise<Map<string, DraftSnapshot>> {
  return withDb(async (db) => {
    const rows = await db.application.findMany({
      where: { id: { in: ids } },
      select: {
        id: true,
        status: true,
        title: true,
        summary: true,
        version: true,
        updatedAt: true,
        _count: { select: { partners: true, budgetLines: true } },
      },
    });
    return new Map(
      rows.map((r) => [
        r.id,
        {
          id: r.id,
          status: r.status,
          title: r.title,
          summary: r.summary,
          version: r.version,
          updatedAt: r.updatedAt,
          partners: r._count.partners,
          budgetLines: r._count.budgetLines,
        },
      ]),
    );
  });
}

/** Everything stored about a submission of each application: the row, its versions and its confirmation mails. */
export async function submissionState(ids: string[]) {
  return withDb(async (db) => {
    const apps = await db.application.findMany({
      where: { id: { in: ids } },
      select: {
        id: true,
        status: true,
        referenceNumber: true,
        submittedAt: true,
        title: true,
        versions: { select: { number: true, reason: true, content: true } },
      },
    });
    const mails = await db.mailMessage.findMany({
      where: { dedupeKey: { in: ids.map((id) => `application:${id}:version:1`) } },
      select: { dedupeKey: true, to: true },
    });
    return new Map(
      apps.map((a) => [
        a.id,
        { ...a, mails: mails.filter((m) => m.dedupeKey === `application:${a.id}:version:1`) },
      ]),
    );
  });
}

/** Every reference number of `year` in the database and the counter's last number. */
export async function referenceNumbersOf(year: number) {
  return withDb(async (db) => {
    const apps = await db.application.findMany({
      where: { referenceNumber: { startsWith: `${year}/` } },
      select: { referenceNumber: true },
    });
    const counter = await db.referenceCounter.findUnique({ where: { year } });
    return { numbers: apps.map((a) => a.referenceNumber!).sort(), last: counter?.last ?? 0 };
  });
}
