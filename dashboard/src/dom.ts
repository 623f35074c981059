/**
 * @module
 * Tiny DOM helpers: `h()` builds elements, `clear()` empties, ids are unique per page.
 */

type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

/** `h("a", { href: "/" }, "Home")`; `on…` attributes become listeners, `false`/null ones are left out. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Child | Child[])[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2), v as EventListener);
    else if (k === "className") el.className = String(v);
    // Through the CSSOM: the Content-Security-Policy refuses style attributes, not element.style.
    else if (k === "style") el.style.cssText = String(v);
    else if (v === true) el.setAttribute(k, "");
    else el.setAttribute(k, String(v));
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) add(el, c instanceof Node ? c : String(c));
  return el;
}

/**
 * Appends children. (Through ParentNode: the Workers types in this project also declare an
 * HTMLRewriter `Element.append`, which hides the DOM signature.)
 */
export function add(parent: Node, ...children: (Node | string)[]): void {
  (parent as unknown as ParentNode).append(...children);
}

export const clear = (el: Element) => {
  while (el.firstChild) el.firstChild.remove();
};

let counter = 0;
export const uid = (prefix = "id") => `${prefix}-${++counter}`;

/** A simple data table with a caption; `numeric` columns are right-aligned. */
export function table(caption: string, columns: string[], rows: (Node | string)[][], numeric: boolean[] = [], opts: { captionHidden?: boolean } = {}): HTMLTableElement {
  return h(
    "table",
    { className: "data" },
    h("caption", { className: opts.captionHidden ? "visually-hidden" : "" }, caption),
    h("thead", {}, h("tr", {}, columns.map((c, i) => h("th", { scope: "col", className: numeric[i] ? "num" : "" }, c)))),
    h("tbody", {}, rows.map((r) => h("tr", {}, r.map((cell, i) => (i === 0 ? h("th", { scope: "row" }, cell) : h("td", { className: numeric[i] ? "num" : "" }, cell)))))),
  );
}
