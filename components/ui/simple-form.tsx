"use client";
import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "./button";
import { Checkbox, Input, Radios, TextArea } from "./form";
import { ErrorSummary } from "./error-summary";

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

/**
 * A small form for one server action: fields from a plain description, errors at the fields and in a
 * summary, the typed values kept, one submission at a time, and a refresh of the page on success.
 */
/** A field's value as the text of an input. */
const textOf = (value: unknown) =>
  typeof value === "string" || typeof value === "number" ? String(value) : "";

export function SimpleForm({
  id,
  title,
  fields,
  submitLabel,
  action,
  successText,
  variant = "primary",
}: {
  id: string;
  title?: string;
  fields: FieldSpec[];
  submitLabel: string;
  successText?: string;
  variant?: "primary" | "warning" | "secondary";
  action: (values: Record<string, unknown>) => Promise<Result | undefined>;
}) {
  const router = useRouter();
  const tc = useTranslations("common");
  const busy = useRef(false);
  const [values, setValues] = useState<Record<string, unknown>>(() =>
    Object.fromEntries(
      fields.map((f) => [
        f.name,
        f.defaultValue ?? (f.type === "checkbox" ? false : f.type === "number" ? "" : ""),
      ]),
    ),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState(false);
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
      setDone(false);
      return setErrors(
        Object.keys(result.errors).length ? result.errors : { _form: result.message },
      );
    }
    setErrors({});
    setDone(true);
    router.refresh();
  }

  const items = Object.entries(errors).map(([k, message]) => ({
    fieldId: k === "_form" ? `${id}-submit` : fid(k),
    message,
  }));
  return (
    <form
      id={id}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      className="max-w-2xl"
    >
      {title ? <h3 className="mb-3 text-xl font-bold">{title}</h3> : null}
      <ErrorSummary title={tc("errorSummaryTitle")} items={items} />
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
      {done && successText ? (
        <p role="status" className="mb-3 font-semibold text-success">
          {successText}
        </p>
      ) : null}
      <Button id={`${id}-submit`} type="submit" variant={variant}>
        {submitLabel}
      </Button>
    </form>
  );
}
