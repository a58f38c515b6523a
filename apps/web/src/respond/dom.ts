/**
 * A tiny element builder. Text always goes in through text nodes (never innerHTML), so a survey title or an
 * answer holding "<script>" stays text.
 */
type Child = Node | string | null | undefined | false;
type AttributeValue = string | number | boolean | null | undefined | ((event: Event) => void);

/**
 * Creates an element: `class` sets className, `on<event>` adds a listener, `true` sets a boolean attribute and
 * false/null/undefined leave it out; other values become attributes.
 * @example h("button", { type: "button", onclick: next }, "下一页")
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, AttributeValue> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (typeof value === "function") element.addEventListener(name.slice(2), value);
    else if (name === "class") element.className = String(value);
    else element.setAttribute(name, value === true ? "" : String(value));
  }
  append(element, ...children);
  return element;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
  }
}

/** Replaces an element's content. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, ...children);
}
