// Loads the demo world once: users of every role, organisations, an open round for the current
// year and a closed round of last year with submitted, completed (komplettering), proposed,
// approved and rejected applications. Running it again changes nothing.
import { createHash } from "node:crypto";
import { hash } from "@node-rs/argon2";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { checkApplication } from "@/lib/domain/rules";
import { refreshExampleSearchVector, refreshSearchIndex } from "@/lib/server/search-index";
import { createGrantPlan } from "@/lib/server/grant-plan";
import { renderDecisionLetter } from "@/lib/server/decision-letter";
import {
  applicationContractInclude,
  applicationToContract,
  contractToApplicationData,
  dateOnly,
} from "@/lib/server/application-contract";
import type { ApplicationContract } from "@/lib/validation/application";
import { seal } from "@/lib/server/secret-box";
import { requiresTwoFactor } from "@/lib/domain/two-factor";
import { addDays, addMonths, todayInStockholm } from "@/lib/domain/dates";
import {
  DEMO_BOARDS,
  DEMO_LEARNING_EXAMPLES,
  DEMO_CONTACTS,
  DEMO_ORGANISATIONS,
  DEMO_PASSWORD,
  DEMO_TOTP_SECRET,
  DEMO_USERS,
  demoApplications,
  demoDraft,
  type DemoOrgKey,
  type DemoUserKey,
} from "./demo-data";

const CRITERIA = [
  "NEED",
  "LOCAL_ANCHORING",
  "COLLABORATION",
  "LONG_TERM",
  "FEASIBILITY",
  "FOLLOW_UP",
  "GENDER_EQUALITY",
] as const;

export type SeedSummary = { skipped: boolean; users: number; applications: number };

export async function seedDemo(db: PrismaClient, now = new Date()): Promise<SeedSummary> {
  if (await db.user.findUnique({ where: { email: DEMO_USERS[0].email } }))
    return { skipped: true, users: 0, applications: 0 };

  const year = now.getUTCFullYear();
  const lastYear = year - 1;
  const passwordHash = await hash(DEMO_PASSWORD);
  const day = 24 * 60 * 60 * 1000;

  return db.$transaction(
    async (tx) => {
      const users = {} as Record<DemoUserKey, string>;
      // Staff accounts come enrolled in two-factor sign-in with the shared demo key (DEMO_TOTP_SECRET).
      const canSeal = Boolean(
        process.env.SAMVERKA_ENCRYPTION_KEY ??
        process.env.AUTH_SECRET ??
        process.env.NEXTAUTH_SECRET,
      );
      for (const u of DEMO_USERS) {
        const twoFactor =
          canSeal && requiresTwoFactor(u.roles)
            ? { totpSecret: seal(DEMO_TOTP_SECRET), totpEnabledAt: now }
            : {};
        users[u.key] = (
          await tx.user.create({
            // Demo accounts count as having confirmed their e-mail address.
            data: {
              email: u.email,
              name: u.name,
              roles: [...u.roles],
              passwordHash,
              emailVerifiedAt: now,
              ...twoFactor,
            },
          })
        ).id;
      }
      const orgs = {} as Record<DemoOrgKey, string>;
      for (const o of DEMO_ORGANISATIONS) {
        const created = await tx.organisation.create({
          data: {
            name: o.name,
            orgNumber: o.orgNumber,
            legalForm: o.legalForm,
            municipalityCode: o.municipalityCode,
            foundedOn: dateOnly(o.foundedOn),
            streetAddress: o.street,
            postalCode: o.postal,
            city: o.city,
            contactEmail: `info@${o.key}.example`,
            contactPhone: "08-123 456 78",
            payoutType: o.payout[0],
            payoutAccount: o.payout[1],
            memberships: { create: o.members.map((m) => ({ userId: users[m] })) },
            boardMembers: {
              create: DEMO_BOARDS[o.key].map((member, position) => ({ position, ...member })),
            },
          },
        });
        orgs[o.key] = created.id;
      }

      const allTracks = ["KNOWLEDGE", "COLLABORATION", "INTERVENTION"] as const;
      const closedRound = await tx.grantRound.create({
        data: {
          title: `Statsbidrag mot segregation ${year}`,
          year: lastYear,
          opensAt: new Date(Date.UTC(lastYear, 8, 1, 6)),
          closesAt: new Date(Date.UTC(lastYear, 9, 15, 21, 59)),
          budgetSek: 25_000_000,
          acceptedTracks: [...allTracks],
          longestPeriodMonths: 36,
          targetDecisionOn: new Date(Date.UTC(lastYear, 11, 10)),
          status: "CLOSED",
        },
      });
      const openRound = await tx.grantRound.create({
        data: {
          title: `Statsbidrag mot segregation ${year + 1}`,
          year,
          opensAt: new Date(now.getTime() - 14 * day),
          closesAt: new Date(now.getTime() + 60 * day),
          budgetSek: 25_000_000,
          acceptedTracks: [...allTracks],
          longestPeriodMonths: 36,
          targetDecisionOn: dateOnly(
            addDays(todayInStockholm(new Date(now.getTime() + 60 * day)), 60),
          ),
          status: "OPEN",
        },
      });

      const content = demoApplications(year);
      const counters = new Map<number, number>();
      let applications = 0;

      async function submitted(
        orgKey: DemoOrgKey,
        createdBy: DemoUserKey,
        c: ApplicationContract,
        roundId: string,
        submittedAt: Date,
        status: "SUBMITTED" | "IN_REVIEW" | "PROPOSED" | "APPROVED" | "REJECTED",
      ) {
        const refYear = submittedAt.getUTCFullYear();
        const seq = (counters.get(refYear) ?? 0) + 1;
        counters.set(refYear, seq);
        const app = await tx.application.create({
          data: {
            ...contractToApplicationData(c),
            ...DEMO_CONTACTS[orgKey],
            round: { connect: { id: roundId } },
            organisation: { connect: { id: orgs[orgKey] } },
            createdBy: { connect: { id: users[createdBy] } },
            status,
            referenceNumber: `${refYear}/${String(seq).padStart(4, "0")}`,
            submittedAt,
            assessmentStep:
              status === "SUBMITTED" ? "FORMAL" : status === "IN_REVIEW" ? "MATERIAL" : "COMPLETE",
            assignedTo: status === "SUBMITTED" ? undefined : { connect: { id: users.reviewer } },
            // A case past the first step has passed the formal check (a proposal needs it).
            ...(status === "SUBMITTED"
              ? {}
              : {
                  formalCheckPassed: true,
                  formalCheckById: users.reviewer,
                  formalCheckAt: new Date(submittedAt.getTime() + 2 * day),
                }),
          },
          include: applicationContractInclude,
        });
        applications++;
        const frozen = applicationToContract(app);
        await tx.applicationVersion.create({
          data: {
            applicationId: app.id,
            number: 1,
            reason: "SUBMISSION",
            createdById: users[createdBy],
            createdAt: submittedAt,
            content: frozen,
            ruleResult: checkApplication(frozen, {
              today: submittedAt.toISOString().slice(0, 10),
              round: { longestPeriodMonths: 36 },
            }),
          },
        });
        await tx.auditEvent.create({
          data: {
            at: submittedAt,
            actorId: users[createdBy],
            action: "application.submitted",
            entityType: "Application",
            entityId: app.id,
            before: { status: "DRAFT" },
            after: { status: "SUBMITTED", referenceNumber: app.referenceNumber },
          },
        });
        return app;
      }

      async function review(
        applicationId: string,
        reviewer: DemoUserKey,
        score: number,
        recommendation: "APPROVE" | "REJECT",
        at: Date,
      ) {
        await tx.conflictDeclaration.create({
          data: { applicationId, userId: users[reviewer], status: "NO_CONFLICT", declaredAt: at },
        });
        await tx.review.create({
          data: {
            applicationId,
            reviewerId: users[reviewer],
            recommendation,
            completedAt: at,
            summary:
              recommendation === "APPROVE"
                ? "Väl förankrad ansökan med tydliga roller och en plan för tiden efter bidraget."
                : "Ansökan beskriver behovet för tunt och saknar en plan för att mäta resultat.",
            scores: {
              create: CRITERIA.map((criterion, i) => ({
                criterion,
                score: Math.max(1, Math.min(5, score - (i % 3 === 2 ? 1 : 0))),
                comment: "Bedömd utifrån ansökan och avsiktsförklaringarna.",
              })),
            },
          },
        });
      }

      async function decide(
        app: { id: string; requestedSek: number },
        outcome: "APPROVED" | "REJECTED",
        amountSek: number | null,
        reasons: string,
        decidedOn: Date,
      ) {
        const proposal = await tx.decisionProposal.create({
          data: {
            applicationId: app.id,
            proposedById: users.reviewer,
            outcome,
            amountSek,
            reasons,
            status: "DECIDED",
            createdAt: new Date(decidedOn.getTime() - 7 * day),
          },
        });
        // The decision letter, as the decision would have made it (stored like lib/server/storage.ts does).
        const full = await tx.application.findUniqueOrThrow({
          where: { id: app.id },
          include: { organisation: true },
        });
        const name = (key: DemoUserKey) => DEMO_USERS.find((u) => u.key === key)!.name;
        const pdf = Buffer.from(
          await renderDecisionLetter({
            referenceNumber: full.referenceNumber!,
            title: full.title,
            track: full.track!,
            variant: full.variant,
            organisation: {
              name: full.organisation.name,
              orgNumber: full.organisation.orgNumber,
              address: [
                full.organisation.streetAddress,
                `${full.organisation.postalCode ?? ""} ${full.organisation.city ?? ""}`.trim(),
              ]
                .filter(Boolean)
                .join(", "),
            },
            outcome,
            amountSek,
            requestedSek: full.requestedSek,
            period: { start: full.periodStart, end: full.periodEnd },
            reasons,
            decidedOn,
            decider: name("decider"),
            presenter: name("reviewer"),
            finalReportDue:
              outcome === "APPROVED" && full.periodEnd
                ? dateOnly(addMonths(full.periodEnd.toISOString().slice(0, 10), 2))
                : null,
          }),
        );
        const sha256 = createHash("sha256").update(pdf).digest("hex");
        await tx.fileBlob.upsert({
          where: { sha256 },
          create: { sha256, data: new Uint8Array(pdf), size: pdf.length },
          update: {},
        });
        const letter = await tx.storedFile.create({
          data: {
            sha256,
            contentType: "application/pdf",
            fileName: `beslut-${full.referenceNumber!.replace("/", "-")}.pdf`,
            size: pdf.length,
          },
        });
        await tx.decision.create({
          data: {
            applicationId: app.id,
            roundId: closedRound.id,
            proposalId: proposal.id,
            outcome,
            amountSek,
            reasons,
            decidedOn,
            deciderId: users.decider,
            letterFileId: letter.id,
          },
        });
        if (outcome === "APPROVED" && amountSek) {
          const iso = (d: Date) => d.toISOString().slice(0, 10);
          const full = await tx.application.findUniqueOrThrow({ where: { id: app.id } });
          await createGrantPlan(tx, {
            applicationId: app.id,
            amountSek,
            periodStart: iso(full.periodStart!),
            periodEnd: iso(full.periodEnd!),
            decidedOn: iso(decidedOn),
          });
        }
        await tx.auditEvent.create({
          data: {
            at: decidedOn,
            actorId: users.decider,
            action: "decision.made",
            entityType: "Application",
            entityId: app.id,
            before: { status: "PROPOSED" },
            after: { status: outcome, amountSek },
          },
        });
      }

      const submittedLastYear = new Date(Date.UTC(lastYear, 9, 10, 12));
      const decidedOn = new Date(Date.UTC(lastYear, 11, 10));

      const skarholmen = await submitted(
        "skarholmen",
        "applicant",
        content.skarholmen,
        closedRound.id,
        submittedLastYear,
        "APPROVED",
      );
      await review(skarholmen.id, "reviewer", 5, "APPROVE", new Date(Date.UTC(lastYear, 10, 5)));
      await decide(
        skarholmen,
        "APPROVED",
        1_020_000,
        "Ansökan uppfyller de formella kraven och visar stark lokal förankring med stadsdelsförvaltningen, bostadsbolaget och skolan. Beloppet är något lägre än det sökta eftersom lokalkostnaden delvis täcks av Stockholms stad.",
        decidedOn,
      );

      const rosengard = await submitted(
        "rosengard",
        "rosengard",
        content.rosengard,
        closedRound.id,
        submittedLastYear,
        "APPROVED",
      );
      await review(rosengard.id, "reviewer", 4, "APPROVE", new Date(Date.UTC(lastYear, 10, 6)));
      await decide(
        rosengard,
        "APPROVED",
        rosengard.requestedSek,
        "Insatsen bygger på ett behov som identifierats i samverkan och har en plan för att föras in i ordinarie verksamhet.",
        decidedOn,
      );

      const angered = await submitted(
        "angered",
        "angered",
        content.angered,
        closedRound.id,
        submittedLastYear,
        "APPROVED",
      );
      await review(angered.id, "reviewer2", 4, "APPROVE", new Date(Date.UTC(lastYear, 10, 7)));
      await decide(
        angered,
        "APPROVED",
        angered.requestedSek,
        "Kartläggningen ger kunskap som kommunen har efterfrågat och genomförs med forskarstöd.",
        decidedOn,
      );

      const husby = await submitted(
        "husby",
        "husby",
        content.husbyRejected,
        closedRound.id,
        submittedLastYear,
        "REJECTED",
      );
      await review(husby.id, "reviewer", 2, "REJECT", new Date(Date.UTC(lastYear, 10, 8)));
      await decide(
        husby,
        "REJECTED",
        null,
        "Ansökan beskriver inte behovet tillräckligt och saknar en plan för hur resultaten ska följas upp. Andra ansökningar bedömdes ha högre relevans inom budgetramen.",
        decidedOn,
      );

      const framtid = await submitted(
        "framtid",
        "applicant",
        content.framtidRejected,
        closedRound.id,
        submittedLastYear,
        "REJECTED",
      );
      await review(framtid.id, "reviewer2", 2, "REJECT", new Date(Date.UTC(lastYear, 10, 9)));
      await decide(
        framtid,
        "REJECTED",
        null,
        "Uppföljningen bedöms inte tillföra tillräckligt ny kunskap i förhållande till den tidigare studien.",
        decidedOn,
      );

      // Completed after a completion request (komplettering): two versions, back with the officer.
      const hjallbo = await submitted(
        "hjallbo",
        "angered",
        content.hjallbo,
        closedRound.id,
        submittedLastYear,
        "IN_REVIEW",
      );
      await tx.conflictDeclaration.create({
        data: { applicationId: hjallbo.id, userId: users.reviewer, status: "NO_CONFLICT" },
      });
      await tx.complementRequest.create({
        data: {
          applicationId: hjallbo.id,
          requestedById: users.reviewer,
          message:
            "Beskriv hur ni når föräldrar som inte talar svenska, och hur många ni räknar med.",
          createdAt: new Date(Date.UTC(lastYear, 10, 1)),
          answeredAt: new Date(Date.UTC(lastYear, 10, 6)),
        },
      });
      const completedText = `${content.hjallbo.summary} Föräldracaféet har tolk på arabiska, somaliska och tigrinja; vi räknar med 40 föräldrar per termin.`;
      await tx.application.update({ where: { id: hjallbo.id }, data: { summary: completedText } });
      await tx.applicationVersion.create({
        data: {
          applicationId: hjallbo.id,
          number: 2,
          reason: "COMPLEMENT",
          createdById: users.angered,
          createdAt: new Date(Date.UTC(lastYear, 10, 6)),
          content: { ...applicationToContract(hjallbo), summary: completedText },
          ruleResult: checkApplication(
            { ...applicationToContract(hjallbo), summary: completedText },
            { today: `${lastYear}-11-06` },
          ),
        },
      });

      const gottsunda = await submitted(
        "gottsunda",
        "rosengard",
        content.gottsunda,
        closedRound.id,
        submittedLastYear,
        "PROPOSED",
      );
      await review(gottsunda.id, "reviewer2", 4, "APPROVE", new Date(Date.UTC(lastYear, 10, 12)));
      await tx.decisionProposal.create({
        data: {
          applicationId: gottsunda.id,
          proposedById: users.reviewer2,
          outcome: "APPROVED",
          amountSek: 280_000,
          reasons: "Förstudien svarar mot ett tydligt behov av samordning och har kommunens stöd.",
        },
      });

      await submitted(
        "navestad",
        "husby",
        content.navestad,
        closedRound.id,
        submittedLastYear,
        "SUBMITTED",
      );

      // The open round: one submitted application and the demo applicant's draft.
      await submitted(
        "husby",
        "husby",
        content.husbyTogether,
        openRound.id,
        new Date(now.getTime() - 3 * day),
        "SUBMITTED",
      );
      const draft = demoDraft(year);
      await tx.application.create({
        data: {
          roundId: openRound.id,
          organisationId: orgs.skarholmen,
          createdById: users.applicant,
          status: "DRAFT",
          track: draft.track,
          title: draft.title,
          summary: draft.summary,
          needsDescription: draft.needsDescription,
          focusAreas: draft.focusAreas,
          periodStart: dateOnly(draft.periodStart),
          periodEnd: dateOnly(draft.periodEnd),
          areas: { create: [{ position: 0, municipalityCode: "0180", name: "Skärholmen" }] },
        },
      });
      applications++;

      for (const [y, last] of counters)
        await tx.referenceCounter.create({ data: { year: y, last } });
      await refreshSearchIndex(tx);
      // The approved grants' public summaries, as an officer published them.
      for (const [index, [app, key]] of (
        [
          [skarholmen, "skarholmen"],
          [rosengard, "rosengard"],
          [angered, "angered"],
        ] as const
      ).entries()) {
        const report = await tx.followUpReport.findFirstOrThrow({
          where: { applicationId: app.id, kind: "FINAL" },
        });
        const publishedAt = new Date(now.getTime() - (20 + 7 * index) * day);
        await tx.learningExample.create({
          data: {
            reportId: report.id,
            ...DEMO_LEARNING_EXAMPLES[key],
            status: "PUBLISHED",
            consentedAt: new Date(publishedAt.getTime() - 5 * day),
            submittedAt: new Date(publishedAt.getTime() - 5 * day),
            publishedAt,
            publishedById: users.reviewer,
          },
        });
      }
      await refreshExampleSearchVector(tx);
      await tx.auditEvent.create({
        data: {
          action: "seed.demo_loaded",
          entityType: "System",
          meta: { users: DEMO_USERS.length, applications },
        },
      });
      return { skipped: false, users: DEMO_USERS.length, applications };
    },
    { timeout: 60_000 },
  );
}
