import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeading } from "@/components/ui/page-heading";
import { TableScroll } from "@/components/ui/table-scroll";
import { STATUS_TONE } from "@/components/applications/status-tag";
import { DashboardRows, type DashboardRowView } from "@/components/review/dashboard-rows";
import { MunicipalityFilter } from "@/components/filters/municipality-filter";
import { requirePageRole } from "@/lib/server/actor";
import { dashboard } from "@/lib/server/dashboard";
import { ALL_ROUNDS, DashboardFilters, OFFICER_STATUSES } from "@/lib/validation/dashboard";
import { LABELS } from "@/lib/domain/labels";
import { COUNTIES } from "@/lib/reference/counties";
import { municipalityName } from "@/lib/reference/municipalities";
import { formatDate, formatSek, isoDate, type UiLocale } from "@/lib/domain/format";
import { todayInStockholm } from "@/lib/domain/dates";
import { caseAgeDays, completionOverdue, daysBetween } from "@/lib/domain/case-time";

export async function generateMetadata() {
  return { title: (await getTranslations("reviewer"))("title") };
}

type Search = Record<string, string | string[] | undefined>;

function href(search: Search, patch: Record<string, string | undefined>) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...search, ...patch })) {
    if (v === undefined || v === "" || k === "after") continue;
    for (const value of Array.isArray(v) ? v : [v]) params.append(k, value);
  }
  if (patch.after) params.set("after", patch.after);
  return `/handlaggning?${params.toString()}`;
}

export default async function Dashboard({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requirePageRole(["REVIEWER", "DECIDER", "ADMIN"]);
  const search = await searchParams;
  const filters = DashboardFilters.parse(search);
  const t = await getTranslations("status");
  const td = await getTranslations("officer.dashboard");
  const tt = await getTranslations("tracks");
  const tr = await getTranslations("reviewer");
  const locale = (await getLocale()) as UiLocale;
  const L = LABELS[locale];
  const { rounds, round, allRounds, rows, counts, total, next } = await dashboard(actor, filters);
  const today = todayInStockholm();
  const now = new Date();
  const sortLink = (sort: string, label: string) => {
    const active = (filters.sort ?? "submitted") === sort;
    const dir = active && filters.dir !== "desc" ? "desc" : "asc";
    return (
      <Link
        href={href(search, { sort, dir })}
        aria-label={td("sortBy", { column: label.toLowerCase() })}
      >
        {label}
        {active ? (filters.dir === "desc" ? " ▼" : " ▲") : ""}
      </Link>
    );
  };
  const ariaSort = (sort: string) =>
    (filters.sort ?? "submitted") === sort
      ? filters.dir === "desc"
        ? "descending"
        : "ascending"
      : undefined;
  const select = "mt-1 block w-full min-w-0 rounded border-2 border-ink px-2 py-1";
  const daysTo = (date: Date) => daysBetween(today, isoDate(date));
  // What a row shows, formatted here: the rows' client component gets these strings only.
  const rowView = (row: (typeof rows)[number]): DashboardRowView => {
    const due = row.complementDueOn ? isoDate(row.complementDueOn) : null;
    const status = row.status as keyof typeof STATUS_TONE;
    const view: DashboardRowView = {
      id: row.id,
      reference: row.referenceNumber,
      title: row.title,
      organisation: row.organisationName,
      place: [
        row.track ? tt(row.track) : "",
        row.municipalityCode ? municipalityName(row.municipalityCode) : "",
      ]
        .filter(Boolean)
        .join(" · "),
      amount: formatSek(row.requestedSek, locale),
      status: t(status),
      tone: STATUS_TONE[status],
      submitted: formatDate(row.submittedAt, locale),
      age: td("age", { days: caseAgeDays(row.submittedAt, now) }),
    };
    if (allRounds) view.round = row.roundTitle;
    if (row.assessmentStep) view.step = td(`step.${row.assessmentStep}`);
    if (row.assignedTo) view.officer = td("officer", { name: row.assignedTo });
    if (row.myConflict === "DECLARED" || row.myConflict === "CONFIRMED") view.conflict = "declared";
    if (!row.myConflict) view.conflict = "notConsidered";
    if (row.reviewed) view.reviewed = true;
    if (due) view.due = td("completionDue", { date: formatDate(due, locale) });
    if (due && completionOverdue({ dueDate: due, answered: false }, today)) view.overdue = true;
    if (allRounds && row.targetDecisionOn)
      view.target = td("targetShort", { date: formatDate(row.targetDecisionOn, locale) });
    return view;
  };

  return (
    <>
      <PageHeading title={tr("title")} lead={td("lead")} />
      <div className="grid min-w-0 gap-8 lg:grid-cols-[14rem_minmax(0,1fr)]">
        <aside aria-labelledby="filter-title" className="min-w-0">
          <h2 id="filter-title" className="mb-3 text-xl font-bold">
            {td("filter")}
          </h2>
          <form method="get" action="/handlaggning" className="space-y-4">
            <label className="block font-semibold">
              {td("round")}
              <select
                name="round"
                defaultValue={allRounds ? ALL_ROUNDS : round?.id}
                className={select}
              >
                {rounds.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.title}
                  </option>
                ))}
                <option value={ALL_ROUNDS}>{td("allRounds")}</option>
              </select>
            </label>
            <label className="block font-semibold">
              {td("search")}
              <input
                type="search"
                name="q"
                defaultValue={filters.q}
                className={select}
                placeholder={td("searchPlaceholder")}
              />
            </label>
            <fieldset>
              <legend className="font-semibold">{td("status")}</legend>
              {OFFICER_STATUSES.map((s) => (
                <label key={s} className="mt-1 flex items-center gap-2">
                  <input
                    type="checkbox"
                    name="status"
                    value={s}
                    defaultChecked={filters.status.includes(s)}
                    className="h-5 w-5"
                  />{" "}
                  {t(s)}
                </label>
              ))}
            </fieldset>
            <label className="block font-semibold">
              {td("track")}
              <select name="track" defaultValue={filters.track ?? ""} className={select}>
                <option value="">{td("all")}</option>
                {Object.entries(L.track).map(([v, l]) => (
                  <option key={v} value={v}>
                    {l}
                  </option>
                ))}
              </select>
            </label>
            <label className="block font-semibold">
              {td("variant")}
              <select name="variant" defaultValue={filters.variant ?? ""} className={select}>
                <option value="">{td("all")}</option>
                {Object.entries(L.variant).map(([v, l]) => (
                  <option key={v} value={v}>
                    {l.split(" –")[0]}
                  </option>
                ))}
              </select>
            </label>
            <label className="block font-semibold">
              {td("county")}
              <select name="county" defaultValue={filters.county ?? ""} className={select}>
                <option value="">{td("all")}</option>
                {COUNTIES.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name}
                  </option>
                ))}
              </select>
            </label>
            <MunicipalityFilter
              label={td("municipality")}
              code={filters.municipality}
              labelClassName="block font-semibold"
              inputClassName={select}
            />
            <label className="block font-semibold">
              {td("focus")}
              <select name="focus" defaultValue={filters.focus ?? ""} className={select}>
                <option value="">{td("all")}</option>
                {Object.entries(L.focusArea).map(([v, l]) => (
                  <option key={v} value={v}>
                    {l}
                  </option>
                ))}
              </select>
            </label>
            <fieldset>
              <legend className="font-semibold">{td("amount")}</legend>
              <label className="mt-1 block">
                {td("from")}
                <input
                  name="min"
                  inputMode="numeric"
                  defaultValue={filters.min}
                  className={select}
                />
              </label>
              <label className="mt-1 block">
                {td("to")}
                <input
                  name="max"
                  inputMode="numeric"
                  defaultValue={filters.max}
                  className={select}
                />
              </label>
            </fieldset>
            <label className="flex items-center gap-2">
              <input
                type="checkbox"
                name="mine"
                value="1"
                defaultChecked={!!filters.mine}
                className="h-5 w-5"
              />{" "}
              {td("mine")}
            </label>
            <label className="flex items-center gap-2">
              <input
                type="checkbox"
                name="unreviewed"
                value="1"
                defaultChecked={!!filters.unreviewed}
                className="h-5 w-5"
              />{" "}
              {td("unreviewed")}
            </label>
            <fieldset>
              <legend className="font-semibold">{td("time")}</legend>
              <label className="mt-1 block">
                {td("minAge")}
                <input
                  name="minAge"
                  inputMode="numeric"
                  defaultValue={filters.minAge}
                  className={select}
                />
              </label>
              <label className="mt-1 block">
                {td("completion")}
                <select
                  name="completion"
                  defaultValue={filters.completion ?? ""}
                  className={select}
                >
                  <option value="">{td("all")}</option>
                  <option value="open">{td("completionOpen")}</option>
                  <option value="overdue">{td("completionOverdue")}</option>
                </select>
              </label>
              <label className="mt-1 block">
                {td("targetBefore")}
                <input
                  type="date"
                  name="targetBefore"
                  defaultValue={filters.targetBefore}
                  className={select}
                />
              </label>
            </fieldset>
            <label className="block font-semibold">
              {td("sort")}
              <select name="sort" defaultValue={filters.sort ?? "submitted"} className={select}>
                {(["submitted", "amount", "reference", "due", "target"] as const).map((key) => (
                  <option key={key} value={key}>
                    {td(`sortKey.${key}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="block font-semibold">
              {td("direction")}
              <select name="dir" defaultValue={filters.dir ?? "asc"} className={select}>
                <option value="asc">{td("ascending")}</option>
                <option value="desc">{td("descending")}</option>
              </select>
            </label>
            <div className="flex gap-3">
              <button
                type="submit"
                className="rounded bg-accent px-4 py-2 font-semibold text-white"
              >
                {td("show")}
              </button>
              <Link href="/handlaggning" className="py-2">
                {td("clear")}
              </Link>
            </div>
          </form>
        </aside>

        <section aria-labelledby="result-title" className="min-w-0">
          <h2 id="result-title" className="text-xl font-bold" data-testid="count">
            {td("count", { total })}
            {round ? td("inRound", { round: round.title }) : td("inAllRounds")}
          </h2>
          {round?.targetDecisionOn ? (
            <p className="mt-1" data-testid="round-target">
              {td("roundTarget", {
                date: formatDate(round.targetDecisionOn, locale),
                when:
                  daysTo(round.targetDecisionOn) >= 0
                    ? td("daysLeft", { days: daysTo(round.targetDecisionOn) })
                    : td("daysPast", { days: -daysTo(round.targetDecisionOn) }),
              })}
            </p>
          ) : null}
          <ul
            className="my-3 flex flex-wrap gap-x-4 gap-y-1 text-sm"
            aria-label={td("countsByStatus")}
            data-testid="status-counts"
          >
            {OFFICER_STATUSES.filter((s) => counts[s]).map((s) => (
              <li key={s}>
                <Link href={href(search, { status: s })}>
                  {t(s)}: {counts[s]}
                </Link>
              </li>
            ))}
          </ul>
          {rows.length === 0 ? (
            <p>{td("noMatches")}</p>
          ) : (
            <TableScroll label={td("applications")}>
              <table className="w-full table-fixed border-collapse text-left text-sm">
                <colgroup>
                  <col className="w-[8rem]" />
                  <col />
                  <col className="w-[6.5rem]" />
                  <col className="w-[9.5rem]" />
                  <col className="w-[8rem]" />
                </colgroup>
                <thead>
                  <tr className="border-b-2 border-ink align-bottom">
                    <th scope="col" className="py-2 pr-2" aria-sort={ariaSort("reference")}>
                      {sortLink("reference", td("reference"))}
                    </th>
                    <th scope="col" className="py-2 pr-2">
                      {td("application")}
                    </th>
                    <th scope="col" className="py-2 pr-2 text-right" aria-sort={ariaSort("amount")}>
                      {sortLink("amount", td("requested"))}
                    </th>
                    <th scope="col" className="py-2 pr-2">
                      {td("statusAndStep")}
                    </th>
                    <th scope="col" className="py-2" aria-sort={ariaSort("submitted")}>
                      {sortLink("submitted", td("submittedAndAge"))}
                    </th>
                  </tr>
                </thead>
                <DashboardRows
                  rows={rows.map((row) => rowView(row))}
                  text={{
                    conflictDeclared: td("conflictDeclared"),
                    conflictNotConsidered: td("conflictNotConsidered"),
                    reviewed: td("reviewed"),
                    overdue: td("overdue"),
                  }}
                />
              </table>
            </TableScroll>
          )}
          {next ? (
            <p className="mt-4">
              <Link href={href(search, { after: next })} rel="next">
                {td("nextPage")}
              </Link>
            </p>
          ) : null}
        </section>
      </div>
    </>
  );
}
