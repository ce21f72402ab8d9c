"use client";
import { useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";

// Form primitives in the GOV.UK manner: a visible label, an optional hint, the error beside the
// field (tied with aria-describedby), and "(frivilligt)" instead of stars.

type Base = { id: string; label: ReactNode; hint?: ReactNode; error?: string; optional?: boolean };

const describedBy = (id: string, hint?: ReactNode, error?: string) =>
  [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;

function Wrapper({
  id,
  label,
  hint,
  error,
  optional,
  children,
  asFieldset,
}: Base & { children: ReactNode; asFieldset?: boolean }) {
  const t = useTranslations("common");
  const head = (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-muted">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="mt-1 font-semibold text-error">
          <span className="sr-only">{t("errorPrefix")}</span>
          {error}
        </p>
      ) : null}
    </>
  );
  const opt = optional ? <span className="font-normal"> {t("optional")}</span> : null;
  const box = `mb-6 ${error ? "border-l-4 border-error pl-4" : ""}`;
  if (asFieldset) {
    return (
      <fieldset
        id={id}
        tabIndex={-1}
        aria-describedby={describedBy(id, hint, error)}
        className={box}
      >
        <legend className="font-semibold">
          {label}
          {opt}
        </legend>
        {head}
        <div className="mt-2">{children}</div>
      </fieldset>
    );
  }
  return (
    <div className={box}>
      <label htmlFor={id} className="block font-semibold">
        {label}
        {opt}
      </label>
      {head}
      <div className="mt-1">{children}</div>
    </div>
  );
}

const inputClass = (error?: string, width = "max-w-xl") =>
  `block w-full ${width} rounded border-2 px-3 py-2 text-base ${error ? "border-error" : "border-ink"}`;

export function Input(
  props: Base & {
    value: string;
    onChange: (v: string) => void;
    type?: string;
    inputMode?: "numeric" | "email" | "text";
    autoComplete?: string;
    width?: string;
    onBlur?: () => void;
  },
) {
  const {
    id,
    value,
    onChange,
    type = "text",
    inputMode,
    autoComplete,
    width,
    onBlur,
    error,
    hint,
  } = props;
  return (
    <Wrapper {...props}>
      <input
        id={id}
        name={id}
        type={type}
        inputMode={inputMode}
        autoComplete={autoComplete}
        value={value}
        onBlur={onBlur}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        className={inputClass(error, width)}
      />
    </Wrapper>
  );
}

export function TextArea(
  props: Base & {
    value: string;
    onChange: (v: string) => void;
    rows?: number;
    onBlur?: () => void;
  },
) {
  const { id, value, onChange, rows = 5, onBlur, error, hint } = props;
  return (
    <Wrapper {...props}>
      <textarea
        id={id}
        name={id}
        rows={rows}
        value={value}
        onBlur={onBlur}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        className={inputClass(error, "max-w-2xl")}
      />
    </Wrapper>
  );
}

export function Select(
  props: Base & {
    value: string;
    onChange: (v: string) => void;
    options: { value: string; label: string }[];
    placeholder?: string;
  },
) {
  const { id, value, onChange, options, placeholder, error, hint } = props;
  return (
    <Wrapper {...props}>
      <select
        id={id}
        name={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        className={inputClass(error, "max-w-md")}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Wrapper>
  );
}

export function Radios(
  props: Base & {
    value: string | null;
    onChange: (v: string) => void;
    options: { value: string; label: string; hint?: string }[];
  },
) {
  const { id, value, onChange, options } = props;
  return (
    <Wrapper {...props} asFieldset>
      {options.map((o) => (
        <div key={o.value} className="mb-2 flex items-start gap-3">
          <input
            type="radio"
            id={`${id}-${o.value}`}
            name={id}
            value={o.value}
            checked={value === o.value}
            onChange={() => onChange(o.value)}
            className="mt-1 h-6 w-6 shrink-0"
          />
          <label htmlFor={`${id}-${o.value}`}>
            {o.label}
            {o.hint ? <span className="block text-muted">{o.hint}</span> : null}
          </label>
        </div>
      ))}
    </Wrapper>
  );
}

export function Checkboxes(
  props: Base & {
    values: string[];
    onChange: (v: string[]) => void;
    options: { value: string; label: string }[];
  },
) {
  const { id, values, onChange, options } = props;
  const toggle = (v: string) =>
    onChange(values.includes(v) ? values.filter((x) => x !== v) : [...values, v]);
  return (
    <Wrapper {...props} asFieldset>
      <div className="grid gap-2 sm:grid-cols-2">
        {options.map((o) => (
          <div key={o.value} className="flex items-start gap-3">
            <input
              type="checkbox"
              id={`${id}-${o.value}`}
              checked={values.includes(o.value)}
              onChange={() => toggle(o.value)}
              className="mt-1 h-6 w-6 shrink-0"
            />
            <label htmlFor={`${id}-${o.value}`}>{o.label}</label>
          </div>
        ))}
      </div>
    </Wrapper>
  );
}

export function Checkbox({
  id,
  label,
  hint,
  checked,
  onChange,
  error,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  checked: boolean;
  onChange: (v: boolean) => void;
  error?: string;
}) {
  return (
    <div className={`mb-4 flex items-start gap-3 ${error ? "border-l-4 border-error pl-4" : ""}`}>
      <input
        type="checkbox"
        id={id}
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        aria-describedby={describedBy(id, hint, error)}
        className="mt-1 h-6 w-6 shrink-0"
      />
      <div>
        <label htmlFor={id} className="font-semibold">
          {label}
        </label>
        {hint ? (
          <p id={`${id}-hint`} className="text-muted">
            {hint}
          </p>
        ) : null}
        {error ? (
          <p id={`${id}-error`} className="font-semibold text-error">
            {error}
          </p>
        ) : null}
      </div>
    </div>
  );
}

/** Whole kronor typed with digits (spaces allowed). What was typed stays as typed; the number is NaN while it is not one. */
export function AmountInput(
  props: Base & { value: number; onChange: (v: number) => void; onBlur?: () => void },
) {
  const { value, onChange } = props;
  const [text, setText] = useState(Number.isFinite(value) && value !== 0 ? String(value) : "");
  return (
    <Input
      {...props}
      value={text}
      inputMode="numeric"
      width="max-w-xs"
      onChange={(v) => {
        setText(v);
        const digits = v.replace(/[\s\u00a0]/g, "");
        onChange(digits === "" ? 0 : /^-?\d+(\.\d+)?$/.test(digits) ? Number(digits) : Number.NaN);
      }}
    />
  );
}
