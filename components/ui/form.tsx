"use client";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { parseWholeNumber, showWholeNumber } from "@/lib/domain/format";

// Form primitives in the GOV.UK manner: a visible label, an optional hint, the error beside the
// field (tied with aria-describedby), and "(frivilligt)" instead of stars.

type Base = { id: string; label: ReactNode; hint?: ReactNode; error?: string; optional?: boolean };

const describedBy = (id: string, hint?: ReactNode, error?: string, counted?: boolean) =>
  [hint ? `${id}-hint` : null, error ? `${id}-error` : null, counted ? `${id}-count` : null]
    .filter(Boolean)
    .join(" ") || undefined;

/**
 * The most a field with a character count takes: room to paste a long text and then shorten it
 * (the count says by how much), but not megabytes.
 */
const hardCap = (maxChars: number) => Math.max(2 * maxChars, maxChars + 1000);

/**
 * GOV.UK's character count: under the field, "Du kan skriva upp till 2 000 tecken" before anything
 * is typed, then how many are left or how many too many (as an error). The field is described by
 * it; screen readers also hear it, politely, once the person pauses typing (not at every key).
 */
function CharacterCount({ id, length, max }: { id: string; length: number; max: number }) {
  const t = useTranslations("common.characterCount");
  const left = max - length;
  const text =
    length === 0
      ? t("limit", { max })
      : left >= 0
        ? t("left", { count: left })
        : t("over", { count: -left });
  const [announced, setAnnounced] = useState("");
  const typed = useRef(false);
  const lengthAtStart = useRef(length);
  useEffect(() => {
    // Nothing to announce until the person has typed (not on the first render).
    if (!typed.current && length === lengthAtStart.current) return;
    typed.current = true;
    const timer = setTimeout(() => setAnnounced(text), 1000);
    return () => clearTimeout(timer);
  }, [length, text]);
  return (
    <>
      <p
        id={`${id}-count`}
        aria-hidden="true"
        data-testid={`${id}-count`}
        className={`mt-1 ${left < 0 ? "font-semibold text-error" : "text-muted"}`}
      >
        {text}
      </p>
      <p className="sr-only" aria-live="polite">
        {announced}
      </p>
    </>
  );
}

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

const inputClass = (invalid: boolean, width = "max-w-xl") =>
  `block w-full ${width} rounded border-2 px-3 py-2 text-base ${invalid ? "border-error" : "border-ink"}`;
const tooLong = (value: string, maxChars?: number) =>
  maxChars !== undefined && value.length > maxChars;

export function Input(
  props: Base & {
    value: string;
    onChange: (v: string) => void;
    type?: string;
    inputMode?: "numeric" | "email" | "text";
    autoComplete?: string;
    width?: string;
    onBlur?: () => void;
    /** The longest text the field takes: shows a character count (not an HTML maxlength). */
    maxChars?: number;
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
    maxChars,
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
        maxLength={maxChars ? hardCap(maxChars) : undefined}
        onBlur={onBlur}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={describedBy(id, hint, error, maxChars !== undefined)}
        aria-invalid={error ? true : undefined}
        className={inputClass(Boolean(error) || tooLong(value, maxChars), width)}
      />
      {maxChars ? <CharacterCount id={id} length={value.length} max={maxChars} /> : null}
    </Wrapper>
  );
}

export function TextArea(
  props: Base & {
    value: string;
    onChange: (v: string) => void;
    rows?: number;
    onBlur?: () => void;
    /** The longest text the field takes: shows a character count (not an HTML maxlength). */
    maxChars?: number;
  },
) {
  const { id, value, onChange, rows = 5, onBlur, error, hint, maxChars } = props;
  return (
    <Wrapper {...props}>
      <textarea
        id={id}
        name={id}
        rows={rows}
        value={value}
        maxLength={maxChars ? hardCap(maxChars) : undefined}
        onBlur={onBlur}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={describedBy(id, hint, error, maxChars !== undefined)}
        aria-invalid={error ? true : undefined}
        className={inputClass(Boolean(error) || tooLong(value, maxChars), "max-w-2xl")}
      />
      {maxChars ? <CharacterCount id={id} length={value.length} max={maxChars} /> : null}
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
        className={inputClass(Boolean(error), "max-w-md")}
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
            aria-describedby={o.hint ? `${id}-${o.value}-hint` : undefined}
            className="mt-1 h-6 w-6 shrink-0"
          />
          <div>
            <label htmlFor={`${id}-${o.value}`}>{o.label}</label>
            {o.hint ? (
              <p id={`${id}-${o.value}-hint`} className="text-muted">
                {o.hint}
              </p>
            ) : null}
          </div>
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

/**
 * A whole number (kronor, a count) typed with digits, spaces allowed. What was typed stays as
 * typed: a 0 stays 0 and an empty field stays empty. `empty` says what an empty field means: null
 * where the answer may be left out, 0 where the data has no "empty". The number is NaN while what
 * is typed is not one, so that its check can say so. A new value from outside (a row removed
 * above) replaces the text.
 */
export function AmountInput<E extends 0 | null>(
  props: Base & {
    value: number | E;
    empty: E;
    onChange: (v: number | E) => void;
    onBlur?: () => void;
  },
) {
  const { value, empty, onChange, ...rest } = props;
  const [text, setText] = useState(() => showWholeNumber(value));
  // The value the text stands for; when the value changes for another reason, the text follows.
  const [shown, setShown] = useState<number | E>(value);
  if (!Object.is(value, shown)) {
    setShown(value);
    if (!Object.is(parseWholeNumber(text, empty), value)) setText(showWholeNumber(value));
  }
  return (
    <Input
      {...rest}
      value={text}
      inputMode="numeric"
      width="max-w-xs"
      onChange={(v) => {
        const n = parseWholeNumber(v, empty);
        setText(v);
        setShown(n);
        onChange(n);
      }}
    />
  );
}
