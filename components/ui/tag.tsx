const tones = {
  neutral: "bg-surface text-ink",
  blue: "bg-[#d2e2f1] text-[#0b2e59]",
  green: "bg-[#cce2d8] text-[#005a30]",
  red: "bg-[#f6d7d2] text-[#7c1a12]",
  yellow: "bg-[#fff7bf] text-[#594d00]",
} as const;

export type TagTone = keyof typeof tones;

/** Status in words, never colour alone. */
export function Tag({ children, tone = "neutral" }: { children: React.ReactNode; tone?: TagTone }) {
  return (
    <strong
      className={`inline-block rounded px-2 py-0.5 text-sm font-semibold uppercase tracking-wide ${tones[tone]}`}
    >
      {children}
    </strong>
  );
}
