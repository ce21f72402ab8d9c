"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { createOrganisationAction } from "@/app/(applicant)/organisationer/actions";
import { OrganisationInput, issuesByField } from "@/lib/validation/organisation";
import { LEGAL_FORM_LABELS, options } from "@/lib/domain/labels";
import { MUNICIPALITIES_BY_NAME } from "@/lib/reference/municipalities";
import { Input, Radios, Select } from "@/components/ui/form";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";

const FIELDS = ["name", "orgNumber", "legalForm", "municipalityCode", "foundedOn", "streetAddress", "postalCode", "city", "contactEmail", "contactPhone", "payoutType", "payoutAccount"] as const;
type Values = Record<(typeof FIELDS)[number], string>;

export function OrganisationForm() {
  const router = useRouter();
  const [v, setV] = useState<Values>({ name: "", orgNumber: "", legalForm: "", municipalityCode: "", foundedOn: "", streetAddress: "", postalCode: "", city: "", contactEmail: "", contactPhone: "", payoutType: "BANKGIRO", payoutAccount: "" });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const set = (k: keyof Values) => (value: string) => setV({ ...v, [k]: value });

  async function submit() {
    if (pending) return;
    const parsed = OrganisationInput.safeParse(v);
    if (!parsed.success) return setErrors(issuesByField(parsed.error));
    setPending(true);
    const result = await createOrganisationAction(v);
    setPending(false);
    if (!result.ok) return setErrors(Object.keys(result.errors).length ? result.errors : { name: result.message });
    router.push(`/ansokningar/ny?organisation=${result.value}`);
  }
  const items = FIELDS.filter((f) => errors[f]).map((f) => ({ fieldId: f, message: errors[f] }));
  return (
    <form noValidate onSubmit={(e) => { e.preventDefault(); void submit(); }} className="max-w-2xl">
      <ErrorSummary title="Det finns fel i formuläret" items={items} />
      <Input id="name" label="Organisationens namn" value={v.name} onChange={set("name")} error={errors.name} />
      <Input id="orgNumber" label="Organisationsnummer" hint="Tio siffror, till exempel 802012-3454. Det står i föreningens registreringsbevis." width="max-w-xs" value={v.orgNumber} onChange={set("orgNumber")} error={errors.orgNumber} />
      <Radios id="legalForm" label="Organisationsform" hint="Bidraget kan sökas av ideella föreningar, stiftelser och trossamfund." value={v.legalForm}
        options={options(LEGAL_FORM_LABELS)} onChange={set("legalForm")} error={errors.legalForm} />
      <Select id="municipalityCode" label="Kommun där organisationen har sitt säte" placeholder="Välj kommun" value={v.municipalityCode}
        options={MUNICIPALITIES_BY_NAME.map((m) => ({ value: m.code, label: m.name }))} onChange={set("municipalityCode")} error={errors.municipalityCode} />
      <Input id="foundedOn" type="date" label="När bildades organisationen?" optional width="max-w-xs" hint="Du kan också fylla i det senare i ansökan." value={v.foundedOn} onChange={set("foundedOn")} error={errors.foundedOn} />
      <Input id="streetAddress" label="Gatuadress" autoComplete="street-address" value={v.streetAddress} onChange={set("streetAddress")} error={errors.streetAddress} />
      <Input id="postalCode" label="Postnummer" autoComplete="postal-code" inputMode="numeric" width="max-w-xs" value={v.postalCode} onChange={set("postalCode")} error={errors.postalCode} />
      <Input id="city" label="Postort" autoComplete="address-level2" value={v.city} onChange={set("city")} error={errors.city} />
      <Input id="contactEmail" type="email" label="Organisationens e-postadress" autoComplete="email" value={v.contactEmail} onChange={set("contactEmail")} error={errors.contactEmail} />
      <Input id="contactPhone" type="tel" label="Telefonnummer" autoComplete="tel" width="max-w-xs" value={v.contactPhone} onChange={set("contactPhone")} error={errors.contactPhone} />
      <Radios id="payoutType" label="Konto för utbetalning" hint="Bidraget betalas ut till organisationens bankgiro eller plusgiro." value={v.payoutType}
        options={[{ value: "BANKGIRO", label: "Bankgiro" }, { value: "PLUSGIRO", label: "Plusgiro" }]} onChange={set("payoutType")} error={errors.payoutType} />
      <Input id="payoutAccount" label={v.payoutType === "PLUSGIRO" ? "Plusgironummer" : "Bankgironummer"} inputMode="numeric" width="max-w-xs"
        hint={v.payoutType === "PLUSGIRO" ? "Till exempel 4774-6." : "Till exempel 5402-9681."} value={v.payoutAccount} onChange={set("payoutAccount")} error={errors.payoutAccount} />
      <Button type="submit" disabled={pending}>Spara organisationen</Button>
    </form>
  );
}
