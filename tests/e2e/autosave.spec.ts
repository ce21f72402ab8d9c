import { expect, test, type Locator, type Page, type Request } from "@playwright/test";
import { expectNoSeriousA11yViolations, newDraft as newDraftAs, tabTo } from "./support";
import { query } from "./db";

// The application wizard saves each part in the background, 800 ms after typing stops, one save at
// a time, without remounting the form. These tests are written the way a person works: type, pause
// longer than the autosave delay, tick a box while a save is running, reload, lose the connection.
// Each pause below is deliberate (a person thinking), never a way to wait for the app: for that
// the tests wait for the status line's data-state.

const nextYear = new Date().getFullYear() + 1;
/** A person stops typing for longer than the 800 ms autosave delay. */
const PAUSE_MS = 1_500;
const pause = (page: Page) => page.waitForTimeout(PAUSE_MS);

/** A save of a part: a server action, that is a POST with a Next-Action header to the page's URL. */
const isSave = (request: Request) =>
  request.method() === "POST" && Boolean(request.headers()["next-action"]);

const newDraft = (page: Page) => newDraftAs(page, "autosave");
const saveState = (page: Page) => page.getByTestId("save-state");
const expectState = (page: Page, state: string | RegExp, timeout?: number) =>
  expect(saveState(page)).toHaveAttribute("data-state", state, timeout ? { timeout } : undefined);

/**
 * Replaces what a field holds, as a person does: clicks into it, selects everything, types.
 * (A new budget row's amount already holds "0".)
 */
async function typeOver(page: Page, field: Locator, text: string) {
  await field.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type(text, { delay: 20 });
}

/** Opens a part from the task list, by its link, as a person does (the form is then interactive). */
async function openPart(page: Page, name: string) {
  await page.getByTestId("task-list").getByRole("link", { name, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(saveState(page)).toBeVisible();
}

/** The task list's row for a part. */
const taskRow = (page: Page, part: string) =>
  page
    .getByTestId("task-list")
    .getByRole("listitem")
    .filter({ has: page.getByRole("link", { name: part, exact: true }) });

/**
 * Where the person's typing is, read at one moment (no retrying, so a focus lost and given back
 * is caught): the field has the focus, all of the text, and the caret at its end.
 */
async function expectStillTyping(field: Locator, text: string) {
  const at = await field.evaluate((el: HTMLInputElement | HTMLTextAreaElement) => ({
    focused: document.activeElement === el,
    value: el.value,
    caret: [el.selectionStart, el.selectionEnd],
  }));
  expect(at).toEqual({ focused: true, value: text, caret: [text.length, text.length] });
}

/** A check box or radio button, read at one moment: ticked and with the focus. */
async function expectTickedAndFocused(box: Locator) {
  const at = await box.evaluate((el: HTMLInputElement) => ({
    checked: el.checked,
    focused: document.activeElement === el,
  }));
  expect(at).toEqual({ checked: true, focused: true });
}

/** A screenshot in the test's output folder, to look at the states a person sees. */
async function shot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
}

/** Lets React commit what it has been given (two frames). */
const settle = (page: Page) =>
  page.evaluate(
    () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))),
  );

type Deferred<T> = { promise: Promise<T>; resolve: (value: T) => void };
function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** A deadline for something the test waits on, so that a save never sent fails with a message. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout>;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/**
 * Holds each save request on its way to the server until the test lets it go: `arrived(n)` gives
 * the n-th save (from 1) once the browser has sent it, `release(n)` sends it on.
 */
async function holdSaves(page: Page) {
  const held: { arrived: Deferred<Request>; released: Deferred<void> }[] = [];
  const at = (n: number) => {
    while (held.length < n) held.push({ arrived: deferred(), released: deferred() });
    return held[n - 1];
  };
  let count = 0;
  await page.route("**/ansokningar/**", async (route) => {
    if (!isSave(route.request())) return route.continue();
    const slot = at(++count);
    slot.arrived.resolve(route.request());
    await slot.released.promise;
    await route.continue();
  });
  return {
    arrived: (n: number, what = `save ${n}`) => within(at(n).arrived.promise, 10_000, what),
    release: (n: number) => at(n).released.resolve(),
  };
}

const SUMMARY_SENTENCES = [
  "Vi öppnar en mötesplats för unga i Skärholmen på kvällarna.",
  " Föräldrarna bjuds in varje torsdag.",
  " Skolan och fritidsgården är med från början.",
  " Efter två år tar stadsdelen över lokalen.",
];
const TITLE_PHRASES = ["Trygga kvällar", " i Skärholmen", " och Vårby", " för unga"];

for (const { kind, label, pieces } of [
  { kind: "a text area (the summary)", label: "Sammanfattning", pieces: SUMMARY_SENTENCES },
  { kind: "a text field (the title)", label: "Projektets titel", pieces: TITLE_PHRASES },
])
  test(`typing in ${kind} with pauses keeps the focus, the caret and every word through autosaves and a reload`, async ({
    page,
  }) => {
    const draft = await newDraft(page);
    await openPart(page, "Grunduppgifter");
    const field = page.getByLabel(label, { exact: true });

    let typed = "";
    for (const piece of pieces) {
      await field.pressSequentially(piece, { delay: 20 });
      typed += piece;
      await pause(page);
      // The autosave has answered: the person's place and text are as they left them.
      await expectState(page, "saved");
      await expectStillTyping(field, typed);
    }
    await expect(saveState(page)).toHaveText(/^Sparat \d{2}:\d{2}$/);
    await expectNoSeriousA11yViolations(page);

    await page.reload();
    await expect(field).toHaveValue(typed);
    const column = label === "Sammanfattning" ? "summary" : "title";
    const [saved] = await query<{ value: string }>(
      `SELECT "${column}" AS value FROM "Application" WHERE id = $1`,
      [draft.split("/").pop()],
    );
    expect(saved.value).toBe(typed);
  });

test("a box ticked with the keyboard while a save is running stays ticked and focused, and is saved next", async ({
  page,
}) => {
  await newDraft(page);
  await openPart(page, "Grunduppgifter");
  const saves = await holdSaves(page);
  const title = page.getByLabel("Projektets titel");
  const safety = page.getByRole("checkbox", { name: "Trygghet" });

  await title.pressSequentially("Trygga kvällar", { delay: 20 });
  // The save of the title is on its way and held there.
  await saves.arrived(1);
  await expectState(page, "saving");
  await expectNoSeriousA11yViolations(page);

  // Meanwhile the person tabs to "Trygghet" and ticks it with Space.
  await tabTo(page, safety);
  await page.keyboard.press("Space");
  await expectTickedAndFocused(safety);

  // The first save answers: the box is still ticked and has the focus.
  const answered = page.waitForResponse((response) => isSave(response.request()));
  saves.release(1);
  await answered;
  await settle(page);
  await expectTickedAndFocused(safety);
  // The second save, with the tick, is sent once the first has answered (one at a time).
  const second = await saves.arrived(2, "the save of the box ticked during the first save");
  await settle(page);
  await expectTickedAndFocused(safety);
  await expect(title).toHaveValue("Trygga kvällar");
  expect(second.postDataJSON()).toEqual([
    expect.any(String),
    expect.any(Number),
    "grunduppgifter",
    expect.objectContaining({ title: "Trygga kvällar", focusAreas: ["SAFETY"] }),
  ]);

  saves.release(2);
  await expectState(page, "saved");
  await expectTickedAndFocused(safety);

  await page.unrouteAll({ behavior: "wait" });
  await page.reload();
  await expect(safety).toBeChecked();
  await expect(title).toHaveValue("Trygga kvällar");
});

test("text typed while a save is running is kept where it was typed and saved next", async ({
  page,
}) => {
  await newDraft(page);
  await openPart(page, "Grunduppgifter");
  const saves = await holdSaves(page);
  const summary = page.getByLabel("Sammanfattning");

  await summary.pressSequentially(SUMMARY_SENTENCES[0], { delay: 20 });
  await saves.arrived(1);
  await expectState(page, "saving");
  await expect(saveState(page)).toHaveText(/^Sparar ?…$/);
  // The person goes on typing while the first save is on its way.
  await page.keyboard.type(SUMMARY_SENTENCES[1], { delay: 20 });
  const both = SUMMARY_SENTENCES[0] + SUMMARY_SENTENCES[1];
  // The first save answers: nothing typed meanwhile is gone, and the caret is where it was.
  const answered = page.waitForResponse((response) => isSave(response.request()));
  saves.release(1);
  await answered;
  await settle(page);
  await expectStillTyping(summary, both);
  // What was typed meanwhile goes in the next save.
  const second = await saves.arrived(2, "the save of the text typed during the first save");
  await settle(page);
  await expectStillTyping(summary, both);
  expect(second.postDataJSON()).toEqual([
    expect.any(String),
    expect.any(Number),
    "grunduppgifter",
    expect.objectContaining({ summary: both }),
  ]);
  saves.release(2);
  await expectState(page, "saved");
  await expectStillTyping(summary, both);

  await page.unrouteAll({ behavior: "wait" });
  await page.reload();
  await expect(summary).toHaveValue(both);
});

test("the budget table keeps every amount typed with pauses, a new row and a 0, through a reload", async ({
  page,
}) => {
  await newDraft(page);
  await openPart(page, "Budget och annan finansiering");
  const addRow = page.getByRole("button", { name: "Lägg till en budgetrad" });

  await addRow.click();
  const amount1 = page.getByLabel("Belopp i kronor, rad 1");
  await typeOver(page, amount1, "150");
  await pause(page);
  await expectState(page, "saved");
  await expectStillTyping(amount1, "150");
  await amount1.pressSequentially(" 000", { delay: 20 });
  await pause(page);
  await expectState(page, "saved");
  await expectStillTyping(amount1, "150 000");
  const description1 = page.getByLabel(/^Beskrivning.*rad 1/);
  await description1.pressSequentially("Två fritidsledare", { delay: 20 });
  await pause(page);
  await expectState(page, "saved");
  await expectStillTyping(description1, "Två fritidsledare");

  await addRow.click();
  const amount2 = page.getByLabel("Belopp i kronor, rad 2");
  await typeOver(page, amount2, "75000");
  await pause(page);
  await expectState(page, "saved");
  await expectStillTyping(amount2, "75000");
  await expect(page.getByTestId("budget-total")).toHaveText(/^225\s000\skr$/);
  await expectNoSeriousA11yViolations(page);

  await page.reload();
  await expect(amount1).toHaveValue(/^150\s?000$/);
  await expect(description1).toHaveValue("Två fritidsledare");
  await expect(amount2).toHaveValue(/^75\s?000$/);
  await expect(page.getByTestId("budget-total")).toHaveText(/^225\s000\skr$/);

  // A 0 typed over an amount stays 0: while typing, after its save, and after a reload.
  await typeOver(page, amount2, "0");
  await pause(page);
  await expectState(page, "saved");
  await expectStillTyping(amount2, "0");
  await page.reload();
  await expect(amount2).toHaveValue("0");
  await expect(amount1).toHaveValue(/^150\s?000$/);
  await expect(page.getByTestId("budget-total")).toHaveText(/^150\s000\skr$/);
});

test("a summary that is too long is kept as typed with its error while the other fields are saved, until it is shortened", async ({
  page,
}) => {
  const draft = await newDraft(page);
  const id = draft.split("/").pop();
  await openPart(page, "Grunduppgifter");
  const title = page.getByLabel("Projektets titel");
  const start = page.getByLabel("Startdatum");
  const summary = page.getByLabel("Sammanfattning");
  const tooLong = /Texten får vara högst 2\s000 tecken/;

  await title.pressSequentially("Trygga kvällar i Skärholmen", { delay: 20 });
  await start.fill(`${nextYear}-01-01`);
  // A long text pasted in one go, then a few more words typed.
  const pasted = "Kvällsöppen mötesplats för unga och deras föräldrar. ".repeat(40).slice(0, 2_100);
  await summary.fill(pasted);
  await summary.pressSequentially(" Och mer.", { delay: 20 });
  const long = `${pasted} Och mer.`;
  await pause(page);

  await expectState(page, "invalid");
  await expect(saveState(page)).toHaveText("Inte sparat: se felet vid fältet");
  await expect(summary).toHaveAttribute("aria-invalid", "true");
  await expect(summary).toHaveAccessibleDescription(tooLong);
  // The error appears beside the field without taking the person's place.
  await expectStillTyping(summary, long);
  await shot(page, "summary-too-long");
  await expectNoSeriousA11yViolations(page);
  // The valid fields of the same part are saved; the summary is not (yet).
  const [row] = await query<{ title: string; start: string | null; summary: string }>(
    `SELECT title, to_char("periodStart", 'YYYY-MM-DD') AS start, summary FROM "Application" WHERE id = $1`,
    [id],
  );
  expect(row).toEqual({
    title: "Trygga kvällar i Skärholmen",
    start: `${nextYear}-01-01`,
    summary: "",
  });

  await page.reload();
  await expect(title).toHaveValue("Trygga kvällar i Skärholmen");
  await expect(start).toHaveValue(`${nextYear}-01-01`);
  await expect(summary).toHaveValue(long);
  await expect(summary).toHaveAccessibleDescription(tooLong);
  await expectState(page, "invalid");

  // The task list says the part needs action, and submission is refused.
  await page.goto(draft);
  await expect(taskRow(page, "Grunduppgifter")).toContainText("Behöver åtgärdas");
  await page.getByRole("link", { name: "Granska och skicka in" }).click();
  await expect(page).toHaveURL(`${draft}/granska`);
  // The review page lists what stops submission: the value kept as typed, with its message.
  await expect(page.getByTestId("checklist")).toContainText(tooLong);
  await page.getByRole("button", { name: "Skicka in ansökan" }).click();
  await expect(page.getByTestId("error-summary")).toContainText(tooLong);

  // Shortened with the keyboard: saved, and the error is gone.
  await page.goto(draft);
  await openPart(page, "Grunduppgifter");
  await summary.focus();
  await page.keyboard.press("ControlOrMeta+End");
  for (let i = 0; i < long.length - 1_990; i++) await page.keyboard.press("Backspace");
  const shortened = long.slice(0, 1_990);
  await pause(page);
  await expectState(page, "saved");
  await expectStillTyping(summary, shortened);
  await expect(summary).not.toHaveAttribute("aria-invalid");
  await expect(page.getByText(tooLong)).toHaveCount(0);
  await page.reload();
  await expect(summary).toHaveValue(shortened);
  await expect(summary).not.toHaveAttribute("aria-invalid");
  await page.goto(draft);
  await expect(taskRow(page, "Grunduppgifter")).not.toContainText("Behöver åtgärdas");
});

test("a negative budget amount is kept with its error at its row while the other rows are saved", async ({
  page,
}) => {
  const draft = await newDraft(page);
  const id = draft.split("/").pop();
  await openPart(page, "Budget och annan finansiering");
  const addRow = page.getByRole("button", { name: "Lägg till en budgetrad" });
  await addRow.click();
  const amount1 = page.getByLabel("Belopp i kronor, rad 1");
  await typeOver(page, amount1, "100000");
  await addRow.click();
  const amount2 = page.getByLabel("Belopp i kronor, rad 2");
  await typeOver(page, amount2, "-5");
  await pause(page);

  const negative = "Beloppet kan inte vara negativt.";
  await expectState(page, "invalid");
  await expectStillTyping(amount2, "-5");
  await expect(amount2).toHaveAttribute("aria-invalid", "true");
  await expect(amount2).toHaveAccessibleDescription(new RegExp(negative));
  await expect(amount1).not.toHaveAttribute("aria-invalid");
  await shot(page, "budget-negative-amount");
  await expectNoSeriousA11yViolations(page);
  const lines = await query<{ position: number; amountSek: number }>(
    `SELECT position, "amountSek" FROM "BudgetLine" WHERE "applicationId" = $1 ORDER BY position`,
    [id],
  );
  expect(lines[0]).toEqual({ position: 0, amountSek: 100_000 });

  await page.reload();
  await expect(amount1).toHaveValue(/^100\s?000$/);
  await expect(amount2).toHaveValue("-5");
  await expect(amount2).toHaveAccessibleDescription(new RegExp(negative));
  await page.goto(draft);
  await expect(taskRow(page, "Budget och annan finansiering")).toContainText("Behöver åtgärdas");

  // Fixed: saved and the error is gone.
  await openPart(page, "Budget och annan finansiering");
  await typeOver(page, amount2, "5000");
  await pause(page);
  await expectState(page, "saved");
  await expectStillTyping(amount2, "5000");
  await expect(amount2).not.toHaveAttribute("aria-invalid");
  await page.reload();
  await expect(amount2).toHaveValue("5000");
});

test("a save answered with a server error is retried and nothing typed meanwhile is lost", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await newDraft(page);
  await openPart(page, "Grunduppgifter");
  const summary = page.getByLabel("Sammanfattning");
  let failed = 0;
  await page.route("**/ansokningar/**", (route) => {
    if (!isSave(route.request())) return route.continue();
    failed += 1;
    return route.fulfill({ status: 500, body: "" });
  });

  await summary.pressSequentially(SUMMARY_SENTENCES[0], { delay: 20 });
  await expectState(page, "retrying");
  await expect(saveState(page)).toHaveText("Kunde inte spara – försöker igen");
  await expectStillTyping(summary, SUMMARY_SENTENCES[0]);
  await shot(page, "retrying");
  await expectNoSeriousA11yViolations(page);

  await summary.pressSequentially(SUMMARY_SENTENCES[1], { delay: 20 });
  await pause(page);
  await expectState(page, "retrying");
  const typed = SUMMARY_SENTENCES[0] + SUMMARY_SENTENCES[1];
  await expectStillTyping(summary, typed);
  expect(failed).toBeGreaterThan(0);

  // The server is well again: a retry saves it, without the person doing anything.
  await page.unrouteAll({ behavior: "wait" });
  await expectState(page, "saved", 35_000);
  await expectStillTyping(summary, typed);
  await expectNoSeriousA11yViolations(page);
  await page.reload();
  await expect(summary).toHaveValue(typed);
});

test("typing offline is kept and saved at once when the connection is back", async ({
  page,
  context,
}) => {
  test.setTimeout(90_000);
  await newDraft(page);
  await openPart(page, "Grunduppgifter");
  const title = page.getByLabel("Projektets titel");
  let failedSaves = 0;
  page.on("requestfailed", (request) => {
    if (isSave(request)) failedSaves += 1;
  });

  await context.setOffline(true);
  await title.pressSequentially(TITLE_PHRASES[0], { delay: 20 });
  await expectState(page, /^(offline|retrying)$/);
  await expect(saveState(page)).toContainText("Kunde inte spara");
  await title.pressSequentially(TITLE_PHRASES[1], { delay: 20 });
  await pause(page);
  const typed = TITLE_PHRASES[0] + TITLE_PHRASES[1];
  await expectState(page, /^(offline|retrying)$/);
  await expectStillTyping(title, typed);
  await shot(page, "offline");
  await expectNoSeriousA11yViolations(page);

  // The person stays offline while the browser tries again (after 2 s, then 4 s): three failed
  // saves put the next try 8 s away.
  await expect
    .poll(() => failedSaves, { timeout: 20_000, message: "three failed saves while offline" })
    .toBeGreaterThanOrEqual(3);
  await expectStillTyping(title, typed);

  await context.setOffline(false);
  // "At once": long before the next try of the schedule (8 s) would have saved it.
  await expectState(page, "saved", 3_000);
  await expectStillTyping(title, typed);
  await page.reload();
  await expect(title).toHaveValue(typed);
});

test("a keyboard-only pass through Grunduppgifter: focus is where the person is after every action", async ({
  page,
}) => {
  const draft = await newDraft(page);

  // From the task list: Tab to the part, Enter. The part's heading has the focus.
  await tabTo(page, page.getByTestId("task-list").getByRole("link", { name: "Grunduppgifter" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(`${draft}/grunduppgifter`);
  await expect(page.getByRole("heading", { level: 1, name: "Grunduppgifter" })).toBeFocused();

  // Tab to the title (past the part's checklist) and type; pause; the focus stays.
  const title = page.getByLabel("Projektets titel");
  await tabTo(page, title);
  await page.keyboard.type("Trygga kvällar", { delay: 20 });
  await pause(page);
  await expectState(page, "saved");
  await expectStillTyping(title, "Trygga kvällar");

  // Tab goes to the summary.
  await page.keyboard.press("Tab");
  const summary = page.getByLabel("Sammanfattning");
  await expect(summary).toBeFocused();
  await page.keyboard.type(SUMMARY_SENTENCES[0], { delay: 20 });
  await pause(page);
  await expectState(page, "saved");
  await expectStillTyping(summary, SUMMARY_SENTENCES[0]);

  // Tab to the first track, Space: it is chosen and keeps the focus, also after its save.
  await page.keyboard.press("Tab");
  const knowledge = page.getByRole("radio", { name: /^Kunskaps- och metodutveckling/ });
  await expect(knowledge).toBeFocused();
  await page.keyboard.press("Space");
  await expectTickedAndFocused(knowledge);
  await pause(page);
  await expectState(page, "saved");
  await expectTickedAndFocused(knowledge);

  // The variants appear right after it: Tab, Space.
  await page.keyboard.press("Tab");
  const newKnowledge = page.getByRole("radio", { name: /^Ny kunskaps- och metodutveckling/ });
  await expect(newKnowledge).toBeFocused();
  await page.keyboard.press("Space");
  await expectTickedAndFocused(newKnowledge);

  // Two focus areas, ticked with Space; each keeps the focus through its save.
  for (const name of ["Utbildning", "Trygghet"]) {
    const box = page.getByRole("checkbox", { name });
    await tabTo(page, box);
    await page.keyboard.press("Space");
    await expectTickedAndFocused(box);
    await pause(page);
    await expectState(page, "saved");
    await expectTickedAndFocused(box);
  }

  // Tab to "Spara och gå tillbaka", Enter: back on the task list, its heading has the focus.
  const saveAndBack = page.getByRole("button", { name: "Spara och gå tillbaka" });
  await tabTo(page, saveAndBack);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(draft);
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toHaveText("Trygga kvällar");
  await expect(heading).toBeFocused();
  await expect(taskRow(page, "Grunduppgifter")).toContainText("Påbörjad");

  // Everything chosen with the keyboard was saved.
  await openPart(page, "Grunduppgifter");
  await expect(title).toHaveValue("Trygga kvällar");
  await expect(summary).toHaveValue(SUMMARY_SENTENCES[0]);
  await expect(newKnowledge).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Utbildning" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Trygghet" })).toBeChecked();
  await expectNoSeriousA11yViolations(page);
});
