"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { OrganisationInput, issuesByField } from "@/lib/validation/organisation";
import { LABELS, options } from "@/lib/domain/labels";
import type { UiLocale } from "@/lib/domain/format";
import { MUNICIPALITIES_BY_NAME } from "@/lib/reference/municipalities";
import type { ActionResult } from "@/lib/server/action";
import { Input, Radios, Select } from "@/components/ui/form";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";

const FIELDS = [
  "name",
  "orgNumber",
  "legalForm",
  "municipalityCode",
  "foundedOn",
  "streetAddress",
  "postalCode",
  "city",
  "contactEmail",
  "contactPhone",
  "payoutType",
  "payoutAccount",
] as const;
type Values = Record<(typeof FIELDS)[number], string>;

export function OrganisationForm({
  createOrganisation,
}: {
  /** Creates the organisation; answers with its id. */
  createOrganisation: (input: unknown) => Promise<ActionResult<string>>;
}) {
  const router = useRouter();
  const t = useTranslations("organisations.form");
  const tc = useTranslations("common");
  const locale = useLocale() as UiLocale;
  const [v, setV] = useState<Values>({
    name: "",
    orgNumber: "",
    legalForm: "",
    municipalityCode: "",
    foundedOn: "",
    streetAddress: "",
    postalCode: "",
    city: "",
    contactEmail: "",
    contactPhone: "",
    payoutType: "BANKGIRO",
    payoutAccount: "",
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const set = (k: keyof Values) => (value: string) => setV({ ...v, [k]: value });

  async function submit() {
    if (pending) return;
    const parsed = OrganisationInput.safeParse(v);
    if (!parsed.success) return setErrors(issuesByField(parsed.error));
    setPending(true);
    const result = await createOrganisation(v);
    setPending(false);
    if (!result.ok)
      return setErrors(
        Object.keys(result.errors).length ? result.errors : { name: result.message },
      );
    router.push(`/ansokningar/ny?organisation=${result.value}`);
  }
  const items = FIELDS.filter((f) => errors[f]).map((f) => ({ fieldId: f, message: errors[f] }));
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      className="max-w-2xl"
    >
      <ErrorSummary title={tc("errorSummaryTitle")} items={items} focusKey={errors} />
      <Input
        id="name"
        label={t("name")}
        value={v.name}
        onChange={set("name")}
        error={errors.name}
      />
      <Input
        id="orgNumber"
        label={t("orgNumber")}
        hint={t("orgNumberHint")}
        width="max-w-xs"
        value={v.orgNumber}
        onChange={set("orgNumber")}
        error={errors.orgNumber}
      />
      <Radios
        id="legalForm"
        label={t("legalForm")}
        hint={t("legalFormHint")}
        value={v.legalForm}
        options={options(LABELS[locale].legalForm)}
        onChange={set("legalForm")}
        error={errors.legalForm}
      />
      <Select
        id="municipalityCode"
        label={t("municipality")}
        placeholder={t("chooseMunicipality")}
        value={v.municipalityCode}
        options={MUNICIPALITIES_BY_NAME.map((m) => ({ value: m.code, label: m.name }))}
        onChange={set("municipalityCode")}
        error={errors.municipalityCode}
      />
      <Input
        id="foundedOn"
        type="date"
        label={t("foundedOn")}
        optional
        width="max-w-xs"
        hint={t("foundedOnHint")}
        value={v.foundedOn}
        onChange={set("foundedOn")}
        error={errors.foundedOn}
      />
      <Input
        id="streetAddress"
        label={t("streetAddress")}
        autoComplete="street-address"
        value={v.streetAddress}
        onChange={set("streetAddress")}
        error={errors.streetAddress}
      />
      <Input
        id="postalCode"
        label={t("postalCode")}
        autoComplete="postal-code"
        inputMode="numeric"
        width="max-w-xs"
        value={v.postalCode}
        onChange={set("postalCode")}
        error={errors.postalCode}
      />
      <Input
        id="city"
        label={t("city")}
        autoComplete="address-level2"
        value={v.city}
        onChange={set("city")}
        error={errors.city}
      />
      <Input
        id="contactEmail"
        type="email"
        label={t("contactEmail")}
        autoComplete="email"
        value={v.contactEmail}
        onChange={set("contactEmail")}
        error={errors.contactEmail}
      />
      <Input
        id="contactPhone"
        type="tel"
        label={t("contactPhone")}
        autoComplete="tel"
        width="max-w-xs"
        value={v.contactPhone}
        onChange={set("contactPhone")}
        error={errors.contactPhone}
      />
      <Radios
        id="payoutType"
        label={t("payoutType")}
        hint={t("payoutTypeHint")}
        value={v.payoutType}
        options={[
          { value: "BANKGIRO", label: "Bankgiro" },
          { value: "PLUSGIRO", label: "Plusgiro" },
        ]}
        onChange={set("payoutType")}
        error={errors.payoutType}
      />
      <Input
        id="payoutAccount"
        label={v.payoutType === "PLUSGIRO" ? t("plusgiroNumber") : t("bankgiroNumber")}
        inputMode="numeric"
        width="max-w-xs"
        hint={v.payoutType === "PLUSGIRO" ? t("plusgiroHint") : t("bankgiroHint")}
        value={v.payoutAccount}
        onChange={set("payoutAccount")}
        error={errors.payoutAccount}
      />
      <Button type="submit" disabled={pending}>
        {t("save")}
      </Button>
    </form>
  );
}
