"use client";
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { useCombobox } from "downshift";

const noSubscription = () => () => {};

type Match = { code: string; name: string; county: string };

export type MunicipalityComboboxText = {
  label: string;
  hint: string;
  /** "{count} kommuner matchar" — {count} is replaced. */
  results: string;
  oneResult: string;
  noMatches: string;
};

/**
 * A filter's municipality as a searchable combobox (the WAI-ARIA 1.2 pattern, through downshift):
 * typing asks GET /api/kommuner for at most 20 matches, the arrow keys move among them and Enter
 * chooses one; how many matched is announced. The form then sends the chosen municipality's code
 * under `name`, so the page's address holds the code as before.
 *
 * Without JavaScript the field is a plain text box under `name`: the page's filter accepts a
 * municipality's name (or code) as typed. No list of all 290 municipalities goes with the page.
 */
export function MunicipalityCombobox({
  name,
  text,
  defaultCode,
  defaultName,
  labelClassName,
  inputClassName,
}: {
  name: string;
  text: MunicipalityComboboxText;
  /** The chosen municipality's code and name (from the address), if one is chosen. */
  defaultCode?: string;
  defaultName?: string;
  labelClassName?: string;
  inputClassName?: string;
}) {
  // False in the server's HTML and while it hydrates, true once the script runs.
  const enhanced = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const [items, setItems] = useState<Match[]>([]);
  const [status, setStatus] = useState("");
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const pending = useRef<AbortController>(undefined);
  useEffect(
    () => () => {
      clearTimeout(timer.current);
      pending.current?.abort();
    },
    [],
  );

  function search(query: string) {
    clearTimeout(timer.current);
    pending.current?.abort();
    if (!query.trim()) {
      setItems([]);
      setStatus("");
      return;
    }
    timer.current = setTimeout(() => {
      const controller = new AbortController();
      pending.current = controller;
      fetch(`/api/kommuner?q=${encodeURIComponent(query.trim().slice(0, 100))}`, {
        signal: controller.signal,
      })
        .then((response) => (response.ok ? response.json() : { municipalities: [] }))
        .then(({ municipalities }: { municipalities: Match[] }) => {
          setItems(municipalities);
          setStatus(
            municipalities.length === 0
              ? text.noMatches
              : municipalities.length === 1
                ? text.oneResult
                : text.results.replace("{count}", String(municipalities.length)),
          );
        })
        .catch(() => {});
    }, 150);
  }

  const initial =
    defaultCode && defaultName ? { code: defaultCode, name: defaultName, county: "" } : null;
  const {
    isOpen,
    highlightedIndex,
    selectedItem,
    inputValue,
    getLabelProps,
    getInputProps,
    getMenuProps,
    getItemProps,
  } = useCombobox<Match>({
    items,
    initialSelectedItem: initial,
    initialInputValue: defaultName ?? "",
    itemToString: (item) => item?.name ?? "",
    itemToKey: (item) => item?.code,
    onInputValueChange: ({ inputValue: typed, type }) => {
      if (type === useCombobox.stateChangeTypes.InputChange) search(typed);
    },
  });
  // The chosen municipality's code; text that no choice made goes as typed (the page reads a name).
  const value = selectedItem && selectedItem.name === inputValue ? selectedItem.code : inputValue;
  const hintId = `${name}-combobox-hint`;
  const showList = isOpen && items.length > 0;

  return (
    <div className="relative">
      <label {...getLabelProps()} className={labelClassName}>
        {text.label}
      </label>
      <span id={hintId} className="block text-sm text-muted">
        {text.hint}
      </span>
      <input
        {...getInputProps({ "aria-describedby": hintId })}
        name={enhanced ? undefined : name}
        type="text"
        autoComplete="off"
        spellCheck={false}
        className={inputClassName}
        data-testid={`${name}-combobox`}
      />
      {enhanced ? <input type="hidden" name={name} value={value} /> : null}
      <ul
        {...getMenuProps()}
        className={
          showList
            ? "absolute z-20 mt-1 max-h-72 w-full min-w-[14rem] overflow-y-auto rounded border-2 border-ink bg-white shadow-lg"
            : "hidden"
        }
      >
        {showList
          ? items.map((item, index) => (
              <li
                key={item.code}
                {...getItemProps({ item, index })}
                className={`cursor-pointer px-2 py-1 ${
                  highlightedIndex === index ? "bg-accent text-white" : ""
                } ${selectedItem?.code === item.code ? "font-semibold" : ""}`}
              >
                {item.name}
                <span className="sr-only">, </span>
                <span className="block text-sm">{item.county}</span>
              </li>
            ))
          : null}
      </ul>
      <span role="status" aria-live="polite" className="sr-only">
        {status}
      </span>
      {status === text.noMatches && inputValue.trim() ? (
        <span className="mt-1 block text-sm" aria-hidden="true">
          {text.noMatches}
        </span>
      ) : null}
    </div>
  );
}
