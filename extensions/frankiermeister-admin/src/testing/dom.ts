/** Finding things in the rendered extension the way a merchant would: by the text they show. */

export function byText(tag: string, text: string): HTMLElement {
  const found = [...document.body.querySelectorAll<HTMLElement>(tag)].find((el) =>
    el.textContent?.includes(text),
  );
  if (found === undefined) {
    throw new Error(`No <${tag}> with "${text}" in:\n${document.body.innerHTML}`);
  }
  return found;
}

export function primaryAction(): HTMLElement {
  const button = document.body.querySelector<HTMLElement>('s-button[slot="primary-action"]');
  if (button === null) throw new Error(`No primary action in:\n${document.body.innerHTML}`);
  return button;
}

/** Preact renders `disabled={true}` on a Polaris element as the attribute. */
export const isDisabled = (element: Element) =>
  element.hasAttribute("disabled") && element.getAttribute("disabled") !== "false";

export const pageText = () => document.body.textContent ?? "";

/** The text of each cell in the table row that mentions `text`. */
export function rowWith(text: string): string[] {
  return [...byText("s-table-row", text).querySelectorAll("s-table-cell")].map(
    (cell) => cell.textContent ?? "",
  );
}
