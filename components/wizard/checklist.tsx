"use client";
import { useTranslations } from "next-intl";
import { fieldId, partOf, uniqueProblems, type Part } from "@/lib/domain/application-parts";
import type { Problem } from "@/lib/domain/rules";

/** The live rule checklist: every open problem, once, each linking to its field. */
export function Checklist({
  problems: given,
  applicationId,
  currentPart,
  title: givenTitle,
  okText: givenOkText,
}: {
  problems: Problem[];
  applicationId: string;
  currentPart?: Part;
  title?: string;
  okText?: string;
}) {
  const t = useTranslations("wizard");
  const problems = uniqueProblems(given);
  const title = givenTitle ?? t("checklistTitle");
  const okText = givenOkText ?? t("checklistOk");
  if (!problems.length) {
    return (
      <div
        className="mb-8 border-l-4 border-success bg-[#e6f2ec] p-4"
        role="status"
        data-testid="checklist"
      >
        <p className="font-semibold">{okText}</p>
      </div>
    );
  }
  return (
    <section
      aria-labelledby="checklist-title"
      className="mb-8 border-l-4 border-accent bg-surface p-4"
      data-testid="checklist"
    >
      <h2 id="checklist-title" className="text-lg font-bold">
        {title} ({problems.length})
      </h2>
      <ul className="mt-2 list-disc space-y-1 pl-6">
        {problems.map((p) => {
          const part = partOf(p.path);
          const href =
            part === currentPart
              ? `#${fieldId(p.path)}`
              : `/ansokningar/${applicationId}/${part}#${fieldId(p.path)}`;
          return (
            <li key={`${p.code}-${p.path}`} data-code={p.code}>
              <a href={href}>{p.message}</a>
              {part !== currentPart ? (
                <span className="text-muted"> ({t(`parts.${part}`)})</span>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
