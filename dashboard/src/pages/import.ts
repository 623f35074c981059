/**
 * @module
 * Import screen: a CSV or XLSX file goes to `POST /api/v1/import` — first as a dry run whose
 * report (per row: created / updated / unchanged / rejected, with the issues) is shown, then, on
 * request, for real (all rows in one transaction or none). Templates per type and language.
 */
import { ApiFailure, getToken } from "../api";
import { add, clear, h, table } from "../dom";
import { field, select, setStatus, statusLine } from "../forms";
import type { PageContext } from "../main";
import { pageTitle } from "./common";

const TYPES = ["organisations", "events", "cooperations"] as const;

interface Issue {
  column: string | null;
  value: string | null;
  message: string;
}
interface ImportReport {
  ok: boolean;
  dryRun: boolean;
  summary: { rows: number; created: number; updated: number; unchanged: number; rejected: number; warnings: number };
  rows: { row: number; outcome: string; issues?: Issue[]; warnings?: Issue[] }[];
}

async function postImport(type: string, file: File, dryRun: boolean): Promise<ImportReport> {
  const body = new FormData();
  body.append("file", file);
  const headers = new Headers();
  const token = getToken();
  if (token) headers.set("Authorization", `Bearer ${token}`);
  const res = await fetch(`/api/v1/import?type=${type}&dryRun=${dryRun}&fileName=${encodeURIComponent(file.name)}`, { method: "POST", body, headers });
  const json = await res.json().catch(() => null);
  if (!res.ok) {
    const e = (json as { error?: { code: string; message: string; details?: { path: string; message: string }[] } } | null)?.error;
    throw new ApiFailure(res.status, e?.code ?? `http_${res.status}`, e?.message ?? res.statusText, e?.details ?? []);
  }
  return json as ImportReport;
}

export async function render(ctx: PageContext) {
  const { t, f, main, locale } = ctx;
  pageTitle(ctx, t("importTitle"));
  const type = select("type", TYPES.map((x): [string, string] => [x, t(x === "organisations" ? "tabOrganisation" : x === "events" ? "tabEvent" : "tabCooperation")]));
  const file = h("input", { type: "file", name: "file", accept: ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
  const statusEl = statusLine();
  const report = h("div", { className: "table-scroll" });
  const runButton = h("button", { type: "button", className: "btn primary", disabled: true }, t("importRun"));
  const templates = h("p", { className: "hint" });
  const drawTemplates = () => {
    clear(templates);
    add(
      templates,
      `${t("importTemplates")}: `,
      h("a", { href: `/api/v1/import/templates/${type.value}.csv?locale=${locale}`, download: "" }, "CSV"),
      " · ",
      h("a", { href: `/api/v1/import/templates/${type.value}.xlsx?locale=${locale}`, download: "" }, "XLSX"),
    );
  };
  type.addEventListener("change", () => {
    drawTemplates();
    runButton.disabled = true;
  });
  drawTemplates();
  const form = h(
    "form",
    { className: "card", novalidate: true, "data-form": "import" },
    h("div", { className: "form-grid" }, field(t("importEntity"), type), field(t("importFile"), file, { required: true })),
    templates,
    h("div", { className: "toolbar" }, h("button", { type: "submit", className: "btn" }, t("importCheck")), runButton),
    statusEl,
    report,
  );
  add(main, h("h1", {}, t("importTitle")), h("p", { className: "lead" }, t("importIntro")), form);

  const showReport = (r: ImportReport) => {
    clear(report);
    const s = r.summary;
    setStatus(statusEl, r.ok ? "ok" : "err", t(r.dryRun ? "importChecked" : "importDone", { rows: f.int(s.rows), created: f.int(s.created), updated: f.int(s.updated), unchanged: f.int(s.unchanged), rejected: f.int(s.rejected) }));
    const problems = r.rows.filter((x) => x.issues?.length || x.warnings?.length).slice(0, 100);
    if (problems.length)
      add(
        report,
        table(
          t("importProblems"),
          [t("importRow"), t("colStatus"), t("importColumn"), t("importMessage")],
          problems.flatMap((x) =>
            [...(x.issues ?? []), ...(x.warnings ?? [])].map((i) => [String(x.row), x.outcome, i.column ?? "–", `${i.message}${i.value ? ` („${i.value}“)` : ""}`]),
          ),
          [true, false, false, false],
        ),
      );
  };

  let checked: File | null = null;
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    clear(report);
    const errSlot = form.querySelector<HTMLElement>('[data-field="file"] .field-error')!;
    errSlot.textContent = "";
    file.removeAttribute("aria-invalid");
    const chosen = file.files?.[0];
    if (!chosen) {
      errSlot.textContent = t("required");
      file.setAttribute("aria-invalid", "true");
      file.focus();
      return;
    }
    try {
      const r = await postImport(type.value, chosen, true);
      showReport(r);
      checked = r.ok ? chosen : null;
      runButton.disabled = !r.ok;
    } catch (err) {
      setStatus(statusEl, "err", (err as Error).message);
    }
  });
  runButton.addEventListener("click", async () => {
    if (!checked) return;
    try {
      showReport(await postImport(type.value, checked, false));
      runButton.disabled = true;
    } catch (err) {
      const details = err instanceof ApiFailure ? err.details.slice(0, 20).map((d) => `${d.path}: ${d.message}`) : [];
      setStatus(statusEl, "err", [(err as Error).message, ...details].join(" · "));
    }
  });
}
