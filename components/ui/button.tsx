import type { ButtonHTMLAttributes } from "react";

type Variant = "primary" | "secondary" | "warning";

const styles: Record<Variant, string> = {
  primary: "bg-accent text-white hover:bg-accent-dark",
  secondary: "bg-surface text-ink border border-line hover:bg-[#e1e0df]",
  warning: "bg-error text-white hover:bg-[#8c1d16]",
};

export function Button({
  variant = "primary",
  className = "",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant }) {
  return (
    <button
      className={`inline-flex min-h-11 items-center justify-center rounded px-5 py-2 text-base font-semibold disabled:opacity-60 ${styles[variant]} ${className}`}
      {...props}
    />
  );
}

export function ButtonLink({
  href,
  children,
  variant = "primary",
}: {
  href: string;
  children: React.ReactNode;
  variant?: Variant;
}) {
  return (
    <a
      href={href}
      className={`inline-flex min-h-11 items-center justify-center rounded px-5 py-2 font-semibold no-underline ${styles[variant]} hover:text-white`}
    >
      {children}
    </a>
  );
}
