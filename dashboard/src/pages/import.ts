/**
 * @module
 * Import screen (docs/import.md, last section): choose the type and get its templates, choose a
 * file (picker or drag and drop), check it with a dry run — the per-row report with rejected rows
 * first — then import it for real: one request each, multipart, `Accept: application/x-ndjson`,
 * with the upload and the server's read/check/write phases shown as a progress bar. Afterwards:
 * the counts, the new records and the touched regions' pages.
 */
import { allRegions, ApiFailure, client, getToken, ok, type ErrorDetail, type Region, type Schemas } from "../api";
import { saveBlob } from "../charts/render";
import { add, clear, h, uid } from "../dom";
import { apiLocale, type Formatters, type Translate } from "../i18n";
import type { PageContext } from "../main";
import { localiseDetails } from "../messages";
import { pageTitle } from "./common";

const TYPES = ["organisations", "events", "cooperations"] as const;
type ImportType = (typeof TYPES)[number];
type Outcome = "created" | "updated" | "unchanged" | "rejected";
type Phase = "upload" | "read" | "check" | "write" | "done";

export type ImportReport = Schemas["ImportReport"];
type RowReport = ImportReport["rows"][number];
type RowIssue = NonNullable<RowReport["issues"]>[number];

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * The file as sent: browsers label `.csv` differently (text/csv, application/vnd.ms-excel, or
 * nothing); the server reads the content anyway, so a known extension gets a type it accepts.
 * Anything else keeps its own type and gets the server's 415.
 */
function uploadable(file: File): File {
  const ext = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase();
  const type = ext === "xlsx" ? XLSX_TYPE : ext === "csv" || ext === "txt" ? "text/csv" : null;
  return type && file.type !== type ? new File([file], file.name, { type, lastModified: file.lastModified }) : file;
}

/**
 * Sends the file to `POST /api/v1/import` as multipart with `Accept: application/x-ndjson`:
 * upload progress from the XHR, then the server's progress lines as they arrive; resolves with
 * the report of the last line, rejects with {@link ApiFailure} (status 0: no connection).
 */
export function postImport(
  q: { type: ImportType; dryRun: boolean; region?: string; source?: string },
  file: File,
  onProgress: (phase: Phase, done: number, total: number) => void,
): Promise<ImportReport> {
  const params = new URLSearchParams({ type: q.type, dryRun: String(q.dryRun) });
  if (q.region) params.set("region", q.region);
  if (q.source) params.set("source", q.source);
  const body = new FormData();
  body.append("file", uploadable(file), file.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/v1/import?${params}`);
    const token = getToken();
    if (token) xhr.setRequestHeader("Authorization", `Bearer ${token}`);
    xhr.setRequestHeader("Accept", "application/x-ndjson");
    let seen = 0;
    let buffer = "";
    let last: { event: string; status?: number; report?: ImportReport; error?: { code: string; message: string; details?: ErrorDetail[] } } | null = null;
    const consume = (final: boolean) => {
      const text = xhr.responseText ?? "";
      buffer += text.slice(seen);
      seen = text.length;
      const lines = buffer.split("\n");
      buffer = final ? "" : (lines.pop() ?? "");
      for (const line of lines) {
        if (!line.trim()) continue;
        try {
          const msg = JSON.parse(line) as NonNullable<typeof last> & { phase?: Phase; done?: number; total?: number };
          if (msg.event === "progress" && msg.phase) onProgress(msg.phase, msg.done ?? 0, msg.total ?? 0);
          else last = msg;
        } catch {
          /* a torn line: the rest arrives with the next chunk */
        }
      }
    };
    xhr.upload.onprogress = (e) => onProgress("upload", e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onprogress = () => {
      if (xhr.status === 200) consume(false);
    };
    xhr.onerror = () => reject(new ApiFailure(0, "network", "network error"));
    xhr.onload = () => {
      if (xhr.status !== 200) {
        // Refused before the upload was accepted (401/403/413/415 …): the API's error shape.
        let e: { code?: string; message?: string; details?: ErrorDetail[] } | undefined;
        try {
          e = (JSON.parse(xhr.responseText) as { error?: typeof e }).error;
        } catch {
          /* not JSON */
        }
        reject(new ApiFailure(xhr.status, e?.code ?? `http_${xhr.status}`, e?.message ?? xhr.statusText, e?.details ?? []));
        return;
      }
      consume(true);
      const end = last as typeof last;
      if (end?.event === "report" && end.report) resolve(end.report);
      else if (end?.event === "error" && end.error) reject(new ApiFailure(end.status ?? 500, end.error.code, end.error.message, end.error.details ?? []));
      else reject(new ApiFailure(500, "incomplete", "incomplete answer"));
    };
    xhr.send(body);
  });
}

/** A value of a change (`from`/`to`) in words. */
function cell(t: Translate, f: Formatters, v: unknown): string {
  if (v === null || v === undefined || v === "") return t("importEmpty");
  if (typeof v === "boolean") return v ? (f.locale === "en" ? "yes" : "ja") : f.locale === "de" ? "nein" : f.locale === "nl" ? "nee" : "no";
  if (typeof v === "number") return f.dec3(v);
  if (Array.isArray(v)) return v.map((x) => cell(t, f, x)).join(", ");
  return String(v);
}

/** The reason of an issue or warning: worded per code in German; English keeps the API's precise sentence. */
function issueText(t: Translate, locale: string, i: RowIssue): string {
  if (locale === "en") return i.message;
  const key = `ic_${i.code}`;
  const s = t(key);
  return s === key ? i.message : s;
}

interface Line {
  row: number;
  outcome: Outcome;
  record: string;
  id: number | null;
  kind: "issue" | "warning" | "change" | "plain";
  column: string;
  value: string;
  reason: string;
}

/** One line per issue, warning and change of every report row (a row without any: one line). */
function reportLines(r: ImportReport, t: Translate, f: Formatters): Line[] {
  const out: Line[] = [];
  for (const row of r.rows) {
    // Content-derived references (`auto:…`) mean nothing to a reader; ids and the file's own references do.
    const record = row.id !== null ? `#${row.id}` : row.externalRef && !row.externalRef.startsWith("auto:") ? row.externalRef : "";
    const base = { row: row.row, outcome: row.outcome, record, id: row.id };
    const n0 = out.length;
    for (const i of row.issues ?? []) out.push({ ...base, kind: "issue", column: i.column ?? t("importWholeRow"), value: i.value ?? "", reason: issueText(t, f.locale, i) });
    for (const i of row.warnings ?? []) out.push({ ...base, kind: "warning", column: i.column ?? t("importWholeRow"), value: i.value ?? "", reason: issueText(t, f.locale, i) });
    for (const c of row.changes ?? [])
      out.push({ ...base, kind: "change", column: c.column, value: cell(t, f, c.to), reason: t("importChange", { from: cell(t, f, c.from), to: cell(t, f, c.to) }) });
    if (out.length === n0)
      out.push({ ...base, kind: "plain", column: "", value: "", reason: row.matchedBy && row.outcome !== "rejected" ? t(`importPlain_${row.outcome}`, { key: t(row.matchedBy === "name" ? `mb_name_${r.type}` : `mb_${row.matchedBy}`) }) : "" });
  }
  return out;
}

const OUTCOME_ORDER: Record<Outcome, number> = { rejected: 0, updated: 2, created: 3, unchanged: 4 };
const FILTERS = ["all", "rejected", "warnings", "updated", "created", "unchanged"] as const;
type Filter = (typeof FILTERS)[number];
const MAX_LINES = 500;

/** The report's rows for a filter: rejected first, then rows with a note, then by row number. */
function filteredRows(r: ImportReport, filter: Filter): RowReport[] {
  const rank = (x: RowReport) => (x.outcome !== "rejected" && x.warnings?.length ? 1 : OUTCOME_ORDER[x.outcome]);
  return r.rows
    .filter((x) => filter === "all" || (filter === "warnings" ? !!x.warnings?.length : x.outcome === filter))
    .sort((a, b) => rank(a) - rank(b) || a.row - b.row);
}

/** The full report as CSV (German and Dutch: `;` and BOM for Excel, whose decimal mark is the comma; English: `,`). */
export function reportCsv(r: ImportReport, t: Translate, f: Formatters): string {
  const sep = f.locale === "en" ? "," : ";";
  const q = (s: string | number) => {
    const v = String(s);
    return v.includes(sep) || /["\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : /^[=+\-@]/.test(v) ? `'${v}` : v;
  };
  const head = [t("importRow"), t("importOutcome"), t("importColumn"), t("importValue"), t("importReason"), t("importRecord")];
  const lines = reportLines({ ...r, rows: filteredRows(r, "all") }, t, f).map((l) => [l.row, t(`o_${l.outcome}`), l.column, l.value, l.reason, l.record]);
  return "\uFEFF" + [head, ...lines].map((x) => x.map(q).join(sep)).join("\r\n") + "\r\n";
}

export async function render(ctx: PageContext) {
  const { t, f, main, locale } = ctx;
  pageTitle(ctx, t("importTitle"));
  const regions = await allRegions().catch(() => [] as Region[]);
  const writable = regions.filter((r) => r.kind !== "state" && (ctx.me.role === "admin" || ctx.me.regions.some((c) => r.code === c || r.code.startsWith(c) || r.parentCode === c)));
  const regionNames = new Map(regions.map((r) => [r.code, r.name]));

  let type: ImportType = TYPES.includes(ctx.query.get("type") as ImportType) ? (ctx.query.get("type") as ImportType) : "organisations";
  let chosen: File | null = null;
  /** The dry run's report and what it was made of (a change of type or file makes it stale). */
  let checked: { report: ImportReport; file: File; type: ImportType; region: string; source: string } | null = null;
  let busy = false;

  // 1. Type and templates.
  const typeName = (x: ImportType) => t(`importType_${x}`);
  const typeGroup = h(
    "fieldset",
    { className: "field type-choice", "data-field": "type" },
    h("legend", { className: "visually-hidden" }, t("importStepType")),
    h(
      "div",
      { className: "choices" },
      TYPES.map((x) => h("label", { className: "choice" }, h("input", { type: "radio", name: "type", value: x, checked: x === type }), typeName(x))),
    ),
  );
  const templates = h("div", { className: "templates" });
  // A coordinator's templates are set in the coordinator's (first) region, so they import unchanged.
  const ownRegion = ctx.me.role === "coordinator" ? (ctx.me.regions[0] ?? null) : null;
  const drawTemplates = () => {
    clear(templates);
    const link = (ext: "xlsx" | "csv", lang: "de" | "en") =>
      h(
        "a",
        {
          className: "btn small",
          href: `/api/v1/import/templates/${type}.${ext}?locale=${lang}${ownRegion ? `&region=${encodeURIComponent(ownRegion)}` : ""}`,
          download: "",
          "data-template": `${ext}-${lang}`,
        },
        h("span", { "aria-hidden": "true", className: "file-badge" }, ext.toUpperCase()),
        `${t(ext === "xlsx" ? "importTemplateExcel" : "importTemplateCsv")}, ${t(lang === "de" ? "langGerman" : "langEnglish")}`,
      );
    add(
      templates,
      h("h3", {}, t("importTemplatesFor", { type: typeName(type) })),
      h("div", { className: "template-links" }, link("xlsx", apiLocale(locale)), link("csv", apiLocale(locale)), link("xlsx", locale === "de" ? "en" : "de"), link("csv", locale === "de" ? "en" : "de")),
      h("p", { className: "hint" }, t("importTemplatesHint"), ownRegion ? ` ${t("importTemplatesRegion", { region: ownRegion })}` : ""),
    );
  };
  drawTemplates();

  // 2. File: picker and drag and drop; optional default region and source.
  const fileInput = h("input", { type: "file", name: "file", id: uid("file"), className: "visually-hidden", accept: ".csv,.txt,.xlsx,text/csv,text/plain," + XLSX_TYPE });
  const fileInfo = h("p", { className: "file-info", "aria-live": "polite" }, t("importNoFile"));
  const fileError = h("p", { className: "field-error", id: `${fileInput.id}-error` });
  fileInput.setAttribute("aria-describedby", `${fileInput.id}-hint ${fileError.id}`);
  const dropzone = h(
    "div",
    { className: "dropzone", "data-field": "file" },
    h("p", { className: "drop-title", "aria-hidden": "true" }, t("importDrop")),
    h("p", { className: "drop-or", "aria-hidden": "true" }, t("importOr")),
    h("label", { for: fileInput.id, className: "btn" }, t("importChoose")),
    fileInput,
    h("p", { className: "hint", id: `${fileInput.id}-hint` }, t("importFileTypes")),
    fileInfo,
    fileError,
  );
  const regionSelect = h(
    "select",
    { name: "region", id: uid("region") },
    h("option", { value: "" }, t("importRegionNone")),
    writable.map((r) => h("option", { value: r.code }, `${r.name} (${r.code})`)),
  );
  if (ctx.me.role === "coordinator" && ctx.me.regions.length === 1 && writable.some((r) => r.code === ctx.me.regions[0])) regionSelect.value = ctx.me.regions[0];
  const sourceInput = h("input", { type: "text", name: "source", id: uid("source"), placeholder: "import", maxlength: 50, autocomplete: "off" });
  const options = h(
    "details",
    { className: "import-options", open: !!regionSelect.value },
    h("summary", {}, t("importOptions")),
    h(
      "div",
      { className: "form-grid" },
      h("div", { className: "field", "data-field": "region" }, h("label", { for: regionSelect.id }, t("importRegion")), regionSelect),
      h(
        "div",
        { className: "field", "data-field": "source" },
        h("label", { for: sourceInput.id }, t("importSource")),
        h("p", { className: "hint", id: `${sourceInput.id}-hint` }, t("importSourceHint")),
        sourceInput,
      ),
    ),
  );
  sourceInput.setAttribute("aria-describedby", `${sourceInput.id}-hint`);

  // 3. Check; 4. Import.
  const checkButton = h("button", { type: "submit", className: "btn primary", "data-action": "check" }, t("importCheckButton"));
  const checkProgress = progressBox(t, f);
  const checkError = h("div", { className: "import-error", role: "alert" });
  const reportBox = h("div", { className: "import-report", "data-report": "dry-run" });
  const runButton = h("button", { type: "button", className: "btn primary", "data-action": "run", disabled: true }, t("importRunButton"));
  const runState = h("p", { className: "run-state", role: "status", "aria-live": "polite" });
  const runProgress = progressBox(t, f);
  const runError = h("div", { className: "import-error", role: "alert" });
  const doneBox = h("div", { className: "import-done", "data-report": "done", tabindex: "-1" });

  const step = (n: string, title: string, ...children: (Node | null)[]) => {
    const id = uid("h");
    return h("section", { className: "card import-step", "aria-labelledby": id, "data-step": n }, h("h2", { id }, title), ...children);
  };
  const form = h(
    "form",
    { novalidate: true, "data-form": "import" },
    step("type", t("importStepType"), typeGroup, h("p", { className: "hint" }, t("importOrder")), templates),
    step("file", t("importStepFile"), dropzone, options),
    step("check", t("importStepCheck"), h("div", { className: "toolbar" }, checkButton), checkProgress.el, checkError, reportBox),
    step("run", t("importStepRun"), runState, h("div", { className: "toolbar" }, runButton), runProgress.el, runError, doneBox),
  );
  add(main, h("h1", {}, t("importTitle")), h("p", { className: "lead" }, t("importIntro")), form);

  const setRunState = () => {
    runButton.disabled = true;
    runState.className = "run-state";
    reportBox.classList.remove("stale");
    if (!checked) {
      runState.textContent = doneBox.firstChild ? "" : t("importRunFirst");
      return;
    }
    const s = checked.report.summary;
    const stale = checked.file !== chosen || checked.type !== type || checked.region !== regionSelect.value || checked.source !== sourceInput.value.trim();
    reportBox.classList.toggle("stale", stale);
    if (stale) {
      runState.textContent = t("importStale");
    } else if (s.rejected > 0) {
      runState.textContent = s.rejected === 1 ? t("importBlockedRejected_one") : t("importBlockedRejected", { n: f.int(s.rejected) });
      runState.classList.add("err");
    } else if (s.created + s.updated === 0) {
      runState.textContent = t("importNothingToDo");
    } else {
      runState.textContent = t("importReady", { created: f.int(s.created), updated: f.int(s.updated) });
      runState.classList.add("ok");
      runButton.disabled = busy;
    }
  };

  const choose = (file: File | null) => {
    chosen = file;
    fileError.textContent = "";
    fileInput.removeAttribute("aria-invalid");
    dropzone.classList.toggle("has-file", !!file);
    fileInfo.textContent = file ? t("importChosen", { name: file.name, size: f.bytes(file.size) }) : t("importNoFile");
    setRunState();
  };
  fileInput.addEventListener("change", () => choose(fileInput.files?.[0] ?? null));
  for (const ev of ["dragenter", "dragover"])
    dropzone.addEventListener(ev, (e) => {
      e.preventDefault();
      dropzone.classList.add("dragging");
    });
  for (const ev of ["dragleave", "dragend"]) dropzone.addEventListener(ev, () => dropzone.classList.remove("dragging"));
  dropzone.addEventListener("drop", (e) => {
    e.preventDefault();
    dropzone.classList.remove("dragging");
    const file = (e as DragEvent).dataTransfer?.files?.[0];
    if (file) {
      fileInput.value = "";
      choose(file);
    }
  });
  typeGroup.addEventListener("change", () => {
    type = (typeGroup.querySelector<HTMLInputElement>("input[name=type]:checked")?.value as ImportType) ?? type;
    drawTemplates();
    history.replaceState(null, "", `/import?type=${type}`);
    setRunState();
  });
  regionSelect.addEventListener("change", setRunState);
  sourceInput.addEventListener("input", setRunState);

  const request = () => ({ type, region: regionSelect.value || undefined, source: sourceInput.value.trim() || undefined });

  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    if (busy) return;
    clear(checkError);
    if (!chosen) {
      fileError.textContent = t("required");
      fileInput.setAttribute("aria-invalid", "true");
      fileInput.focus();
      return;
    }
    const file = chosen;
    const q = request();
    busy = true;
    checkButton.disabled = true;
    runButton.disabled = true;
    clear(reportBox);
    clear(doneBox);
    clear(runError);
    checked = null;
    setRunState();
    checkProgress.start();
    try {
      const report = await postImport({ ...q, dryRun: true }, file, checkProgress.update);
      checkProgress.finish();
      checked = { report, file, type: q.type, region: regionSelect.value, source: sourceInput.value.trim() };
      showReport(reportBox, report, ctx);
      ctx.announce(summaryText(t, f, report));
    } catch (err) {
      checkProgress.fail();
      showError(checkError, err, ctx);
    } finally {
      busy = false;
      checkButton.disabled = false;
      setRunState();
    }
  });

  runButton.addEventListener("click", async () => {
    if (busy || !checked) return;
    const { file } = checked;
    busy = true;
    runButton.disabled = true;
    checkButton.disabled = true;
    clear(runError);
    clear(doneBox);
    runProgress.start();
    try {
      const report = await postImport({ ...request(), dryRun: false }, file, runProgress.update);
      runProgress.finish();
      checked = null;
      runState.textContent = "";
      await showDone(doneBox, report, ctx, regionNames, regionSelect.value, () => {
        choose(null);
        fileInput.value = "";
        clear(reportBox);
        clear(doneBox);
        runProgress.reset();
        checkProgress.reset();
        dropzone.scrollIntoView({ block: "center" });
        fileInput.focus();
      });
      doneBox.focus();
      ctx.announce(t("importDoneTitle"));
    } catch (err) {
      runProgress.fail();
      const conflict = err instanceof ApiFailure && err.status === 409;
      showError(runError, err, ctx, conflict ? () => form.requestSubmit() : undefined);
      if (conflict) checked = null;
    } finally {
      busy = false;
      checkButton.disabled = false;
      setRunState();
    }
  });
}

/** A progress bar with a line of text: upload (bytes), read (bytes), check (rows), write (one step). */
function progressBox(t: Translate, f: Formatters) {
  const bar = h("progress", { max: 100, value: 0, "aria-label": t("importProgressLabel") });
  const label = h("span", { className: "progress-label" });
  const el = h("div", { className: "import-progress", hidden: true, "data-phase": "" }, label, bar);
  const update = (phase: Phase, done: number, total: number) => {
    el.hidden = false;
    el.dataset.phase = phase;
    const name = t(`importPhase_${phase}`);
    if (phase === "write" && done < total) {
      // One atomic batch: it jumps from 0 to all, so the bar is indeterminate meanwhile.
      bar.removeAttribute("value");
      label.textContent = t("importProgressStatements", { phase: name });
      return;
    }
    const share = total > 0 ? Math.min(1, done / total) : 1;
    bar.value = Math.round(share * 100);
    if (phase === "upload" || phase === "read") label.textContent = t("importProgressBytes", { phase: name, done: f.bytes(done), total: f.bytes(total) });
    else if (phase === "check") label.textContent = t("importProgressRows", { phase: name, done: f.int(done), total: f.int(total) });
    else label.textContent = name;
  };
  return {
    el,
    update,
    start: () => {
      el.hidden = false;
      el.classList.remove("failed");
      update("upload", 0, 1);
    },
    finish: () => update("done", 1, 1),
    fail: () => {
      el.hidden = true;
    },
    reset: () => {
      el.hidden = true;
      bar.value = 0;
    },
  };
}

const rowCount = (t: Translate, f: Formatters, n: number) => (n === 1 ? t("importSummaryRows_one") : t("importSummaryRows", { n: f.int(n) }));

const summaryText = (t: Translate, f: Formatters, r: ImportReport) =>
  [rowCount(t, f, r.summary.rows), ...(["created", "updated", "unchanged", "rejected"] as const).map((k) => `${f.int(r.summary[k])} ${t(`o_${k}`)}`)].join(", ");

/** Counts as a row of figures (rejected in red when there are any). */
function summaryList(t: Translate, f: Formatters, r: ImportReport): HTMLElement {
  const items: [string, number][] = [
    ["created", r.summary.created],
    ["updated", r.summary.updated],
    ["unchanged", r.summary.unchanged],
    ["rejected", r.summary.rejected],
    ["warnings", r.summary.warnings],
  ];
  return h(
    "ul",
    { className: "import-summary" },
    items.map(([k, n]) => h("li", { className: `outcome-${k}${n ? " nonzero" : ""}`, "data-count": k }, h("span", { className: "n" }, f.int(n)), h("span", { className: "l" }, t(`o_${k}`)))),
  );
}

/** The dry run's report: file, counts, columns, and the rows table with a filter and a CSV download. */
function showReport(box: HTMLElement, r: ImportReport, ctx: PageContext) {
  const { t, f } = ctx;
  clear(box);
  const fileLine =
    r.file.format === "xlsx"
      ? t("importFileInfoXlsx", { header: r.file.headerRow })
      : t("importFileInfo", { format: "CSV", encoding: r.file.encoding ?? "", delimiter: r.file.delimiter === "\t" ? "Tab" : (r.file.delimiter ?? ""), header: r.file.headerRow });
  add(
    box,
    h("h3", {}, t("importCheckedTitle")),
    h("p", { className: "hint" }, `${r.file.name ?? ""} · ${f.bytes(r.file.bytes)} · ${fileLine} · ${rowCount(t, f, r.summary.rows)}`),
    summaryList(t, f, r),
    h(
      "dl",
      { className: "import-columns" },
      h("dt", {}, t("importColumns")),
      h("dd", {}, r.columns.length ? h("ul", { className: "chips" }, r.columns.map((c) => h("li", {}, c.header))) : t("none")),
      r.ignoredColumns.length ? h("dt", {}, t("importIgnored")) : null,
      r.ignoredColumns.length ? h("dd", {}, h("ul", { className: "chips muted" }, r.ignoredColumns.map((c) => h("li", {}, c)))) : null,
    ),
  );
  const counts: Record<Filter, number> = {
    all: r.summary.rows,
    rejected: r.summary.rejected,
    warnings: r.summary.warnings,
    updated: r.summary.updated,
    created: r.summary.created,
    unchanged: r.summary.unchanged,
  };
  const filterId = uid("show");
  const filter = h(
    "select",
    { id: filterId, name: "show" },
    FILTERS.map((x) => h("option", { value: x, disabled: x !== "all" && counts[x] === 0 }, `${t(`importFilter_${x}`)} (${f.int(counts[x])})`)),
  );
  filter.value = r.summary.rejected ? "rejected" : "all";
  const csvButton = h(
    "button",
    {
      type: "button",
      className: "btn small",
      "data-download": "report-csv",
      onclick: () => saveBlob(new Blob([reportCsv(r, t, f)], { type: "text/csv;charset=utf-8" }), `${(r.file.name ?? "import").replace(/\.[^.]+$/, "")}-${ctx.locale === "de" ? "pruefbericht" : "report"}.csv`),
    },
    t("importReportCsv"),
  );
  const tableBox = h("div", {});
  add(box, h("div", { className: "toolbar" }, h("div", { className: "field" }, h("label", { for: filterId }, t("importShow")), filter), csvButton), tableBox);
  const draw = () => {
    clear(tableBox);
    add(tableBox, rowsTable(r, filter.value as Filter, ctx));
  };
  filter.addEventListener("change", draw);
  draw();
}

/** The rows of a report as a table: one line per issue/warning/change, the row number spanning them. */
function rowsTable(r: ImportReport, filter: Filter, ctx: PageContext): HTMLElement {
  const { t, f } = ctx;
  const rows = filteredRows(r, filter);
  const lines = reportLines({ ...r, rows }, t, f);
  if (!lines.length) return h("p", { className: "hint" }, t("importNoRows"));
  const shown = lines.slice(0, MAX_LINES);
  const groups: Line[][] = [];
  for (const l of shown) {
    const g = groups[groups.length - 1];
    if (g && g[0].row === l.row) g.push(l);
    else groups.push([l]);
  }
  const recordCell = (l: Line) => (r.type === "organisations" && l.id !== null && !r.dryRun ? h("a", { href: `/organisations/${l.id}` }, l.record) : l.record || "–");
  const table = h(
    "table",
    { className: "data import-rows", "data-filter": filter },
    h("caption", { className: "visually-hidden" }, t("importRowsTitle")),
    h(
      "thead",
      {},
      h("tr", {}, [t("importRow"), t("importOutcome"), t("importColumn"), t("importValue"), t("importReason"), t("importRecord")].map((c, i) => h("th", { scope: "col", className: i === 0 ? "num" : "" }, c))),
    ),
    groups.map((g) =>
      h(
        "tbody",
        { className: `outcome-${g[0].outcome}`, "data-row": g[0].row },
        g.map((l, i) =>
          h(
            "tr",
            { className: `line-${l.kind}` },
            i === 0 ? h("th", { scope: "rowgroup", rowspan: g.length, className: "num" }, String(l.row)) : null,
            i === 0 ? h("td", { rowspan: g.length }, h("span", { className: `outcome outcome-${l.outcome}` }, t(`o_${l.outcome}`))) : null,
            h("td", {}, l.column || "–"),
            h("td", { className: "value" }, l.value || "–"),
            h("td", {}, l.kind === "warning" ? h("span", { className: "warn-mark" }, "⚠ ", l.reason) : l.reason || "–"),
            i === 0 ? h("td", { rowspan: g.length, className: "record" }, recordCell(l)) : null,
          ),
        ),
      ),
    ),
  );
  return h(
    "div",
    {},
    h("div", { className: "table-scroll" }, table),
    lines.length > shown.length ? h("p", { className: "hint" }, t("importRowsLimited", { n: f.int(shown.length), total: f.int(lines.length) })) : null,
  );
}

/** An error of the check or the import: what it means for the user, then the API's words. */
function showError(box: HTMLElement, err: unknown, ctx: PageContext, retry?: () => void) {
  const { t, f } = ctx;
  clear(box);
  const e = err instanceof ApiFailure ? err : null;
  const status = e?.status ?? -1;
  const rowDetails = (e?.details ?? []).filter((d) => /^rows\[\d+\]/.test(d.path));
  const headline =
    status === 0
      ? t("importErr_network")
      : status === 422 && rowDetails.length
        ? t("importErr_422_rows")
        : [400, 401, 403, 409, 413, 415, 422].includes(status)
          ? t(`importErr_${status}`)
          : t("importErr_other");
  const details = localiseDetails(t, f, e?.details ?? []).slice(0, 50);
  add(
    box,
    h(
      "div",
      { className: "form-status err", "data-status": String(status) },
      h("p", { className: "err-head" }, headline),
      e && status !== 0 ? h("p", { className: "err-detail" }, `${t("importErrDetails")} (${status}): ${e.message}`) : null,
      details.length
        ? h(
            "ul",
            { className: "err-list" },
            details.map((d) => {
              const m = /^rows\[(\d+)\](?:\.(.+))?$/.exec(d.path);
              const col = /^columns\.(.+)$/.exec(d.path);
              const where = m ? `${t("importRow")} ${m[1]}${m[2] ? `, ${t("importColumn")} ${m[2]}` : ""}` : col ? `${t("importColumn")} ${col[1]}` : /^\(.*\)$/.test(d.path) ? "" : d.path;
              return h("li", {}, where ? `${where}: ${d.message}` : d.message);
            }),
          )
        : null,
      [413, 415, 422].includes(status) ? h("p", {}, t("importFixFile")) : null,
      retry ? h("button", { type: "button", className: "btn", "data-action": "check-again", onclick: retry }, t("importCheckAgain")) : null,
    ),
  );
}

/** After a real run: counts, new records, the touched regions (from the audit log of this import). */
async function showDone(box: HTMLElement, r: ImportReport, ctx: PageContext, regionNames: Map<string, string>, defaultRegion: string, again: () => void) {
  const { t, f } = ctx;
  clear(box);
  let touched: string[] = [];
  if (r.importId) {
    const audit = await ok(client.GET("/audit", { params: { query: { entity: "import", entityId: r.importId, limit: 100 } } })).catch(() => ({ data: [] }));
    touched = [...new Set(audit.data.map((a) => a.regionCode).filter((c): c is string => !!c))].sort();
  }
  if (!touched.length && defaultRegion) touched = [defaultRegion];
  const name = (code: string) => regionNames.get(code) ?? code;
  const created = r.rows.filter((x) => x.outcome === "created" && x.id !== null);
  const parts: (Node | null)[] = [
    h("h3", {}, t("importDoneTitle")),
    h("p", { className: "form-status ok", "data-done": "" }, t("importDoneText", { created: f.int(r.summary.created), updated: f.int(r.summary.updated), unchanged: f.int(r.summary.unchanged) })),
    summaryList(t, f, r),
    touched.length
      ? h(
          "ul",
          { className: "done-links" },
          touched.map((code) =>
            h(
              "li",
              {},
              h("a", { href: `/regions/${encodeURIComponent(code)}`, "data-region-link": code }, t("importSeeRegion", { name: name(code) })),
              " · ",
              h(
                "button",
                {
                  type: "button",
                  className: "linkish",
                  onclick: async () =>
                    saveBlob(await ok(client.GET("/cooperations", { params: { query: { region: code, format: "csv", locale: apiLocale(ctx.locale) } }, parseAs: "blob" })), `kooperationsatlas-${code}-cooperations.csv`),
                },
                t("importRegionCsv", { name: name(code) }),
              ),
            ),
          ),
        )
      : null,
    created.length
      ? h(
          "p",
          { className: "new-records" },
          `${t("importNewRecords")}: `,
          created.slice(0, 30).flatMap((x, i) => [
            i ? ", " : "",
            r.type === "organisations" ? h("a", { href: `/organisations/${x.id}` }, `#${x.id}`) : `#${x.id}${x.externalRef && !x.externalRef.startsWith("auto:") ? ` (${x.externalRef})` : ""}`,
          ]),
          created.length > 30 ? ` … (${f.int(created.length)})` : "",
        )
      : null,
    h("p", { className: "hint" }, t("importDoneFigures")),
    h("button", { type: "button", className: "btn", "data-action": "again", onclick: again }, t("importAnother")),
  ];
  add(box, ...parts.filter((x): x is Node => x !== null));
}
