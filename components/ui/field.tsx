import type { InputHTMLAttributes, ReactNode } from "react";

/** A labelled input with an optional hint and an error tied to it with aria-describedby. */
export function TextField({
  id,
  label,
  hint,
  error,
  optionalText,
  ...input
}: InputHTMLAttributes<HTMLInputElement> & {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  optionalText?: string;
}) {
  const described =
    [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") ||
    undefined;
  return (
    <div className={`mb-6 ${error ? "border-l-4 border-error pl-4" : ""}`}>
      <label htmlFor={id} className="block font-semibold">
        {label} {optionalText ? <span className="font-normal">{optionalText}</span> : null}
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
      <input
        id={id}
        aria-describedby={described}
        aria-invalid={error ? true : undefined}
        className={`mt-1 block w-full max-w-xl rounded border-2 px-3 py-2 text-base ${error ? "border-error" : "border-ink"}`}
        {...input}
      />
    </div>
  );
}
