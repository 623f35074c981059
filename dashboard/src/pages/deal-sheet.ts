/**
 * @module
 * The deal sheet on a phone in the hall (`/deal-sheet#kl_…`, opened by the organiser's QR code,
 * no account). The hall's Wi-Fi is bad, so a deal is first saved in this browser (localStorage)
 * with an id made here, then sent; what could not be sent is sent again when the browser says it
 * is online again, on "Send now", on the next opening of the page and every 30 seconds. The API
 * stores a deal once per id, so a deal sent twice (a lost answer, two tabs) is still one deal;
 * nothing is removed from this phone before the API confirmed it. The sheet (partners, pairs) is
 * kept too, so the page works offline once it has been opened online; a small service worker
 * keeps the page's files for a reload without connection.
 */
import { ApiFailure, ok, type Schemas } from "../api";
import { createApiClient } from "../api-client";
import { add, clear, h } from "../dom";
import { clearErrors, dateInput, field, numberInput, readTypedFields, setStatus, showErrors, statusLine } from "../forms";
import type { PageContext } from "../main";
import { localiseDetails } from "../messages";
import { dealSheetPage, printing, type PrintableDeal } from "./marketplace-deals-print";

type Sheet = Schemas["DealSheet"];
type DealInput = Schemas["DealInput"];

interface LocalDeal {
  clientId: string;
  body: DealInput;
  /** Names of the two partners, for the list and the printed sheet while offline. */
  partners: PrintableDeal["partners"];
  savedAt: string;
  state: "queued" | "sent" | "refused";
  cooperationId?: number;
  error?: string;
}

interface Stored {
  sheet?: Sheet;
  loadedAt?: string;
  deals: LocalDeal[];
}

const TYPES = ["time", "know_how", "goods", "premises", "transport", "network", "money"] as const;
const RETRY_MS = 30_000;

// Without the signed-in token: a revoked token on this phone must not break the link.
const linkClient = createApiClient("/api/v1");

async function storageKey(secret: string) {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(secret));
  return "ka.dealSheet." + [...new Uint8Array(digest).slice(0, 8)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** A client id for a new deal (random, made before the first send). */
const newClientId = () => "d-" + crypto.randomUUID();

const keepFilesOffline = () => {
  if (!("serviceWorker" in navigator)) return;
  navigator.serviceWorker
    .register("/deal-sheet-sw.js", { scope: "/deal-sheet" })
    .then(async () => {
      // The files of this first visit were fetched before the worker ran: put them in its cache.
      const cache = await caches.open("deal-sheet-v1");
      const files = performance
        .getEntriesByType("resource")
        .map((e) => e.name)
        .filter((u) => new URL(u).origin === location.origin && !new URL(u).pathname.startsWith("/api/"));
      await cache.addAll([location.pathname, ...new Set(files)]);
    })
    .catch(() => undefined);
};

export async function render(ctx: PageContext): Promise<void> {
  const { t, main } = ctx;
  document.title = t("md_sheet_title");
  const secret = location.hash.slice(1);
  if (!/^kl_[A-Za-z0-9_-]{43}$/.test(secret)) {
    add(main, h("h1", {}, t("md_sheet_title")), h("p", { role: "alert", className: "status err" }, t("md_bad_link")));
    return;
  }
  const key = await storageKey(secret);
  const load = (): Stored => {
    try {
      return { deals: [], ...(JSON.parse(localStorage.getItem(key) ?? "{}") as Partial<Stored>) };
    } catch {
      return { deals: [] };
    }
  };
  const save = (s: Stored) => localStorage.setItem(key, JSON.stringify(s));
  const headers = { "X-Link-Key": secret };

  let offlineSince: string | null = null;
  try {
    const sheet = await ok(linkClient.GET("/public/deal-sheet", { headers }));
    save({ ...load(), sheet, loadedAt: new Date().toISOString() });
  } catch (e) {
    if (e instanceof ApiFailure && e.status === 404) {
      add(main, h("h1", {}, t("md_sheet_title")), h("p", { role: "alert", className: "status err" }, t("md_bad_link")));
      return;
    }
    offlineSince = load().loadedAt ?? null;
  }
  const stored = load();
  if (!stored.sheet) {
    add(main, h("h1", {}, t("md_sheet_title")), h("p", { role: "alert", className: "status err" }, t("md_never_loaded")));
    return;
  }
  keepFilesOffline();
  const sheet = stored.sheet;
  const partner = new Map(sheet.partners.map((p) => [p.id, p]));
  const item = new Map(sheet.items.map((i) => [i.id, i]));

  // Step 1: a pinned pair in one tap, or the two partners chosen.
  let pair: { needItemId: number; offerItemId: number } | null = null;
  const pairButtons = sheet.pairs.map((p) => {
    const need = item.get(p.needItemId);
    const offer = item.get(p.offerItemId);
    const btn = h(
      "button",
      { type: "button", className: "md-pair", "aria-pressed": "false", "data-pair": `${p.needItemId}-${p.offerItemId}` },
      h("span", { className: "md-pair-slot" }, p.talkSlot ?? ""),
      h("span", { className: "md-pair-names" }, `${partner.get(need?.organisationId ?? 0)?.name ?? "?"} ↔ ${partner.get(offer?.organisationId ?? 0)?.name ?? "?"}`),
      h("span", { className: "md-pair-items" }, `${need?.description ?? ""} · ${offer?.description ?? ""}`),
      p.hasDeal ? h("span", { className: "md-pair-done" }, t("md_pair_done")) : null,
    );
    btn.addEventListener("click", () => {
      pair = { needItemId: p.needItemId, offerItemId: p.offerItemId };
      pairButtons.forEach((b) => b.setAttribute("aria-pressed", String(b === btn)));
      scratch.open = false;
      typeSelect.value = offer?.contributionType ?? typeSelect.value;
      agreed.focus();
    });
    return btn;
  });
  const side = (s: "nonprofit" | "company", name: string) =>
    h("select", { name }, h("option", { value: "" }, t("md_choose")), sheet.partners.filter((p) => p.side === s).map((p) => h("option", { value: String(p.id) }, p.name)));
  const npSelect = side("nonprofit", "nonprofit");
  const coSelect = side("company", "company");
  const typeSelect = h("select", { name: "contributionType" }, TYPES.filter((x) => x !== "money" || sheet.moneyAllowed).map((x) => h("option", { value: x }, t(`c_${x}`))));
  const scratch = h(
    "details",
    { className: "md-scratch" },
    h("summary", {}, t("md_scratch")),
    field(t("md_nonprofit"), npSelect),
    field(t("md_company"), coSelect),
  );
  scratch.addEventListener("toggle", () => {
    if (!scratch.open) return;
    pair = null;
    pairButtons.forEach((b) => b.setAttribute("aria-pressed", "false"));
  });

  // Step 2: what was agreed, in the page's language ("1.250,50", "03.10.2026").
  const agreed = h("textarea", { name: "agreedText", rows: 3, maxLength: 2000 });
  const dueBy = dateInput("dueBy", ctx);
  const hours = numberInput("hours", ctx);
  const volunteers = numberInput("volunteers", ctx, { integer: true });
  const valueEur = numberInput("valueEur", ctx, { currency: true, decimals: 2 });
  const formStatus = statusLine();
  const form = h(
    "form",
    { className: "card md-form", novalidate: true },
    h("h2", {}, t("md_step_deal")),
    field(t("md_type"), typeSelect),
    field(t("md_agreed"), agreed, { hint: t("md_agreed_hint"), required: true }),
    field(t("md_due"), dueBy),
    h("div", { className: "md-figures" }, field(t("md_hours"), hours), field(t("md_volunteers"), volunteers), field(t("md_value"), valueEur)),
    h("button", { type: "submit", className: "btn primary md-save" }, t("md_save")),
    formStatus,
  );

  const listBox = h("div", { id: "md-local" });
  const pendingLine = h("p", { className: "md-pending", id: "md-pending", "aria-live": "polite" });
  const sendNow = h("button", { type: "button", className: "btn", id: "md-send-now" }, t("md_send_now"));

  const names = (body: DealInput): LocalDeal["partners"] => {
    const ids = body.partnerIds ?? [item.get(body.needItemId!)?.organisationId ?? 0, item.get(body.offerItemId!)?.organisationId ?? 0];
    return ids
      .map((id) => partner.get(id))
      .filter((p): p is Sheet["partners"][number] => !!p)
      .sort((a, b) => (a.side === b.side ? 0 : a.side === "nonprofit" ? -1 : 1))
      .map((p) => ({ name: p.name, side: p.side }));
  };

  const printDeal = (d: LocalDeal) => {
    const root = h(
      "div",
      { className: "md-print" },
      h("div", { className: "md-toolbar toolbar" }, h("button", { type: "button", className: "btn", onclick: () => showForm() }, `← ${t("md_sheet_title")}`), h("button", { type: "button", className: "btn primary", onclick: () => window.print() }, t("md_print"))),
      dealSheetPage(ctx, { id: d.cooperationId, partners: d.partners, agreedText: d.body.agreedText, dueBy: d.body.dueBy ?? null, contributionType: d.body.contributionType ?? "time", hours: d.body.hours ?? 0, volunteers: d.body.volunteers ?? 0, valueEur: d.body.valueEur ?? 0, event: sheet.event }),
    );
    clear(main);
    main.append(root);
    printing(root);
  };

  const renderList = () => {
    const deals = load().deals;
    const waiting = deals.filter((d) => d.state === "queued").length;
    pendingLine.textContent = waiting === 1 ? t("md_pending_count_one") : waiting ? t("md_pending_count", { n: waiting }) : "";
    sendNow.hidden = waiting === 0;
    listBox.replaceChildren(
      deals.length
        ? h(
            "ul",
            { className: "md-local-list" },
            [...deals].reverse().map((d) =>
              h(
                "li",
                { className: `md-local md-${d.state}`, "data-client-id": d.clientId, "data-state": d.state },
                h("p", { className: "md-local-names" }, d.partners.map((p) => p.name).join(" ↔ ")),
                h("p", { className: "md-local-text" }, d.body.agreedText),
                h("p", { className: "md-local-state" }, d.state === "sent" ? `✓ ${t("md_sent")}` : d.state === "queued" ? `● ${t("md_queued")}` : `✗ ${t("md_refused", { reason: d.error ?? "" })}`),
                h(
                  "div",
                  { className: "md-local-actions" },
                  h("button", { type: "button", className: "btn small", onclick: () => printDeal(d) }, t("md_print")),
                  d.state === "refused"
                    ? h("button", { type: "button", className: "btn small", onclick: () => (save({ ...load(), deals: load().deals.filter((x) => x.clientId !== d.clientId) }), renderList()) }, t("md_remove"))
                    : null,
                ),
              ),
            ),
          )
        : h("p", { className: "note" }, t("md_none_here")),
    );
  };

  /** Marks one deal with what the API said; the rest of the phone's list stays as it is now. */
  const update = (clientId: string, patch: Partial<LocalDeal>) => {
    const s = load();
    save({ ...s, deals: s.deals.map((d) => (d.clientId === clientId ? { ...d, ...patch } : d)) });
  };

  let sending = false;
  /** Sends every deal still on this phone, oldest first; stops at the first one the network loses. */
  const flush = async () => {
    // The browser knows it has no connection: nothing to try; the "online" event sends them.
    if (sending || navigator.onLine === false) return;
    sending = true;
    try {
      for (const d of load().deals.filter((x) => x.state === "queued")) {
        try {
          const stored = await ok(linkClient.POST("/public/deal-sheet/deals", { headers, body: d.body }));
          update(d.clientId, { state: "sent", cooperationId: stored.cooperationId });
        } catch (e) {
          if (!(e instanceof ApiFailure)) break; // no connection: keep it and the rest for later
          if (e.status >= 500 || e.status === 429) break;
          const why = e.details.length ? localiseDetails(t, ctx.f, e.details).map((x) => x.message).join("; ") : e.message;
          update(d.clientId, { state: "refused", error: why });
        }
      }
    } finally {
      sending = false;
      renderList();
    }
  };

  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    clearErrors(form);
    const { values, errors } = readTypedFields(form);
    const text = agreed.value.trim();
    if (!text) errors.push({ path: "agreedText", message: t("md_agreed_required") });
    const np = Number(npSelect.value);
    const co = Number(coSelect.value);
    if (!pair && !(np && co)) {
      setStatus(formStatus, "err", t("md_pair_required"));
      if (errors.length) showErrors(form, errors);
      return;
    }
    if (errors.length) {
      showErrors(form, errors);
      return;
    }
    const body: DealInput = {
      clientId: newClientId(),
      ...(pair ? pair : { partnerIds: [np, co] }),
      contributionType: typeSelect.value as DealInput["contributionType"],
      agreedText: text,
      ...(values.dueBy ? { dueBy: String(values.dueBy) } : {}),
      ...(values.hours != null ? { hours: Number(values.hours) } : {}),
      ...(values.volunteers != null ? { volunteers: Number(values.volunteers) } : {}),
      ...(values.valueEur != null ? { valueEur: Number(values.valueEur) } : {}),
    };
    // Saved here first: from now on the deal survives a lost connection, a reload, a closed tab.
    const s = load();
    save({ ...s, deals: [...s.deals, { clientId: body.clientId, body, partners: names(body), savedAt: new Date().toISOString(), state: "queued" }] });
    form.reset();
    dueBy.dispatchEvent(new Event("input"));
    pair = null;
    pairButtons.forEach((b) => b.setAttribute("aria-pressed", "false"));
    renderList();
    await flush();
    const sent = load().deals.find((d) => d.clientId === body.clientId)?.state === "sent";
    setStatus(formStatus, "ok", sent ? t("md_saved_sent") : t("md_saved_local"));
    ctx.announce(sent ? t("md_saved_sent") : t("md_saved_local"));
  });
  sendNow.addEventListener("click", () => void flush());

  const page = h(
    "div",
    { className: "md-phone" },
    h("h1", {}, t("md_sheet_title")),
    h("p", { className: "md-event" }, [sheet.event.title, ctx.f.date(sheet.event.date), sheet.event.place].join(" · ")),
    offlineSince ? h("p", { className: "md-offline", role: "status", id: "md-offline" }, t("md_offline_copy", { time: new Date(offlineSince).toLocaleString(ctx.f.tag, { dateStyle: "short", timeStyle: "short" }) })) : null,
    h(
      "section",
      { className: "card md-pairs", "aria-labelledby": "md-step-pair" },
      h("h2", { id: "md-step-pair" }, t("md_step_pair")),
      h("p", { className: "hint" }, t("md_step_pair_hint")),
      pairButtons.length ? h("div", { className: "md-pair-list" }, pairButtons) : h("p", { className: "note" }, t("md_no_pairs")),
      scratch,
    ),
    form,
    h("section", { className: "md-local-box", "aria-labelledby": "md-local-title" }, h("h2", { id: "md-local-title" }, t("md_deals_here")), pendingLine, sendNow, listBox),
  );
  const showForm = () => {
    clear(main);
    main.append(page);
  };
  showForm();
  renderList();

  const onOnline = () => void flush();
  window.addEventListener("online", onOnline);
  const timer = setInterval(() => {
    if (!page.isConnected && !document.querySelector(".md-print")) {
      clearInterval(timer);
      window.removeEventListener("online", onOnline);
      return;
    }
    if (load().deals.some((d) => d.state === "queued")) void flush();
  }, RETRY_MS);
  void flush();
}
