/**
 * @module
 * `/checklist-templates`: the checklist template of a format as an organiser's events get it —
 * the guide's built-in one, or the organiser's own copy. Saving writes the organiser's copy
 * (copy-on-write); resetting drops it. Rows are a text and the days from the event's date.
 */
import { ApiFailure, client, ok, type Schemas } from "../api";
import { add, clear, h } from "../dom";
import { field, input, select, setStatus, statusLine } from "../forms";
import type { PageContext } from "../main";
import { localiseDetails } from "../messages";
import { pageTitle, section } from "./common";

type Template = Schemas["ChecklistTemplate"];
const FORMATS = ["marketplace", "action_day", "social_day", "action_72h", "round_table"] as const;
type Format = (typeof FORMATS)[number];

export async function render(ctx: PageContext) {
  const { t, f, main, query } = ctx;
  pageTitle(ctx, t("ct_title"));
  add(main, h("h1", {}, t("ct_title")), h("p", { className: "lead" }, t("ct_intro")));
  const initial = (FORMATS as readonly string[]).includes(query.get("format") ?? "") ? (query.get("format") as Format) : "marketplace";
  const format = select("format", FORMATS.map((x): [string, string] => [x, t(`f_${x}`)]));
  format.value = initial;
  const organiser = input("organiserId", { inputmode: "numeric", value: query.get("organiser") ?? "", autocomplete: "off" });
  const load = h("button", { type: "button", className: "btn" }, t("ct_load"));
  const status = statusLine();
  const editor = h("div", { "data-template-editor": "" });
  add(main, section(t("ct_title"), "ct-choose", h("div", { className: "ct-choose" }, field(t("ct_format"), format), field(t("ct_organiser"), organiser), h("p", {}, load)), editor, status));

  const organiserId = () => (/^[1-9][0-9]*$/.test(organiser.value.trim()) ? Number(organiser.value.trim()) : undefined);
  const rows: { key: string | null; title: HTMLInputElement; offset: HTMLInputElement }[] = [];

  const row = (item: { key: string | null; title: string; offsetDays: number }) => {
    const title = input("title", { maxlength: 300, value: item.title, "aria-label": t("cl_item") });
    const offset = input("offsetDays", { inputmode: "numeric", value: String(item.offsetDays), "aria-label": t("ct_offset"), className: "ct-offset" });
    rows.push({ key: item.key, title, offset });
    return h("li", { className: "ct-row" }, title, offset);
  };

  async function show() {
    clear(editor);
    rows.length = 0;
    let tpl: Template;
    try {
      tpl = await ok(client.GET("/checklist-templates/{format}", { params: { path: { format: format.value as Format }, query: { organiserId: organiserId() } } }));
    } catch (err) {
      setStatus(status, "err", (err as Error).message);
      return;
    }
    const list = h("ol", { className: "ct-rows" }, tpl.items.map((i) => row({ key: i.key, title: i.titles?.[ctx.locale] ?? i.title, offsetDays: i.offsetDays })));
    const more = h("button", { type: "button", className: "btn small" }, t("ct_addRow"));
    more.addEventListener("click", () => add(list, row({ key: null, title: "", offsetDays: 0 })));
    const save = h("button", { type: "button", className: "btn primary" }, t("ct_save"));
    const reset = h("button", { type: "button", className: "btn" }, t("ct_reset"));
    save.addEventListener("click", async () => {
      const id = organiserId();
      if (!id) return setStatus(status, "err", t("ct_needOrganiser"));
      const items = rows
        .filter((r) => r.title.value.trim())
        .map((r) => ({ key: r.key, title: r.title.value.trim(), offsetDays: Number(r.offset.value.trim().replace("−", "-")) }));
      try {
        await ok(client.PUT("/checklist-templates/{format}", { params: { path: { format: format.value as Format }, query: { organiserId: id } }, body: { items } }));
        setStatus(status, "ok", t("ct_saved"));
        await show();
      } catch (err) {
        setStatus(status, "err", err instanceof ApiFailure ? [err.message, ...localiseDetails(t, f, err.details).map((d) => `${d.path}: ${d.message}`)].join(" ") : (err as Error).message);
      }
    });
    reset.addEventListener("click", async () => {
      const id = organiserId();
      if (!id) return setStatus(status, "err", t("ct_needOrganiser"));
      try {
        await ok(client.DELETE("/checklist-templates/{format}", { params: { path: { format: format.value as Format }, query: { organiserId: id } } }));
        setStatus(status, "ok", t("ct_resetDone"));
        await show();
      } catch (err) {
        setStatus(status, "err", (err as Error).message);
      }
    });
    add(editor, h("p", { className: "hint", "data-source": tpl.source }, t(`ct_source_${tpl.source}`)), list, h("p", { className: "toolbar" }, more, save, reset));
  }
  load.addEventListener("click", () => void show());
  format.addEventListener("change", () => void show());
  await show();
}
