"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Checkbox, Input } from "@/components/ui/form";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { SuccessMessage } from "@/components/ui/success-message";
import { useFocusAfterRender } from "@/components/ui/focus";
import { BoardInput, PEOPLE_LIMITS } from "@/lib/validation/people";
import type { ActionResult } from "@/lib/server/action";

type Member = { name: string; role: string; signatory: boolean };
const rowId = (i: number, field: string) => `members-${i}-${field}`;
const idOf = (path: string) => path.replace(/\./g, "-");

/**
 * The board and the signatories (firmatecknare) of an organisation: name and role, never a personal
 * identity number. Saved as one list with the button; the same schema checks it here and on the server.
 */
export function BoardForm({
  organisationId,
  initial,
  save,
}: {
  organisationId: string;
  initial: Member[];
  save: (organisationId: string, input: unknown) => Promise<ActionResult<void>>;
}) {
  const [members, setMembers] = useState<Member[]>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const [tries, setTries] = useState(0);
  const [pending, setPending] = useState(false);
  const focusAfter = useFocusAfterRender();
  const t = useTranslations("organisations.board");
  const tc = useTranslations("common");
  const set = (i: number, patch: Partial<Member>) =>
    setMembers((list) => list.map((m, j) => (j === i ? { ...m, ...patch } : m)));

  async function submit() {
    if (pending) return;
    const input = { members };
    const checked = BoardInput.safeParse(input);
    setTries((n) => n + 1);
    if (!checked.success) {
      setSaved(false);
      const byField: Record<string, string> = {};
      for (const issue of checked.error.issues) byField[issue.path.join(".")] ??= issue.message;
      return setErrors(byField);
    }
    setPending(true);
    const result = await save(organisationId, input);
    setPending(false);
    if (!result.ok) {
      setSaved(false);
      return setErrors(
        Object.keys(result.errors).length ? result.errors : { members: result.message },
      );
    }
    setErrors({});
    setSaved(true);
  }

  return (
    <form
      noValidate
      className="max-w-2xl"
      data-testid="board-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <ErrorSummary
        title={tc("errorSummaryTitle")}
        items={Object.entries(errors).map(([path, message]) => ({
          fieldId: path === "members" ? "board-add" : idOf(path),
          message,
        }))}
        focusKey={tries}
      />
      {saved ? (
        <SuccessMessage focusKey={tries} className="mb-4">
          {t("saved")}
        </SuccessMessage>
      ) : null}
      {errors.members ? <p className="mb-2 font-semibold text-error">{errors.members}</p> : null}
      {members.length === 0 ? <p className="mb-4">{t("empty")}</p> : null}
      {members.map((m, i) => (
        <fieldset key={i} className="mb-4 border-l-4 border-line pl-4">
          <legend className="font-semibold">{t("person", { number: i + 1 })}</legend>
          <Input
            id={rowId(i, "name")}
            label={t("name")}
            value={m.name}
            onChange={(name) => set(i, { name })}
            error={errors[`members.${i}.name`]}
            maxChars={PEOPLE_LIMITS.name}
          />
          <Input
            id={rowId(i, "role")}
            label={t("role")}
            hint={t("roleHint")}
            value={m.role}
            onChange={(role) => set(i, { role })}
            error={errors[`members.${i}.role`]}
            maxChars={PEOPLE_LIMITS.role}
          />
          <Checkbox
            id={rowId(i, "signatory")}
            label={t("signatory")}
            checked={m.signatory}
            onChange={(signatory) => set(i, { signatory })}
          />
          <Button
            type="button"
            variant="secondary"
            onClick={() => {
              setMembers((list) => list.filter((_, j) => j !== i));
              focusAfter("board-add");
            }}
          >
            {t("remove", { number: i + 1 })}
          </Button>
        </fieldset>
      ))}
      <div className="mt-4 flex flex-wrap gap-4">
        <Button
          id="board-add"
          type="button"
          variant="secondary"
          onClick={() => {
            setMembers((list) => [...list, { name: "", role: "", signatory: false }]);
            focusAfter(rowId(members.length, "name"));
          }}
        >
          {t("add")}
        </Button>
        <Button type="submit" disabled={pending}>
          {t("save")}
        </Button>
      </div>
    </form>
  );
}
