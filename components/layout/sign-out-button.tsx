"use client";
import { signOut } from "next-auth/react";

export function SignOutButton({ label }: { label: string }) {
  return (
    <button
      type="button"
      onClick={() => void signOut({ callbackUrl: "/" })}
      className="rounded border border-white px-3 py-1 text-sm font-semibold text-white hover:bg-white hover:text-ink"
    >
      {label}
    </button>
  );
}
