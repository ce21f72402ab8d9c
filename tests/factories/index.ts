// Factories for integration tests: unique data per test, created through Prisma on the test's own database.
import { randomBytes } from "node:crypto";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/actor";
import type { Role } from "@/lib/domain/roles";
import { contractToApplicationData, dateOnly } from "@/lib/server/application-contract";
import { demoApplications } from "@/prisma/demo-data";
import { luhnCheckDigit } from "@/lib/domain/org-number";
import { CRITERIA } from "@/lib/domain/review";
import {
  assign,
  completeFormalCheck,
  decide,
  declareConflict,
  proposeDecision,
  saveReview,
} from "@/lib/server/review";
import { submitApplication } from "@/lib/server/applications";

const unique = () => randomBytes(4).toString("hex");

/** A user whose e-mail address is confirmed, unless `verified` is false. */
export async function makeUser(
  roles: Role[] = ["APPLICANT"],
  name = "Test Testsson",
  { verified = true }: { verified?: boolean } = {},
): Promise<Actor> {
  const user = await db.user.create({
    data: {
      email: `${unique()}@test.example`,
      name,
      roles,
      emailVerifiedAt: verified ? new Date() : null,
    },
  });
  return { id: user.id, email: user.email, name: user.name, roles, locale: "sv" };
}

export function orgNumber(): string {
  // 8 = associations and foundations; the third digit is 2 or more for organisation numbers.
  const body = `80${2 + Math.floor(Math.random() * 8)}${String(Math.floor(Math.random() * 1e6)).padStart(6, "0")}`;
  return `${body.slice(0, 6)}-${body.slice(6)}${luhnCheckDigit(body)}`;
}

export async function makeOrganisation(member: Actor, name = "Föreningen Test") {
  return db.organisation.create({
    data: {
      name,
      orgNumber: orgNumber(),
      legalForm: "NONPROFIT_ASSOCIATION",
      municipalityCode: "0180",
      foundedOn: dateOnly("2015-03-01"),
      payoutType: "BANKGIRO",
      payoutAccount: "5402-9681",
      memberships: { create: { userId: member.id } },
    },
  });
}

export async function makeRound(open = true) {
  const now = Date.now();
  return db.grantRound.create({
    data: {
      title: `Utlysning ${unique()}`,
      year: new Date().getFullYear(),
      budgetSek: 25_000_000,
      acceptedTracks: ["KNOWLEDGE", "COLLABORATION", "INTERVENTION"],
      opensAt: new Date(now - 86_400_000),
      closesAt: new Date(now + (open ? 30 : -0.5) * 86_400_000),
      status: open ? "OPEN" : "CLOSED",
    },
  });
}

/** A complete, rule-abiding draft (the demo association's coordination application) owned by `owner`. */
export async function makeDraft(
  owner: Actor,
  options: { roundId?: string; organisationId?: string } = {},
) {
  const organisationId = options.organisationId ?? (await makeOrganisation(owner)).id;
  const roundId = options.roundId ?? (await makeRound()).id;
  const contract = demoApplications(new Date().getFullYear() + 1).skarholmen;
  return db.application.create({
    data: {
      ...contractToApplicationData(contract),
      status: "DRAFT",
      round: { connect: { id: roundId } },
      organisation: { connect: { id: organisationId } },
      createdBy: { connect: { id: owner.id } },
    },
  });
}

/**
 * The steps a case needs before it can be proposed (docs/domain.md §5): a passed formal check and
 * a completed review by `officer`, who has declared no conflict.
 */
export async function readyForProposal(officer: Actor, applicationId: string, score = 4) {
  await completeFormalCheck(officer, applicationId, { passed: true, note: "" });
  await saveReview(officer, applicationId, {
    scores: CRITERIA.map((criterion) => ({ criterion, score, comment: "" })),
    recommendation: "APPROVE",
    summary: "",
  });
}

/**
 * An approved grant, through the services as people do it: an applicant submits a new draft, an
 * officer (no conflict) checks, reviews and proposes, a decider (no conflict) approves. `title`
 * renames the draft first; `names` names the officer and the decider.
 */
export async function makeApprovedGrant({
  amountSek = 900_000,
  title,
  names = {},
}: { amountSek?: number; title?: string; names?: { officer?: string; decider?: string } } = {}) {
  const applicant = await makeUser();
  const draft = await makeDraft(applicant);
  if (title) await db.application.update({ where: { id: draft.id }, data: { title } });
  await submitApplication(applicant, draft.id);
  const officer = await makeUser(["REVIEWER"], names.officer);
  await declareConflict(officer, draft.id, { hasConflict: false });
  await assign(officer, draft.id);
  await readyForProposal(officer, draft.id);
  await proposeDecision(officer, draft.id, {
    outcome: "APPROVED",
    amountSek,
    reasons: "Väl förankrad ansökan.",
  });
  const decider = await makeUser(["DECIDER"], names.decider);
  await declareConflict(decider, draft.id, { hasConflict: false });
  await decide(decider, draft.id, {
    action: "APPROVE",
    amountSek,
    reasons: "Beviljas enligt förslaget.",
  });
  return { applicant, officer, decider, id: draft.id };
}

/**
 * A case proposed for decision in round `roundId`, through the services: an applicant (of a new
 * organisation named `organisation`) submits, an officer (no conflict) checks, reviews with
 * `score` on every criterion and proposes `outcome` with `amountSek`.
 */
export async function makeProposedCase({
  roundId,
  officer,
  organisation = "Föreningen Test",
  score = 4,
  outcome = "APPROVED",
  amountSek = 300_000,
}: {
  roundId: string;
  officer?: Actor;
  organisation?: string;
  score?: number;
  outcome?: "APPROVED" | "REJECTED";
  amountSek?: number;
}) {
  const applicant = await makeUser();
  const org = await makeOrganisation(applicant, organisation);
  const draft = await makeDraft(applicant, { roundId, organisationId: org.id });
  await submitApplication(applicant, draft.id);
  const by = officer ?? (await makeUser(["REVIEWER"], "Erik Föredragande"));
  await declareConflict(by, draft.id, { hasConflict: false });
  await assign(by, draft.id);
  await readyForProposal(by, draft.id, score);
  await proposeDecision(
    by,
    draft.id,
    outcome === "APPROVED"
      ? { outcome, amountSek, reasons: "Väl förankrad ansökan." }
      : { outcome, reasons: "Svag koppling till segregation." },
  );
  const current = await db.application.findUniqueOrThrow({
    where: { id: draft.id },
    select: { referenceNumber: true, version: true, requestedSek: true },
  });
  return {
    applicant,
    officer: by,
    id: draft.id,
    ...current,
    referenceNumber: current.referenceNumber!,
  };
}
