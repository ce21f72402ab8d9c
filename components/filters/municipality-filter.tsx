import { getTranslations } from "next-intl/server";
import { municipalityName } from "@/lib/reference/municipalities";
import { MunicipalityCombobox } from "./municipality-combobox";

/**
 * A filter form's municipality field: the searchable combobox with its texts, showing the chosen
 * municipality's name. Only the texts and the chosen municipality go with the page, never the list.
 */
export async function MunicipalityFilter({
  name = "municipality",
  label,
  code,
  labelClassName,
  inputClassName,
}: {
  name?: string;
  label: string;
  /** The chosen municipality's code, from the page's address. */
  code?: string;
  labelClassName?: string;
  inputClassName?: string;
}) {
  const t = await getTranslations("municipalityFilter");
  return (
    <MunicipalityCombobox
      name={name}
      defaultCode={code}
      defaultName={code ? municipalityName(code) : undefined}
      labelClassName={labelClassName}
      inputClassName={inputClassName}
      text={{
        label,
        hint: t("hint"),
        results: t("results", { count: "{count}" }),
        oneResult: t("oneResult"),
        noMatches: t("noMatches"),
      }}
    />
  );
}
