"use client";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { fieldId } from "@/lib/domain/application-parts";
import { LABELS, options } from "@/lib/domain/labels";
import { yearsBetween, isIsoDate } from "@/lib/domain/dates";
import { formatSek, type UiLocale } from "@/lib/domain/format";
import { MUNICIPALITIES_BY_NAME } from "@/lib/reference/municipalities";
import { DECLARATIONS } from "@/lib/validation/application";
import { TEXT_LIMITS, type PartData } from "@/lib/validation/draft";
import { PEOPLE_LIMITS as P } from "@/lib/validation/people";
import type { Problem } from "@/lib/domain/rules";
import {
  AmountInput,
  Checkbox,
  Checkboxes,
  Input,
  Radios,
  Select,
  TextArea,
} from "@/components/ui/form";
import { Button } from "@/components/ui/button";
import { PartFrame, usePartForm, type PartFormProps } from "./part-form";
import { LettersNote, PartnerLetter } from "./partner-letter";
import type { LetterDetails } from "@/lib/domain/draft-patch";
import { useFocusAfterRender } from "@/components/ui/focus";

const municipalityOptions = MUNICIPALITIES_BY_NAME.map((m) => ({ value: m.code, label: m.name }));
const id = fieldId;
/** The enumeration labels in the language the person has chosen. */
const useLabels = () => LABELS[useLocale() as UiLocale];
const T = TEXT_LIMITS;

/**
 * The messages about a list or group itself (not about one of its rows, which the row shows),
 * once the form shows errors there, each once.
 */
function ownMessages(
  f: { error: (path: string) => string | undefined; partProblems: Problem[] },
  path: string,
): string[] {
  const shown = f.error(path);
  if (!shown) return [];
  const own = f.partProblems.filter((p) => p.path === path).map((p) => p.message);
  const fromRow =
    !own.includes(shown) &&
    f.partProblems.some((p) => p.path.startsWith(`${path}.`) && p.message === shown);
  return [...new Set(fromRow ? own : [shown, ...own])];
}

export function BasicsForm(props: PartFormProps<"grunduppgifter">) {
  const f = usePartForm(props);
  const d = f.data;
  const variants =
    d.track === "KNOWLEDGE"
      ? (["NEW", "FOLLOW_UP"] as const)
      : d.track === "COLLABORATION"
        ? (["COORDINATION", "EXPLORATORY"] as const)
        : [];
  const t = useTranslations("wizard.basics");
  const L = useLabels();
  return (
    <PartFrame form={f} title={t("title")} lead={t("lead")}>
      <Input
        id={id("title")}
        label={t("titleLabel")}
        hint={t("titleHint")}
        value={d.title}
        onChange={(title) => f.update({ title })}
        onBlur={() => f.touch("title")}
        error={f.error("title")}
        maxChars={T.title}
      />
      <TextArea
        id={id("summary")}
        label={t("summary")}
        hint={t("summaryHint")}
        rows={4}
        value={d.summary}
        onChange={(summary) => f.update({ summary })}
        onBlur={() => f.touch("summary")}
        error={f.error("summary")}
        maxChars={T.summary}
      />
      <Radios
        id={id("track")}
        label={t("track")}
        hint={t("trackHint")}
        value={d.track}
        options={options(L.track).map((o) => ({ ...o, hint: t(`trackHints.${o.value}`) }))}
        onChange={(track) => f.update({ track: track as typeof d.track, variant: null })}
        error={f.error("track")}
      />
      {variants.length ? (
        <Radios
          id={id("variant")}
          label={t("variant")}
          hint={
            d.track === "KNOWLEDGE" ? t("variantHint.KNOWLEDGE") : t("variantHint.COLLABORATION")
          }
          value={d.variant}
          options={variants.map((v) => ({ value: v, label: L.variant[v] }))}
          onChange={(variant) => f.update({ variant: variant as typeof d.variant })}
          error={f.error("variant")}
        />
      ) : null}
      <Checkboxes
        id={id("focusAreas")}
        label={t("focusAreas")}
        hint={t("focusAreasHint")}
        optional
        values={d.focusAreas}
        options={options(L.focusArea)}
        onChange={(v) => f.update({ focusAreas: v as typeof d.focusAreas })}
        error={f.error("focusAreas")}
      />
      <fieldset className="mb-6">
        <legend className="text-lg font-semibold">{t("period")}</legend>
        <p className="mb-2 text-muted">{t("periodHint")}</p>
        <Input
          id={id("period.start")}
          type="date"
          label={t("start")}
          width="max-w-xs"
          value={d.periodStart}
          onChange={(periodStart) => f.update({ periodStart })}
          onBlur={() => f.touch("period.start")}
          error={f.error("period.start")}
        />
        <Input
          id={id("period.end")}
          type="date"
          label={t("end")}
          width="max-w-xs"
          value={d.periodEnd}
          onChange={(periodEnd) => f.update({ periodEnd })}
          onBlur={() => f.touch("period.end")}
          error={f.error("period.end")}
        />
      </fieldset>
      <fieldset className="mb-6" data-testid="contact-person">
        <legend className="text-lg font-semibold">
          {t("contact")} <span className="font-normal">{t("contactOptional")}</span>
        </legend>
        <p className="mb-2 text-muted">{t("contactHint")}</p>
        <Input
          id={id("contactName")}
          label={t("contactName")}
          autoComplete="name"
          value={d.contactName}
          onChange={(contactName) => f.update({ contactName })}
          error={f.error("contactName")}
          maxChars={P.name}
        />
        <Input
          id={id("contactEmail")}
          type="email"
          inputMode="email"
          autoComplete="email"
          label={t("contactEmail")}
          value={d.contactEmail}
          onChange={(contactEmail) => f.update({ contactEmail })}
          error={f.error("contactEmail")}
        />
        <Input
          id={id("contactPhone")}
          type="tel"
          autoComplete="tel"
          label={t("contactPhone")}
          hint={t("contactPhoneHint")}
          width="max-w-xs"
          value={d.contactPhone}
          onChange={(contactPhone) => f.update({ contactPhone })}
          error={f.error("contactPhone")}
        />
      </fieldset>
    </PartFrame>
  );
}

export function AreaForm(props: PartFormProps<"omrade">) {
  const f = usePartForm(props);
  const d = f.data;
  const track = props.draft.track;
  // An area added: its municipality has the focus (UX.md, "Focus after every action").
  const focusAfter = useFocusAfterRender();
  const setArea = (i: number, patch: Partial<(typeof d.areas)[number]>) =>
    f.update({ areas: d.areas.map((a, j) => (j === i ? { ...a, ...patch } : a)) });
  const t = useTranslations("wizard.area");
  const L = useLabels();
  return (
    <PartFrame form={f} title={t("title")} lead={t("lead")}>
      <fieldset id={id("areas")} tabIndex={-1} className="mb-6">
        <legend className="text-lg font-semibold">{t("areas")}</legend>
        <p className="mb-3 text-muted">{t("areasHint")}</p>
        {ownMessages(f, "areas").map((message) => (
          <p key={message} className="mb-2 font-semibold text-error">
            {message}
          </p>
        ))}
        {d.areas.map((area, i) => (
          <div key={i} className="mb-4 border-l-4 border-line pl-4">
            <Select
              id={id(`areas.${i}.municipalityCode`)}
              label={t("municipality", { number: i + 1 })}
              placeholder={t("chooseMunicipality")}
              value={area.municipalityCode}
              options={municipalityOptions}
              onChange={(municipalityCode) => setArea(i, { municipalityCode })}
              error={f.error(`areas.${i}.municipalityCode`)}
            />
            <Input
              id={id(`areas.${i}.name`)}
              label={t("name", { number: i + 1 })}
              hint={t("nameHint")}
              value={area.name}
              onChange={(name) => setArea(i, { name })}
              onBlur={() => f.touch(`areas.${i}.name`)}
              error={f.error(`areas.${i}.name`)}
              maxChars={T.areaName}
            />
            <Button
              type="button"
              variant="secondary"
              onClick={() => f.update({ areas: d.areas.filter((_, j) => j !== i) })}
            >
              {t("remove", { number: i + 1 })}
            </Button>
          </div>
        ))}
        <Button
          type="button"
          variant="secondary"
          onClick={() => {
            f.update({ areas: [...d.areas, { municipalityCode: "", name: "" }] });
            focusAfter(id(`areas.${d.areas.length}.municipalityCode`));
          }}
        >
          {t("add")}
        </Button>
      </fieldset>
      <TextArea
        id={id("needsDescription")}
        label={t("needs")}
        rows={8}
        hint={t("needsHint")}
        value={d.needsDescription}
        onChange={(needsDescription) => f.update({ needsDescription })}
        onBlur={() => f.touch("needsDescription")}
        error={f.error("needsDescription")}
        maxChars={T.needsDescription}
      />
      {track === "INTERVENTION" ? (
        <fieldset
          id={id("needBasis")}
          tabIndex={-1}
          className={`mb-6 ${f.error("needBasis") ? "border-l-4 border-error pl-4" : ""}`}
        >
          <legend className="text-lg font-semibold">{t("needBasis")}</legend>
          <p className="mb-2 text-muted">{t("needBasisHint")}</p>
          {f.error("needBasis") ? (
            <p className="mb-2 font-semibold text-error">{f.error("needBasis")}</p>
          ) : null}
          <Radios
            id="needBasis-kind"
            label={t("needBasisKind")}
            value={d.needBasisKind}
            options={options(L.needBasis)}
            onChange={(k) => f.update({ needBasisKind: k as typeof d.needBasisKind })}
          />
          <TextArea
            id="needBasis-description"
            label={t("needBasisDescription")}
            hint={t("needBasisDescriptionHint")}
            value={d.needBasisDescription}
            onChange={(needBasisDescription) => f.update({ needBasisDescription })}
            onBlur={() => f.touch("needBasis")}
            maxChars={T.needBasisDescription}
          />
        </fieldset>
      ) : null}
    </PartFrame>
  );
}

export function ImplementationForm(props: PartFormProps<"genomforande">) {
  const f = usePartForm(props);
  const d = f.data;
  const { track, variant } = props.draft;
  const t = useTranslations("wizard.implementation");
  const L = useLabels();
  return (
    <PartFrame form={f} title={t("title")} lead={t("lead")}>
      {track === "KNOWLEDGE" && variant === "FOLLOW_UP" ? (
        <Input
          id={id("previousGrantReference")}
          label={t("previousGrant")}
          hint={t("previousGrantHint")}
          width="max-w-xs"
          value={d.previousGrantReference}
          onChange={(previousGrantReference) => f.update({ previousGrantReference })}
          onBlur={() => f.touch("previousGrantReference")}
          error={f.error("previousGrantReference")}
        />
      ) : null}
      <Checkboxes
        id={id("methods")}
        label={t("methods")}
        optional={track !== "KNOWLEDGE"}
        hint={track === "KNOWLEDGE" ? t("methodsHintKnowledge") : t("methodsHint")}
        values={d.methods}
        options={options(L.method)}
        onChange={(v) => f.update({ methods: v as typeof d.methods })}
        error={f.error("methods")}
      />
      {track === "COLLABORATION" && variant === "COORDINATION" ? (
        <TextArea
          id={id("strategicFramework")}
          label={t("strategicFramework")}
          rows={6}
          hint={t("strategicFrameworkHint")}
          value={d.strategicFramework}
          onChange={(strategicFramework) => f.update({ strategicFramework })}
          onBlur={() => f.touch("strategicFramework")}
          error={f.error("strategicFramework")}
          maxChars={T.strategicFramework}
        />
      ) : null}
      <TextArea
        id={id("genderEqualityPerspective")}
        label={t("genderEquality")}
        rows={5}
        hint={t("genderEqualityHint")}
        value={d.genderEqualityPerspective}
        onChange={(genderEqualityPerspective) => f.update({ genderEqualityPerspective })}
        onBlur={() => f.touch("genderEqualityPerspective")}
        error={f.error("genderEqualityPerspective")}
        maxChars={T.genderEqualityPerspective}
      />
      <TextArea
        id={id("longTermPlan")}
        label={t("longTerm")}
        rows={5}
        hint={t("longTermHint")}
        value={d.longTermPlan}
        onChange={(longTermPlan) => f.update({ longTermPlan })}
        onBlur={() => f.touch("longTermPlan")}
        error={f.error("longTermPlan")}
        maxChars={T.longTermPlan}
      />
    </PartFrame>
  );
}

type PartnerRow = PartData<"partner">["partners"][number];
// A new partner gets its id here, so that saves before and after the first one name the same row.
const emptyPartner = (): PartnerRow => ({
  id: crypto.randomUUID(),
  name: "",
  orgNumber: "",
  sector: "MUNICIPALITY",
  localAnchoring: false,
  role: "",
  activities: "",
  contactName: "",
  contactEmail: "",
});

export function PartnersForm(
  props: PartFormProps<"partner"> & {
    /** Where each letter's link went and why a partner declined (by partner id), when known. */
    letterDetails?: LetterDetails;
  },
) {
  const f = usePartForm(props);
  // A partner added: its name field has the focus; one removed: the neighbour's legend, or "add".
  const focusAfter = useFocusAfterRender();
  const d = f.data;
  const coordination =
    props.draft.track === "COLLABORATION" && props.draft.variant === "COORDINATION";
  const set = (i: number, patch: Partial<PartnerRow>) =>
    f.update({ partners: d.partners.map((p, j) => (j === i ? { ...p, ...patch } : p)) });
  const t = useTranslations("wizard.partners");
  const L = useLabels();
  return (
    <PartFrame form={f} title={t("title")} lead={t("lead")}>
      <div id={id("partners")} tabIndex={-1} className="mb-4">
        {ownMessages(f, "partners").map((message) => (
          <p key={message} className="mb-2 font-semibold text-error">
            {message}
          </p>
        ))}
      </div>
      {d.partners.map((p, i) => (
        <fieldset
          key={p.id ?? `new-${i}`}
          className="mb-8 border-l-4 border-accent pl-4"
          aria-labelledby={`partner-${i}-legend`}
        >
          <legend id={`partner-${i}-legend`} className="text-xl font-bold">
            {p.name
              ? t("legendNamed", { number: i + 1, name: p.name })
              : t("legend", { number: i + 1 })}
          </legend>
          <PartnerLetter
            applicationId={props.applicationId}
            partner={p}
            letters={props.letters}
            details={props.letterDetails}
          />
          <Input
            id={id(`partners.${i}.name`)}
            label={t("name")}
            value={p.name}
            onChange={(name) => set(i, { name })}
            onBlur={() => f.touch(`partners.${i}.name`)}
            error={f.error(`partners.${i}.name`)}
            maxChars={T.partnerName}
          />
          <Input
            id={id(`partners.${i}.orgNumber`)}
            label={t("orgNumber")}
            optional
            hint={t("orgNumberHint")}
            width="max-w-xs"
            value={p.orgNumber}
            onChange={(orgNumber) => set(i, { orgNumber })}
            onBlur={() => f.touch(`partners.${i}.orgNumber`)}
            error={f.error(`partners.${i}.orgNumber`)}
          />
          <Select
            id={id(`partners.${i}.sector`)}
            label={t("sector")}
            value={p.sector}
            options={options(L.sector)}
            onChange={(sector) => set(i, { sector: sector as PartnerRow["sector"] })}
          />
          <Checkbox
            id={id(`partners.${i}.localAnchoring`)}
            label={t("localAnchoring")}
            hint={t("localAnchoringHint")}
            checked={p.localAnchoring}
            onChange={(localAnchoring) => set(i, { localAnchoring })}
          />
          <TextArea
            id={id(`partners.${i}.role`)}
            label={t("role")}
            rows={3}
            hint={t("roleHint")}
            value={p.role}
            onChange={(role) => set(i, { role })}
            onBlur={() => f.touch(`partners.${i}.role`)}
            error={f.error(`partners.${i}.role`)}
            maxChars={T.partnerRole}
          />
          <TextArea
            id={id(`partners.${i}.activities`)}
            label={t("activities")}
            rows={3}
            optional={!coordination}
            hint={t("activitiesHint")}
            value={p.activities}
            onChange={(activities) => set(i, { activities })}
            onBlur={() => f.touch(`partners.${i}.activities`)}
            error={f.error(`partners.${i}.activities`)}
            maxChars={T.partnerActivities}
          />
          <Input
            id={id(`partners.${i}.contactName`)}
            label={t("contactName")}
            optional
            hint={t("contactNameHint")}
            value={p.contactName}
            onChange={(contactName) => set(i, { contactName })}
            onBlur={() => f.touch(`partners.${i}.contactName`)}
            error={f.error(`partners.${i}.contactName`)}
            maxChars={T.partnerContactName}
          />
          <Input
            id={id(`partners.${i}.contactEmail`)}
            type="email"
            label={t("contactEmail")}
            optional
            hint={t("contactEmailHint")}
            value={p.contactEmail}
            onChange={(contactEmail) => set(i, { contactEmail })}
            error={f.serverErrors[`partners.${i}.contactEmail`]}
          />
          <Button
            type="button"
            variant="secondary"
            onClick={() => {
              f.update({ partners: d.partners.filter((_, j) => j !== i) });
              const left = d.partners.length - 1;
              focusAfter(left ? `partner-${Math.min(i, left - 1)}-legend` : "partners-add");
            }}
          >
            {t("remove", { number: i + 1 })}
          </Button>
        </fieldset>
      ))}
      <Button
        id="partners-add"
        type="button"
        variant="secondary"
        onClick={() => {
          f.update({ partners: [...d.partners, emptyPartner()] });
          focusAfter(id(`partners.${d.partners.length}.name`));
        }}
      >
        {t("add")}
      </Button>
      <LettersNote applicationId={props.applicationId} />
    </PartFrame>
  );
}

type BudgetRow = PartData<"budget">["budget"][number];
type FundingRow = PartData<"budget">["otherFunding"][number];

export function BudgetForm(props: PartFormProps<"budget">) {
  const f = usePartForm(props);
  const d = f.data;
  const period = props.draft.period;
  const years =
    period && isIsoDate(period.start) && isIsoDate(period.end)
      ? yearsBetween(period.start, period.end)
      : [];
  const total = d.budget.reduce((s, b) => s + (Number.isFinite(b.amountSek) ? b.amountSek : 0), 0);
  const requested = total - (Number.isFinite(d.cofinancingSek) ? d.cofinancingSek : 0);
  // A row added (budget or other funding): its first field has the focus (UX.md, "Focus after
  // every action").
  const focusAfter = useFocusAfterRender();
  const setLine = (i: number, patch: Partial<BudgetRow>) =>
    f.update({ budget: d.budget.map((b, j) => (j === i ? { ...b, ...patch } : b)) });
  const setFunding = (i: number, patch: Partial<FundingRow>) =>
    f.update({ otherFunding: d.otherFunding.map((b, j) => (j === i ? { ...b, ...patch } : b)) });
  const yearOptions = (years.length ? years : [new Date().getFullYear() + 1]).map((y) => ({
    value: String(y),
    label: String(y),
  }));
  const t = useTranslations("wizard.budget");
  const locale = useLocale() as UiLocale;
  const L = LABELS[locale];
  return (
    <PartFrame form={f} title={t("title")} lead={t("lead")}>
      <fieldset id={id("budget")} tabIndex={-1} className="mb-6">
        <legend className="text-lg font-semibold">{t("budget")}</legend>
        {!years.length ? <p className="mb-2 text-muted">{t("noPeriod")}</p> : null}
        {d.budget.map((line, i) => (
          <div key={i} className="mb-4 grid gap-x-4 border-l-4 border-line pl-4 sm:grid-cols-2">
            <Select
              id={id(`budget.${i}.year`)}
              label={t("year", { number: i + 1 })}
              value={String(line.year)}
              options={yearOptions}
              onChange={(v) => setLine(i, { year: Number(v) })}
              error={f.error(`budget.${i}.year`)}
            />
            <Select
              id={id(`budget.${i}.category`)}
              label={t("category", { number: i + 1 })}
              value={line.category}
              options={options(L.budgetCategory)}
              onChange={(v) => setLine(i, { category: v as BudgetRow["category"] })}
            />
            <AmountInput
              id={id(`budget.${i}.amountSek`)}
              label={t("amount", { number: i + 1 })}
              value={line.amountSek}
              empty={0}
              onChange={(amountSek) => setLine(i, { amountSek })}
              error={f.error(`budget.${i}.amountSek`)}
            />
            <Input
              id={id(`budget.${i}.description`)}
              label={t("description", { number: i + 1 })}
              optional
              hint={t("descriptionHint")}
              value={line.description}
              onChange={(description) => setLine(i, { description })}
              onBlur={() => f.touch(`budget.${i}.description`)}
              error={f.error(`budget.${i}.description`)}
              maxChars={T.budgetDescription}
            />
            <div>
              <Button
                type="button"
                variant="secondary"
                onClick={() => f.update({ budget: d.budget.filter((_, j) => j !== i) })}
              >
                {t("removeRow", { number: i + 1 })}
              </Button>
            </div>
          </div>
        ))}
        <Button
          type="button"
          variant="secondary"
          onClick={() => {
            f.update({
              budget: [
                ...d.budget,
                {
                  year: years[0] ?? new Date().getFullYear() + 1,
                  category: "STAFF",
                  amountSek: 0,
                  description: "",
                },
              ],
            });
            focusAfter(id(`budget.${d.budget.length}.year`));
          }}
        >
          {t("addRow")}
        </Button>
      </fieldset>
      <AmountInput
        id={id("cofinancingSek")}
        label={t("cofinancing")}
        hint={t("cofinancingHint")}
        value={d.cofinancingSek}
        empty={0}
        onChange={(cofinancingSek) => f.update({ cofinancingSek })}
        error={f.error("cofinancingSek")}
      />
      <div
        id={id("requestedSek")}
        tabIndex={-1}
        className="mb-8 border-l-4 border-accent bg-surface p-4"
        aria-live="polite"
      >
        <p>
          {t("total")} <strong data-testid="budget-total">{formatSek(total, locale)}</strong>
        </p>
        <p>
          {t("requested")} <strong data-testid="requested">{formatSek(requested, locale)}</strong>
        </p>
        {f.error("requestedSek") ? (
          <p className="mt-1 font-semibold text-error">{f.error("requestedSek")}</p>
        ) : null}
      </div>
      <fieldset id={id("otherFunding")} tabIndex={-1} className="mb-6">
        <legend className="text-lg font-semibold">{t("otherFunding")}</legend>
        <p className="mb-2 text-muted">{t("otherFundingHint")}</p>
        {d.otherFunding.map((row, i) => (
          <div key={i} className="mb-4 grid gap-x-4 border-l-4 border-line pl-4 sm:grid-cols-2">
            <Input
              id={id(`otherFunding.${i}.funder`)}
              label={t("funder", { number: i + 1 })}
              value={row.funder}
              onChange={(funder) => setFunding(i, { funder })}
              onBlur={() => f.touch(`otherFunding.${i}.funder`)}
              error={f.error(`otherFunding.${i}.funder`)}
              maxChars={T.funder}
            />
            <Input
              id={id(`otherFunding.${i}.purpose`)}
              label={t("purpose", { number: i + 1 })}
              value={row.purpose}
              onChange={(purpose) => setFunding(i, { purpose })}
              onBlur={() => f.touch(`otherFunding.${i}.purpose`)}
              error={f.error(`otherFunding.${i}.purpose`)}
              maxChars={T.fundingPurpose}
            />
            <AmountInput
              id={id(`otherFunding.${i}.amountSek`)}
              label={t("funderAmount", { number: i + 1 })}
              value={row.amountSek}
              empty={0}
              onChange={(amountSek) => setFunding(i, { amountSek })}
              error={f.error(`otherFunding.${i}.amountSek`)}
            />
            <Select
              id={id(`otherFunding.${i}.status`)}
              label={t("funderStatus", { number: i + 1 })}
              value={row.status}
              options={options(L.fundingStatus)}
              onChange={(status) => setFunding(i, { status: status as FundingRow["status"] })}
            />
            <Input
              id={id(`otherFunding.${i}.decisionDate`)}
              type="date"
              label={t("decisionDate", { number: i + 1 })}
              width="max-w-xs"
              value={row.decisionDate}
              onChange={(decisionDate) => setFunding(i, { decisionDate })}
              error={f.error(`otherFunding.${i}.decisionDate`)}
            />
            <div>
              <Button
                type="button"
                variant="secondary"
                onClick={() => f.update({ otherFunding: d.otherFunding.filter((_, j) => j !== i) })}
              >
                {t("removeFunder", { number: i + 1 })}
              </Button>
            </div>
          </div>
        ))}
        <Button
          type="button"
          variant="secondary"
          onClick={() => {
            f.update({
              otherFunding: [
                ...d.otherFunding,
                { funder: "", purpose: "", amountSek: 0, status: "APPLIED", decisionDate: "" },
              ],
            });
            focusAfter(id(`otherFunding.${d.otherFunding.length}.funder`));
          }}
        >
          {t("addFunder")}
        </Button>
      </fieldset>
      <Radios
        id={id("stateAid")}
        label={t("stateAid")}
        hint={t("stateAidHint")}
        value={d.stateAid === null ? null : d.stateAid ? "yes" : "no"}
        options={[
          { value: "no", label: t("stateAidNo") },
          { value: "yes", label: t("stateAidYes") },
        ]}
        onChange={(v) => f.update({ stateAid: v === "yes" })}
        error={f.error("stateAid")}
      />
    </PartFrame>
  );
}

export function DeclarationsForm(props: PartFormProps<"intyganden">) {
  const f = usePartForm(props);
  const d = f.data;
  const t = useTranslations("wizard.declarations");
  const L = useLabels();
  // The organisation's details come from its own page; the rules about them point here.
  const applicant = props.draft.applicant;
  const organisation = [
    ["applicant.name", t("applicantName"), applicant?.name],
    ["applicant.orgNumber", t("applicantOrgNumber"), applicant?.orgNumber],
    [
      "applicant.legalForm",
      t("applicantLegalForm"),
      applicant ? L.legalForm[applicant.legalForm] : undefined,
    ],
    [
      "applicant.municipalityCode",
      t("applicantMunicipality"),
      municipalityOptions.find((m) => m.value === applicant?.municipalityCode)?.label,
    ],
  ] as const;
  return (
    <PartFrame form={f} title={t("title")} lead={t("lead")}>
      <section aria-labelledby="applicant-title" className="mb-8">
        <h2 id="applicant-title" className="text-lg font-semibold">
          {t("applicantTitle")}
        </h2>
        <p className="mb-3 text-muted">
          {t.rich("applicantHint", {
            link: (chunks) => <Link href="/ansokningar">{chunks}</Link>,
          })}
        </p>
        <dl>
          {organisation.map(([path, name, value]) => {
            // Not editable here, so a problem shows at once, not after the field was visited.
            const problem = f.partProblems.find((p) => p.path === path)?.message;
            return (
              <div
                key={path}
                id={id(path)}
                tabIndex={-1}
                className={`mb-2 ${problem ? "border-l-4 border-error pl-4" : ""}`}
              >
                <dt className="font-semibold">{name}</dt>
                <dd>{value || t("notGiven")}</dd>
                {problem ? <dd className="font-semibold text-error">{problem}</dd> : null}
              </div>
            );
          })}
        </dl>
      </section>
      <Input
        id={id("applicant.foundedOn")}
        type="date"
        label={t("foundedOn")}
        width="max-w-xs"
        hint={t("foundedOnHint")}
        value={d.foundedOn}
        onChange={(foundedOn) => f.update({ foundedOn })}
        onBlur={() => f.touch("applicant.foundedOn")}
        error={f.error("applicant.foundedOn")}
      />
      <fieldset className="mb-6">
        <legend className="text-lg font-semibold">{t("legend")}</legend>
        {DECLARATIONS.map((name) => (
          <Checkbox
            key={name}
            id={id(`declarations.${name}`)}
            label={L.declaration[name]}
            checked={d.declarations[name]}
            onChange={(v) => f.update({ declarations: { ...d.declarations, [name]: v } })}
            error={f.error(`declarations.${name}`)}
          />
        ))}
      </fieldset>
    </PartFrame>
  );
}
