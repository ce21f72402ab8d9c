import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { requirePageRole } from "@/lib/server/actor";
import { draftOf, getForApplicant, keptDraft, roundOf } from "@/lib/server/applications";
import { withKeptProblems } from "@/lib/validation/draft-fields";
import { orNotFound } from "@/lib/server/page";

import { checkDraft, type Part } from "@/lib/domain/application-parts";
import { applicantMayEdit, roundIsOpen } from "@/lib/domain/lifecycle";
import { todayInStockholm } from "@/lib/domain/dates";
import { formatDate, formatSek, type UiLocale } from "@/lib/domain/format";
import { LABELS } from "@/lib/domain/labels";
import { municipalityName } from "@/lib/reference/municipalities";
import { DECLARATIONS } from "@/lib/validation/application";
import { Checklist } from "@/components/wizard/checklist";
import { SubmitButton } from "@/components/wizard/submit-button";
import { submitApplicationAction } from "../actions";

export async function generateMetadata() {
  return { title: (await getTranslations("wizard.review"))("title") };
}

type Row = [label: string, value: React.ReactNode, anchor: string];

async function Section({ appId, part, rows }: { appId: string; part: Part; rows: Row[] }) {
  const t = await getTranslations("wizard");
  return (
    <section aria-labelledby={`review-${part}`} className="mb-10">
      <h2 id={`review-${part}`} className="mb-2 text-2xl font-bold">
        {t(`parts.${part}`)}
      </h2>
      <dl className="divide-y divide-line border-y border-line">
        {rows.map(([label, value, anchor]) => (
          <div key={label} className="grid gap-2 py-3 sm:grid-cols-[1fr_2fr_auto]">
            <dt className="font-semibold">{label}</dt>
            <dd className="whitespace-pre-line">
              {value || <span className="text-muted">{t("review.notFilledIn")}</span>}
            </dd>
            <dd>
              <Link href={`/ansokningar/${appId}/${part}#${anchor}`}>
                {t("review.change")}
                <span className="sr-only"> {label.toLowerCase()}</span>
              </Link>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export default async function ReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageRole(["APPLICANT"]);
  const app = await orNotFound(getForApplicant(actor, id));
  if (!applicantMayEdit(app.status)) redirect(`/ansokningar/${id}`);
  const { draft } = draftOf(app);
  // The same list the task list shows and submission enforces: the rules, and values kept invalid.
  const problems = withKeptProblems(
    checkDraft(draft, { today: todayInStockholm(), round: roundOf(app) }),
    keptDraft(app),
  );
  const completing = app.status === "COMPLEMENT_REQUESTED";
  const closed = !completing && !roundIsOpen(app.round);
  const t = await getTranslations("wizard.review");
  const tw = await getTranslations("wizard");
  const locale = (await getLocale()) as UiLocale;
  const L = LABELS[locale];
  const sek = (amount: number) => formatSek(amount, locale);
  const d = (date: Date | null) => (date ? formatDate(date, locale) : "");
  const list = (values: string[]) => values.join(", ");

  return (
    <div>
      <p className="mb-2">
        <Link href={`/ansokningar/${id}`}>{tw("backToParts")}</Link>
      </p>
      <h1 className="mb-2 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-6 max-w-2xl text-lg text-muted">{t("lead")}</p>
      <Checklist problems={problems} applicationId={id} />

      <Section
        appId={id}
        part="grunduppgifter"
        rows={[
          [t("titleRow"), app.title, "title"],
          [t("summary"), app.summary, "summary"],
          [t("track"), app.track ? L.track[app.track] : "", "track"],
          [
            t("variant"),
            app.variant
              ? L.variant[app.variant]
              : app.track === "INTERVENTION"
                ? t("noVariant")
                : "",
            "variant",
          ],
          [t("focusAreas"), list(app.focusAreas.map((f) => L.focusArea[f])), "focusAreas"],
          [
            t("period"),
            app.periodStart && app.periodEnd ? `${d(app.periodStart)} – ${d(app.periodEnd)}` : "",
            "period-start",
          ],
          [
            t("contact"),
            [app.contactName, app.contactEmail, app.contactPhone].filter(Boolean).join(", "),
            "contactName",
          ],
        ]}
      />
      <Section
        appId={id}
        part="omrade"
        rows={[
          [
            t("areas"),
            list(
              app.areas.map(
                (a) => `${a.name} (${municipalityName(a.municipalityCode) ?? a.municipalityCode})`,
              ),
            ),
            "areas",
          ],
          [t("needs"), app.needsDescription, "needsDescription"],
          ...(app.track === "INTERVENTION"
            ? [
                [
                  t("needBasis"),
                  app.needBasisKind
                    ? `${L.needBasis[app.needBasisKind]}\n${app.needBasisDescription ?? ""}`
                    : "",
                  "needBasis",
                ] as Row,
              ]
            : []),
        ]}
      />
      <Section
        appId={id}
        part="genomforande"
        rows={[
          ...(app.variant === "FOLLOW_UP"
            ? [
                [
                  t("previousGrant"),
                  app.previousGrantReference ?? "",
                  "previousGrantReference",
                ] as Row,
              ]
            : []),
          [t("methods"), list(app.methods.map((m) => L.method[m])), "methods"],
          ...(app.variant === "COORDINATION"
            ? [[t("strategicFramework"), app.strategicFramework ?? "", "strategicFramework"] as Row]
            : []),
          [t("genderEquality"), app.genderEqualityPerspective, "genderEqualityPerspective"],
          [t("longTerm"), app.longTermPlan, "longTermPlan"],
        ]}
      />
      <Section
        appId={id}
        part="partner"
        rows={
          app.partners.length
            ? app.partners.map(
                (p, i) =>
                  [
                    t("partner", { number: i + 1 }),
                    [
                      `${p.name}${p.orgNumber ? ` (${p.orgNumber})` : ""}`,
                      `${L.sector[p.sector]}${p.localAnchoring ? t("localAnchoring") : ""}`,
                      t("partnerRole", { role: p.role }),
                      t("partnerActivities", { activities: p.activities || "–" }),
                      t("partnerLetter", {
                        status: p.letter ? L.letterStatus[p.letter.status] : t("letterMissing"),
                      }),
                    ].join("\n"),
                    `partners-${i}-name`,
                  ] as Row,
              )
            : [[t("partners"), "", "partners"]]
        }
      />
      <Section
        appId={id}
        part="budget"
        rows={[
          ...app.budgetLines.map(
            (b, i) =>
              [
                `${b.year}: ${L.budgetCategory[b.category]}`,
                `${sek(b.amountSek)}${b.description ? ` – ${b.description}` : ""}`,
                `budget-${i}-amountSek`,
              ] as Row,
          ),
          [t("cofinancing"), sek(app.cofinancingSek), "cofinancingSek"],
          [t("requested"), <strong key="r">{sek(app.requestedSek)}</strong>, "requestedSek"],
          [
            t("otherFunding"),
            list(
              app.otherFunding.map(
                (f) => `${f.funder}: ${sek(f.amountSek)} (${L.fundingStatus[f.status]})`,
              ),
            ) || t("noOtherFunding"),
            "otherFunding",
          ],
          [
            t("stateAid"),
            app.stateAid === null ? "" : app.stateAid ? t("stateAidYes") : t("stateAidNo"),
            "stateAid",
          ],
        ]}
      />
      <Section
        appId={id}
        part="intyganden"
        rows={[
          [t("foundedOn"), d(app.organisation.foundedOn), "applicant-foundedOn"],
          ...DECLARATIONS.map(
            (name) =>
              [
                L.declaration[name],
                app[
                  (
                    {
                      independent: "declIndependent",
                      nonProfit: "declNonProfit",
                      respectsDemocracy: "declRespectsDemocracy",
                      noDebtsToEnforcementAuthority: "declNoDebts",
                      notInLiquidation: "declNotInLiquidation",
                    } as const
                  )[name]
                ]
                  ? t("declared")
                  : "",
                `declarations-${name}`,
              ] as Row,
          ),
        ]}
      />

      <section aria-labelledby="send-title" className="border-t-4 border-accent pt-6">
        <h2 id="send-title" className="mb-2 text-2xl font-bold">
          {completing ? t("sendComplement") : t("sendApplication")}
        </h2>
        {closed ? <p className="mb-4 font-semibold text-error">{t("roundClosed")}</p> : null}
        <p className="mb-4">{t("sendInfo")}</p>
        <SubmitButton
          applicationId={id}
          label={completing ? t("sendComplement") : t("sendApplication")}
          submit={submitApplicationAction}
        />
      </section>
    </div>
  );
}
