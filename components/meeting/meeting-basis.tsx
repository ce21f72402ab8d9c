"use client";
import { Fragment, useMemo, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { focusElement } from "@/components/ui/focus";
import { TableScroll } from "@/components/ui/table-scroll";
import { Tag } from "@/components/ui/tag";
import { formatDecimal, formatSek, parseWholeNumber, type UiLocale } from "@/lib/domain/format";
import {
  STANDARD_REASONS,
  runningTotals,
  type MeetingAction,
  type MeetingStanding,
} from "@/lib/domain/meeting";
import { approvalAmountValid, REFUSAL_TEXT } from "@/lib/domain/review";
import { MeetingCaseInput, MoveCaseInput } from "@/lib/validation/meeting";

type Result<T = undefined> =
  { ok: true; value: T } | { ok: false; message: string; errors: Record<string, string> };

export type MeetingRow = {
  id: string;
  version: number;
  referenceNumber: string;
  standing: MeetingStanding;
  hidden: boolean;
  title: string;
  organisation: string;
  track: string | null;
  trackLabel: string;
  countyCode: string | null;
  county: string;
  meanScore: number | null;
  support: number;
  requestedSek: number;
  proposal: {
    outcome: "APPROVED" | "REJECTED";
    amountSek: number | null;
    presenter: string;
  } | null;
  moved: { reason: string; by: string } | null;
};

type Choice = { action: MeetingAction; amount: string; reasons: string };

const initialChoice = (r: MeetingRow): Choice => {
  const action: MeetingAction = r.proposal?.outcome === "REJECTED" ? "REJECT" : "APPROVE";
  return {
    action,
    amount: String(r.proposal?.amountSek ?? r.requestedSek),
    reasons: STANDARD_REASONS[action],
  };
};

/**
 * The decision basis of a round as one page (docs/domain.md §7): the ranked cases, each with the
 * decider's outcome, amount and reasons, a running total and what the frame has left, updated as
 * the decider types, and the line where the money runs out. "Besluta alla" shows a confirmation;
 * confirming sends the whole meeting once (a key made when the page opened, and each case's
 * version), so a double click decides once. Officers move a case up or down, with a reason.
 */
export function MeetingBasis({
  roundId,
  rows,
  frameLeftSek,
  canDecide,
  canMove,
  locale,
  downloadBase,
  holdMeeting,
  moveCase,
}: {
  roundId: string;
  rows: MeetingRow[];
  frameLeftSek: number;
  canDecide: boolean;
  canMove: boolean;
  locale: UiLocale;
  downloadBase: string;
  holdMeeting: (values: unknown) => Promise<Result<{ meetingId: string }> | undefined>;
  moveCase: (id: string, values: unknown) => Promise<Result<unknown> | undefined>;
}) {
  const t = useTranslations("meeting");
  const router = useRouter();
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [track, setTrack] = useState("");
  const [county, setCounty] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failures, setFailures] = useState(0);
  const [confirming, setConfirming] = useState(false);
  const [conflictsChecked, setConflictsChecked] = useState(false);
  const [sending, setSending] = useState(false);
  const [done, setDone] = useState<{ meetingId: string; count: number } | null>(null);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [moving, setMoving] = useState<{ id: string; direction: "UP" | "DOWN" } | null>(null);
  const [moveReason, setMoveReason] = useState("");
  const [moveError, setMoveError] = useState<string | null>(null);
  const busy = useRef(false);

  const decidable = (r: MeetingRow) => canDecide && r.standing === "DECIDABLE";
  const choiceOf = (r: MeetingRow) => choices[r.id] ?? initialChoice(r);
  const amountOf = (c: Choice) => parseWholeNumber<number>(c.amount, 0);

  const totals = useMemo(
    () =>
      runningTotals(
        rows.map((r) => {
          if (canDecide) {
            if (!decidable(r)) return { id: r.id, action: null, amountSek: 0 };
            const c = choices[r.id] ?? initialChoice(r);
            return { id: r.id, action: c.action, amountSek: parseWholeNumber<number>(c.amount, 0) };
          }
          return {
            id: r.id,
            action: r.hidden ? null : r.proposal?.outcome === "APPROVED" ? "APPROVE" : "REJECT",
            amountSek: r.proposal?.amountSek ?? 0,
          };
        }),
        frameLeftSek,
      ),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- decidable reads only rows and canDecide
    [rows, choices, canDecide, frameLeftSek],
  );
  const at = new Map(totals.rows.map((x) => [x.id, x]));
  const tracks = [...new Map(rows.filter((r) => r.track).map((r) => [r.track!, r.trackLabel]))];
  const counties = [
    ...new Map(rows.filter((r) => r.countyCode).map((r) => [r.countyCode!, r.county])),
  ].sort((a, b) => a[1].localeCompare(b[1], "sv"));
  const shown = rows.filter(
    (r) => (!track || r.track === track) && (!county || r.countyCode === county),
  );
  const lineBefore = shown.find((r) => !at.get(r.id)!.fits)?.id ?? null;
  const toDecide = rows.filter(decidable);
  const query = new URLSearchParams({ round: roundId });
  if (track) query.set("track", track);
  if (county) query.set("county", county);

  function update(r: MeetingRow, change: Partial<Choice>) {
    setChoices((all) => {
      const before = all[r.id] ?? initialChoice(r);
      const next = { ...before, ...change };
      // A reason left as the standard text follows the outcome; an edited one stays.
      if (change.action && before.reasons === STANDARD_REASONS[before.action])
        next.reasons = STANDARD_REASONS[change.action];
      return { ...all, [r.id]: next };
    });
  }

  const fieldId = (id: string, field: string) => `case-${id}-${field}`;

  /** Checks every case with the server's schema; answers the meeting's input, or null with errors shown. */
  function collect() {
    const found: Record<string, string> = {};
    const cases = toDecide.map((r) => {
      const c = choiceOf(r);
      const values = {
        applicationId: r.id,
        version: r.version,
        action: c.action,
        amountSek: c.action === "APPROVE" ? parseWholeNumber(c.amount, undefined) : undefined,
        reasons: c.reasons,
      };
      const parsed = MeetingCaseInput.safeParse(values);
      if (!parsed.success)
        for (const issue of parsed.error.issues) {
          const field = String(issue.path[0] ?? "action");
          found[fieldId(r.id, field === "amountSek" ? "amount" : field)] ??=
            `${r.referenceNumber}: ${issue.message}`;
        }
      else if (c.action === "APPROVE" && !approvalAmountValid(amountOf(c), r.requestedSek))
        found[fieldId(r.id, "amount")] =
          `${r.referenceNumber}: ${REFUSAL_TEXT.AMOUNT_OUT_OF_RANGE}`;
      return values;
    });
    if (!Object.keys(found).length && totals.overFrame)
      found["meeting-totals"] = t("overFrame", {
        approved: formatSek(totals.approvedSek, locale),
        left: formatSek(frameLeftSek, locale),
        over: formatSek(-totals.leftSek, locale),
      });
    return { cases, found };
  }

  function review() {
    const { found } = collect();
    setErrors(found);
    if (Object.keys(found).length) {
      setFailures((n) => n + 1);
      return;
    }
    setConfirming(true);
    requestAnimationFrame(() => focusElement(document.getElementById("meeting-confirm-title")));
  }

  async function decideAll() {
    if (busy.current) return;
    const { cases, found } = collect();
    if (!conflictsChecked) found["meeting-conflicts"] = t("conflictsRequired");
    if (Object.keys(found).length) {
      setErrors(found);
      setFailures((n) => n + 1);
      return;
    }
    busy.current = true;
    setSending(true);
    const result = await holdMeeting({ roundId, key, conflictsChecked, cases });
    busy.current = false;
    setSending(false);
    if (result && !result.ok) {
      const mapped: Record<string, string> = {};
      for (const [path, message] of Object.entries(result.errors)) {
        const m = /^cases\.(\d+)\.(\w+)$/.exec(path);
        const row = m ? toDecide[Number(m[1])] : null;
        mapped[row ? fieldId(row.id, m![2] === "amountSek" ? "amount" : m![2]) : "meeting-totals"] =
          message;
      }
      if (!Object.keys(mapped).length) mapped["meeting-totals"] = result.message;
      setErrors(mapped);
      setFailures((n) => n + 1);
      setConfirming(false);
      return;
    }
    setErrors({});
    setConfirming(false);
    setChoices({});
    setDone({ meetingId: result?.ok ? result.value.meetingId : "", count: cases.length });
    setKey(crypto.randomUUID());
    router.refresh();
    requestAnimationFrame(() => focusElement(document.getElementById("meeting-done")));
  }

  async function move() {
    if (!moving || busy.current) return;
    const parsed = MoveCaseInput.safeParse({
      applicationId: moving.id,
      direction: moving.direction,
      reason: moveReason,
    });
    if (!parsed.success) {
      setMoveError(parsed.error.issues[0].message);
      requestAnimationFrame(() => focusElement(document.getElementById("move-reason")));
      return;
    }
    busy.current = true;
    const result = await moveCase(moving.id, {
      direction: moving.direction,
      reason: moveReason,
    });
    busy.current = false;
    if (result && !result.ok) {
      setMoveError(Object.values(result.errors)[0] ?? result.message);
      return;
    }
    const id = moving.id;
    setMoving(null);
    setMoveReason("");
    setMoveError(null);
    router.refresh();
    setTimeout(() => focusElement(document.getElementById(`row-${id}`)), 300);
  }

  const summaryItems = Object.entries(errors).map(([id, message]) => ({ fieldId: id, message }));
  const standingText = (s: MeetingStanding) =>
    s === "CONFLICT"
      ? t("standing.conflict")
      : s === "PROPOSER"
        ? t("standing.proposer")
        : t("standing.reviewer");
  const columns = canDecide ? 8 : 7;

  const doneMessage = done ? (
    <div
      id="meeting-done"
      tabIndex={-1}
      role="status"
      className="mb-6 border-l-4 border-[#00703c] bg-surface p-4"
    >
      <h2 className="text-xl font-bold">{t("doneTitle")}</h2>
      <p>{t("doneText", { count: done.count })}</p>
      {done.meetingId ? (
        <p>
          <a href={`/api/beslut/mote/${done.meetingId}/protokoll`}>{t("protocolLink")}</a>
        </p>
      ) : null}
    </div>
  ) : null;

  if (!rows.length)
    return (
      <div>
        {doneMessage}
        <p>{t("noCases")}</p>
      </div>
    );

  return (
    <div>
      {doneMessage}
      <ErrorSummary title={t("errorSummary")} items={summaryItems} focusKey={failures} />

      <section aria-labelledby="meeting-totals-title" className="mb-6">
        <h2 id="meeting-totals-title" className="text-xl font-bold">
          {canDecide ? t("totalsTitle") : t("totalsProposedTitle")}
        </h2>
        <dl
          id="meeting-totals"
          tabIndex={-1}
          aria-live="polite"
          data-testid="meeting-totals"
          className="mt-2 grid max-w-2xl grid-cols-[auto_1fr] gap-x-6 gap-y-1"
        >
          <dt className="font-semibold">{t("frameLeft")}</dt>
          <dd>{formatSek(frameLeftSek, locale)}</dd>
          <dt className="font-semibold">{t("approveCount")}</dt>
          <dd data-testid="total-approved">
            {t("casesAmount", {
              count: totals.approved,
              amount: formatSek(totals.approvedSek, locale),
            })}
          </dd>
          <dt className="font-semibold">{t("rejectCount")}</dt>
          <dd>{t("cases", { count: totals.rejected })}</dd>
          {canDecide ? (
            <>
              <dt className="font-semibold">{t("sendBackCount")}</dt>
              <dd>{t("cases", { count: totals.sentBack })}</dd>
            </>
          ) : null}
          <dt className="font-semibold">{t("leftAfter")}</dt>
          <dd data-testid="total-left">
            {formatSek(totals.leftSek, locale)}
            {totals.overFrame ? (
              <span className="block font-semibold text-error">
                {t("overBy", { amount: formatSek(-totals.leftSek, locale) })}
              </span>
            ) : null}
          </dd>
        </dl>
        {errors["meeting-totals"] ? (
          <p className="mt-2 font-semibold text-error">{errors["meeting-totals"]}</p>
        ) : null}
      </section>

      <div className="mb-4 flex flex-wrap items-end gap-6">
        <div>
          <label htmlFor="filter-track" className="block font-semibold">
            {t("filterTrack")}
          </label>
          <select
            id="filter-track"
            value={track}
            onChange={(e) => setTrack(e.target.value)}
            className="mt-1 min-h-11 border-2 border-ink px-2"
          >
            <option value="">{t("all")}</option>
            {tracks.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-county" className="block font-semibold">
            {t("filterCounty")}
          </label>
          <select
            id="filter-county"
            value={county}
            onChange={(e) => setCounty(e.target.value)}
            className="mt-1 min-h-11 border-2 border-ink px-2"
          >
            <option value="">{t("all")}</option>
            {counties.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <p className="flex gap-4">
          <a href={`${downloadBase}?${query.toString()}&format=csv`} download>
            {t("downloadCsv")}
          </a>
          <a href={`${downloadBase}?${query.toString()}&format=pdf`} download>
            {t("downloadPdf")}
          </a>
        </p>
      </div>
      {track || county ? <p className="mb-2 text-muted">{t("filterNote")}</p> : null}

      <TableScroll label={t("tableLabel")}>
        <table className="w-full border-collapse text-left" data-testid="meeting-table">
          <caption className="sr-only">{t("tableLabel")}</caption>
          <thead>
            <tr className="border-b-2 border-ink align-bottom">
              <th scope="col" className="p-2">
                {t("col.rank")}
              </th>
              <th scope="col" className="p-2">
                {t("col.case")}
              </th>
              <th scope="col" className="p-2 text-right">
                {t("col.score")}
              </th>
              <th scope="col" className="p-2">
                {t("col.support")}
              </th>
              <th scope="col" className="p-2 text-right">
                {t("col.proposal")}
              </th>
              {canDecide ? (
                <>
                  <th scope="col" className="p-2">
                    {t("col.decision")}
                  </th>
                </>
              ) : null}
              <th scope="col" className="p-2 text-right">
                {t("col.total")}
              </th>
              <th scope="col" className="p-2 text-right">
                {t("col.left")}
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => {
              const place = rows.indexOf(r) + 1;
              const x = at.get(r.id)!;
              const c = choiceOf(r);
              const mine = decidable(r);
              return (
                <Fragment key={r.id}>
                  {r.id === lineBefore ? (
                    <tr data-testid="money-line">
                      <td
                        colSpan={columns}
                        className="border-y-4 border-error bg-[#f6d7d2] p-2 font-semibold"
                      >
                        {t("line")}
                      </td>
                    </tr>
                  ) : null}
                  <tr
                    id={`row-${r.id}`}
                    tabIndex={-1}
                    data-testid="meeting-row"
                    data-reference={r.referenceNumber}
                    className={`border-b border-line align-top ${x.fits ? "" : "bg-[#fdf2f0]"}`}
                  >
                    <td className="p-2">{place}</td>
                    <td className="min-w-48 p-2">
                      <strong>{r.referenceNumber}</strong>
                      {r.hidden ? (
                        <p className="text-sm">{t("standing.conflict")}</p>
                      ) : (
                        <>
                          <p>{r.organisation}</p>
                          <p className="line-clamp-2 text-sm text-muted">{r.title}</p>
                          <p className="text-sm">
                            {[r.trackLabel, r.county].filter(Boolean).join(" · ")}
                          </p>
                          {r.proposal ? (
                            <p className="text-sm">
                              {t("presenter", { name: r.proposal.presenter })}
                            </p>
                          ) : null}
                          {r.moved ? (
                            <p className="text-sm" data-testid="moved-reason">
                              {t("moved", { reason: r.moved.reason, name: r.moved.by })}
                            </p>
                          ) : null}
                          {canDecide && !mine ? (
                            <p className="mt-1">
                              <Tag tone="yellow">{t("notYours")}</Tag>{" "}
                              <span className="text-sm">{standingText(r.standing)}</span>
                            </p>
                          ) : null}
                          {canMove ? (
                            <p className="mt-1 flex gap-2">
                              <button
                                type="button"
                                className="underline"
                                aria-label={t("moveUpLabel", { reference: r.referenceNumber })}
                                onClick={() => {
                                  setMoving({ id: r.id, direction: "UP" });
                                  setMoveError(null);
                                  requestAnimationFrame(() =>
                                    focusElement(document.getElementById("move-reason")),
                                  );
                                }}
                              >
                                {t("moveUp")}
                              </button>
                              <button
                                type="button"
                                className="underline"
                                aria-label={t("moveDownLabel", { reference: r.referenceNumber })}
                                onClick={() => {
                                  setMoving({ id: r.id, direction: "DOWN" });
                                  setMoveError(null);
                                  requestAnimationFrame(() =>
                                    focusElement(document.getElementById("move-reason")),
                                  );
                                }}
                              >
                                {t("moveDown")}
                              </button>
                            </p>
                          ) : null}
                          {moving?.id === r.id ? (
                            <div className="mt-2 max-w-sm border-l-4 border-accent pl-3">
                              <label htmlFor="move-reason" className="block font-semibold">
                                {moving.direction === "UP"
                                  ? t("moveReasonUp")
                                  : t("moveReasonDown")}
                              </label>
                              {moveError ? (
                                <p id="move-reason-error" className="font-semibold text-error">
                                  {moveError}
                                </p>
                              ) : null}
                              <textarea
                                id="move-reason"
                                rows={2}
                                value={moveReason}
                                aria-describedby={moveError ? "move-reason-error" : undefined}
                                aria-invalid={moveError ? true : undefined}
                                onChange={(e) => setMoveReason(e.target.value)}
                                className="mt-1 w-full border-2 border-ink p-1"
                              />
                              <p className="mt-1 flex gap-2">
                                <Button type="button" onClick={() => void move()}>
                                  {t("moveConfirm")}
                                </Button>
                                <Button
                                  type="button"
                                  variant="secondary"
                                  onClick={() => {
                                    setMoving(null);
                                    setMoveError(null);
                                  }}
                                >
                                  {t("cancel")}
                                </Button>
                              </p>
                            </div>
                          ) : null}
                        </>
                      )}
                    </td>
                    <td className="p-2 text-right">
                      {r.meanScore === null ? "–" : formatDecimal(r.meanScore, locale)}
                    </td>
                    <td className="p-2">
                      {r.hidden ? "" : t("support", { level: String(r.support) })}
                    </td>
                    <td className="p-2 text-right">
                      {r.proposal
                        ? r.proposal.outcome === "APPROVED"
                          ? formatSek(r.proposal.amountSek ?? 0, locale)
                          : t("proposedReject")
                        : ""}
                      {!r.hidden ? (
                        <span className="block text-sm text-muted">
                          {t("requested", { amount: formatSek(r.requestedSek, locale) })}
                        </span>
                      ) : null}
                    </td>
                    {canDecide ? (
                      mine ? (
                        <>
                          <td className="p-2">
                            <label htmlFor={fieldId(r.id, "action")} className="sr-only">
                              {t("decisionFor", { reference: r.referenceNumber })}
                            </label>
                            <select
                              id={fieldId(r.id, "action")}
                              value={c.action}
                              onChange={(e) =>
                                update(r, { action: e.target.value as MeetingAction })
                              }
                              className="min-h-11 border-2 border-ink px-2"
                            >
                              <option value="APPROVE">{t("approve")}</option>
                              <option value="REJECT">{t("reject")}</option>
                              <option value="SEND_BACK">{t("sendBack")}</option>
                            </select>
                            <details
                              className="mt-1"
                              open={errors[fieldId(r.id, "reasons")] ? true : undefined}
                            >
                              <summary
                                id={fieldId(r.id, "reasons-label")}
                                className="cursor-pointer text-sm"
                              >
                                {t("reasonsFor", { reference: r.referenceNumber })}
                              </summary>
                              <textarea
                                id={fieldId(r.id, "reasons")}
                                aria-labelledby={fieldId(r.id, "reasons-label")}
                                rows={4}
                                value={c.reasons}
                                aria-invalid={errors[fieldId(r.id, "reasons")] ? true : undefined}
                                onChange={(e) => update(r, { reasons: e.target.value })}
                                className="mt-1 w-56 border-2 border-ink p-1 text-sm"
                              />
                            </details>
                            {errors[fieldId(r.id, "reasons")] ? (
                              <p className="text-sm font-semibold text-error">
                                {errors[fieldId(r.id, "reasons")]}
                              </p>
                            ) : null}
                            <label htmlFor={fieldId(r.id, "amount")} className="sr-only">
                              {t("amountFor", { reference: r.referenceNumber })}
                            </label>
                            <input
                              id={fieldId(r.id, "amount")}
                              inputMode="numeric"
                              value={c.action === "APPROVE" ? c.amount : ""}
                              disabled={c.action !== "APPROVE"}
                              aria-invalid={errors[fieldId(r.id, "amount")] ? true : undefined}
                              aria-describedby={
                                errors[fieldId(r.id, "amount")]
                                  ? `${fieldId(r.id, "amount")}-error`
                                  : undefined
                              }
                              onChange={(e) => update(r, { amount: e.target.value })}
                              className="mt-2 min-h-11 w-36 border-2 border-ink px-2 text-right disabled:bg-surface"
                            />
                            {errors[fieldId(r.id, "amount")] ? (
                              <p
                                id={`${fieldId(r.id, "amount")}-error`}
                                className="text-sm font-semibold text-error"
                              >
                                {errors[fieldId(r.id, "amount")]}
                              </p>
                            ) : null}
                          </td>
                        </>
                      ) : (
                        <td className="p-2 text-sm">{t("notDecidedHere")}</td>
                      )
                    ) : null}
                    <td className="p-2 text-right" data-testid="row-total">
                      {formatSek(x.totalSek, locale)}
                    </td>
                    <td className="p-2 text-right" data-testid="row-left">
                      {formatSek(x.leftSek, locale)}
                      {!x.fits ? (
                        <span className="block text-sm font-semibold text-error">
                          {t("doesNotFit")}
                        </span>
                      ) : null}
                    </td>
                  </tr>
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      {!shown.length ? <p className="mt-2">{t("noneShown")}</p> : null}

      {canDecide && toDecide.length ? (
        confirming ? (
          <section
            aria-labelledby="meeting-confirm-title"
            className="mt-6 max-w-2xl border-l-4 border-accent bg-surface p-4"
            data-testid="meeting-confirmation"
          >
            <h2 id="meeting-confirm-title" tabIndex={-1} className="text-xl font-bold">
              {t("confirmTitle")}
            </h2>
            <p className="mt-1">{t("confirmLead", { count: toDecide.length })}</p>
            <ul className="my-3 list-disc pl-6">
              <li>
                {t("confirmApprove", {
                  count: totals.approved,
                  amount: formatSek(totals.approvedSek, locale),
                })}
              </li>
              <li>{t("confirmReject", { count: totals.rejected })}</li>
              <li>{t("confirmSendBack", { count: totals.sentBack })}</li>
              <li>{t("confirmLeft", { amount: formatSek(totals.leftSek, locale) })}</li>
            </ul>
            <div className="my-3">
              {errors["meeting-conflicts"] ? (
                <p id="meeting-conflicts-error" className="font-semibold text-error">
                  {errors["meeting-conflicts"]}
                </p>
              ) : null}
              <label className="flex items-start gap-2">
                <input
                  id="meeting-conflicts"
                  type="checkbox"
                  className="mt-1 h-6 w-6"
                  checked={conflictsChecked}
                  aria-describedby={
                    errors["meeting-conflicts"] ? "meeting-conflicts-error" : undefined
                  }
                  onChange={(e) => setConflictsChecked(e.target.checked)}
                />
                <span>{t("conflictsCheck", { count: toDecide.length })}</span>
              </label>
            </div>
            <div className="flex flex-wrap gap-4">
              <Button type="button" disabled={sending} onClick={() => void decideAll()}>
                {t("confirm", { count: toDecide.length })}
              </Button>
              <Button
                type="button"
                variant="secondary"
                disabled={sending}
                onClick={() => {
                  setConfirming(false);
                  requestAnimationFrame(() =>
                    focusElement(document.getElementById("meeting-decide-all")),
                  );
                }}
              >
                {t("change")}
              </Button>
            </div>
          </section>
        ) : (
          <p className="mt-6">
            <Button id="meeting-decide-all" type="button" onClick={review}>
              {t("decideAll", { count: toDecide.length })}
            </Button>
          </p>
        )
      ) : null}
    </div>
  );
}
