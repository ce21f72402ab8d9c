"use client";
import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "./button";
import { Checkbox, Input, Radios, TextArea } from "./form";
import { ErrorSummary } from "./error-summary";
import { SuccessMessage } from "./success-message";
import { focusElement, headingNear } from "./focus";

export type FieldSpec =
  | {
      name: string;
      label: string;
      hint?: string;
      type: "text" | "date" | "datetime-local" | "email" | "password" | "textarea";
      defaultValue?: string;
      optional?: boolean;
    }
  | { name: string; label: string; hint?: string; type: "number"; defaultValue?: number }
  | {
      name: string;
      label: string;
      hint?: string;
      type: "radio";
      options: { value: string; label: string }[];
      defaultValue?: string;
    }
  | { name: string; label: string; hint?: string; type: "checkbox"; defaultValue?: boolean };

type Result = { ok: true } | { ok: false; message: string; errors: Record<string, string> };

/** A field's value as the text of an input. */
const textOf = (value: unknown) =>
  typeof value === "string" || typeof value === "number" ? String(value) : "";

/**
 * A small form for one server action: fields from a plain description, errors at the fields and in a
 * summary, the typed values kept, one submission at a time, and a refresh of the page on success.
 * The focus goes to the error summary on failure; on success to the success text, or, without one,
 * to the heading of the section the form is in (the form may be gone after the refresh).
 */
export function SimpleForm({
  id,
  title,
  fields,
  submitLabel,
  action,
  successText,
  clearOnSuccess = false,
  variant = "primary",
}: {
  id: string;
  title?: string;
  fields: FieldSpec[];
  submitLabel: string;
  successText?: string;
  /** Empties the fields after a success (a comment, which is not to be sent twice). */
  clearOnSuccess?: boolean;
  variant?: "primary" | "warning" | "secondary";
  action: (values: Record<string, unknown>) => Promise<Result | undefined>;
}) {
  const router = useRouter();
  const tc = useTranslations("common");
  const busy = useRef(false);
  const form = useRef<HTMLFormElement>(null);
  const initialValues = () =>
    Object.fromEntries(
      fields.map((f) => [
        f.name,
        f.defaultValue ?? (f.type === "checkbox" ? false : f.type === "number" ? "" : ""),
      ]),
    );
  const [values, setValues] = useState<Record<string, unknown>>(initialValues);
  const [errors, setErrors] = useState<Record<string, string>>({});
  // How many times the action has succeeded in a row: each success focuses its message again.
  const [done, setDone] = useState(0);
  const set = (name: string) => (value: unknown) => setValues((v) => ({ ...v, [name]: value }));
  const fid = (name: string) => `${id}-${name}`;

  async function submit() {
    if (busy.current) return;
    busy.current = true;
    const payload = Object.fromEntries(
      fields.map((f) => {
        const v = values[f.name];
        if (f.type !== "number") return [f.name, v];
        const text = textOf(v).replace(/[\s\u00a0]/g, "");
        return [f.name, text === "" ? undefined : /^\d+$/.test(text) ? Number(text) : Number.NaN];
      }),
    );
    const result = await action(payload);
    busy.current = false;
    if (result && !result.ok) {
      setDone(0);
      return setErrors(
        Object.keys(result.errors).length ? result.errors : { _form: result.message },
      );
    }
    setErrors({});
    if (clearOnSuccess) setValues(initialValues());
    setDone((n) => n + 1);
    if (!successText) focusElement(headingNear(form.current));
    router.refresh();
  }

  const items = Object.entries(errors).map(([k, message]) => ({
    fieldId: k === "_form" ? `${id}-submit` : fid(k),
    message,
  }));
  return (
    <form
      ref={form}
      id={id}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      className="max-w-2xl"
    >
      {title ? <h3 className="mb-3 text-xl font-bold">{title}</h3> : null}
      <ErrorSummary title={tc("errorSummaryTitle")} items={items} focusKey={errors} />
      {fields.map((f) => {
        const common = { id: fid(f.name), label: f.label, hint: f.hint, error: errors[f.name] };
        switch (f.type) {
          case "textarea":
            return (
              <TextArea
                key={f.name}
                {...common}
                optional={f.optional}
                rows={4}
                value={textOf(values[f.name])}
                onChange={set(f.name)}
              />
            );
          case "radio":
            return (
              <Radios
                key={f.name}
                {...common}
                value={(values[f.name] as string) ?? null}
                options={f.options}
                onChange={set(f.name)}
              />
            );
          case "checkbox":
            return (
              <Checkbox
                key={f.name}
                {...common}
                checked={Boolean(values[f.name])}
                onChange={set(f.name)}
              />
            );
          case "number":
            return (
              <Input
                key={f.name}
                {...common}
                inputMode="numeric"
                width="max-w-xs"
                value={textOf(values[f.name])}
                onChange={set(f.name)}
              />
            );
          default:
            return (
              <Input
                key={f.name}
                {...common}
                type={f.type}
                optional={f.optional}
                width={f.type === "date" || f.type === "datetime-local" ? "max-w-xs" : undefined}
                value={textOf(values[f.name])}
                onChange={set(f.name)}
              />
            );
        }
      })}
      {done > 0 && successText ? (
        <SuccessMessage focusKey={done} className="mb-3" testId={`${id}-success`}>
          {successText}
        </SuccessMessage>
      ) : null}
      <Button id={`${id}-submit`} type="submit" variant={variant}>
        {submitLabel}
      </Button>
    </form>
  );
}
