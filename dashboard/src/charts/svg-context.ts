/**
 * @module
 * A minimal CanvasRenderingContext2D that records what Chart.js (and the geo/graph plugins) draw as
 * SVG elements. Rendering the same chart configuration into it gives a vector file that matches
 * the canvas. Paths are stored in device coordinates (the current transform applied to every
 * point; arcs become Bézier curves), so no nested transforms are needed except for text.
 */

type Matrix = [number, number, number, number, number, number];

interface State {
  m: Matrix;
  fillStyle: string;
  strokeStyle: string;
  lineWidth: number;
  lineCap: string;
  lineJoin: string;
  lineDash: number[];
  lineDashOffset: number;
  globalAlpha: number;
  font: string;
  textAlign: string;
  textBaseline: string;
  clip: string | null;
}

const num = (v: number) => (Math.round(v * 10) / 10).toString();
// Characters XML 1.0 forbids (control characters, unpaired surrogates) are dropped, so a stored name cannot make the SVG unreadable.
const esc = (s: string) =>
  s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "")
    .replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

function multiply(a: Matrix, b: Matrix): Matrix {
  return [
    a[0] * b[0] + a[2] * b[1],
    a[1] * b[0] + a[3] * b[1],
    a[0] * b[2] + a[2] * b[3],
    a[1] * b[2] + a[3] * b[3],
    a[0] * b[4] + a[2] * b[5] + a[4],
    a[1] * b[4] + a[3] * b[5] + a[5],
  ];
}

/** Splits an rgba()/hex colour with alpha into an SVG colour and opacity. */
function paint(colour: unknown, alpha: number): { c: string; o: number } {
  if (typeof colour !== "string") return { c: "#000", o: alpha };
  const m = /^rgba?\(\s*([\d.]+)[ ,]+([\d.]+)[ ,]+([\d.]+)(?:[ ,/]+([\d.]+%?))?\s*\)$/.exec(colour.trim());
  if (m) {
    const a = m[4] === undefined ? 1 : m[4].endsWith("%") ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
    return { c: `rgb(${m[1]},${m[2]},${m[3]})`, o: a * alpha };
  }
  const h = /^#([0-9a-f]{8})$/i.exec(colour.trim());
  if (h) return { c: "#" + h[1].slice(0, 6), o: (parseInt(h[1].slice(6), 16) / 255) * alpha };
  if (colour === "transparent") return { c: "#000", o: 0 };
  return { c: colour, o: alpha };
}

/** Recording context; `toSvg()` returns the document. */
export class SvgContext {
  readonly canvas: { width: number; height: number; style: Record<string, string>; getContext: () => SvgContext; ownerDocument: null };
  private state: State;
  private stack: State[] = [];
  private path = "";
  private clipDefs: string[] = [];
  private body: string[] = [];
  private measure: CanvasRenderingContext2D | null;
  private clipCount = 0;
  /** Chart.js reads the direction of text; keep what it sets. */
  direction = "ltr";
  prevTextDirection?: string;

  constructor(readonly width: number, readonly height: number) {
    const self = this;
    this.canvas = { width, height, style: {}, getContext: () => self, ownerDocument: null };
    this.state = {
      m: [1, 0, 0, 1, 0, 0],
      fillStyle: "#000",
      strokeStyle: "#000",
      lineWidth: 1,
      lineCap: "butt",
      lineJoin: "miter",
      lineDash: [],
      lineDashOffset: 0,
      globalAlpha: 1,
      font: "10px sans-serif",
      textAlign: "start",
      textBaseline: "alphabetic",
      clip: null,
    };
    this.measure = typeof document !== "undefined" ? document.createElement("canvas").getContext("2d") : null;
  }

  // --- state -------------------------------------------------------------------------------
  get fillStyle() { return this.state.fillStyle; }
  set fillStyle(v: string) { this.state.fillStyle = v; }
  get strokeStyle() { return this.state.strokeStyle; }
  set strokeStyle(v: string) { this.state.strokeStyle = v; }
  get lineWidth() { return this.state.lineWidth; }
  set lineWidth(v: number) { this.state.lineWidth = v; }
  get lineCap() { return this.state.lineCap; }
  set lineCap(v: string) { this.state.lineCap = v; }
  get lineJoin() { return this.state.lineJoin; }
  set lineJoin(v: string) { this.state.lineJoin = v; }
  get lineDashOffset() { return this.state.lineDashOffset; }
  set lineDashOffset(v: number) { this.state.lineDashOffset = v; }
  get globalAlpha() { return this.state.globalAlpha; }
  set globalAlpha(v: number) { this.state.globalAlpha = v; }
  get font() { return this.state.font; }
  set font(v: string) { this.state.font = v; }
  get textAlign() { return this.state.textAlign; }
  set textAlign(v: string) { this.state.textAlign = v; }
  get textBaseline() { return this.state.textBaseline; }
  set textBaseline(v: string) { this.state.textBaseline = v; }
  miterLimit = 10;
  shadowBlur = 0;
  shadowColor = "transparent";
  shadowOffsetX = 0;
  shadowOffsetY = 0;
  imageSmoothingEnabled = true;
  globalCompositeOperation = "source-over";

  save() { this.stack.push({ ...this.state, m: [...this.state.m] as Matrix, lineDash: [...this.state.lineDash] }); }
  restore() { const s = this.stack.pop(); if (s) this.state = s; }
  setLineDash(d: number[]) { this.state.lineDash = [...d]; }
  getLineDash() { return [...this.state.lineDash]; }

  // --- transforms ----------------------------------------------------------------------------
  setTransform(a: number | DOMMatrix2DInit = 1, b = 0, c = 0, d = 1, e = 0, f = 0) {
    if (typeof a === "object") this.state.m = [a.a ?? 1, a.b ?? 0, a.c ?? 0, a.d ?? 1, a.e ?? 0, a.f ?? 0];
    else this.state.m = [a, b, c, d, e, f];
  }
  resetTransform() { this.state.m = [1, 0, 0, 1, 0, 0]; }
  getTransform() { const [a, b, c, d, e, f] = this.state.m; return { a, b, c, d, e, f }; }
  transform(a: number, b: number, c: number, d: number, e: number, f: number) { this.state.m = multiply(this.state.m, [a, b, c, d, e, f]); }
  translate(x: number, y: number) { this.transform(1, 0, 0, 1, x, y); }
  scale(x: number, y: number) { this.transform(x, 0, 0, y, 0, 0); }
  rotate(r: number) { const c = Math.cos(r), s = Math.sin(r); this.transform(c, s, -s, c, 0, 0); }

  private pt(x: number, y: number): string {
    const m = this.state.m;
    return `${num(m[0] * x + m[2] * y + m[4])} ${num(m[1] * x + m[3] * y + m[5])}`;
  }
  private lineScale(): number {
    const m = this.state.m;
    return Math.sqrt(Math.abs(m[0] * m[3] - m[1] * m[2])) || 1;
  }

  // --- paths ---------------------------------------------------------------------------------
  private cx = 0;
  private cy = 0;
  beginPath() { this.path = ""; }
  moveTo(x: number, y: number) { this.path += `M${this.pt(x, y)}`; this.cx = x; this.cy = y; }
  lineTo(x: number, y: number) { this.path += this.path ? `L${this.pt(x, y)}` : `M${this.pt(x, y)}`; this.cx = x; this.cy = y; }
  closePath() { if (this.path) this.path += "Z"; }
  bezierCurveTo(a: number, b: number, c: number, d: number, x: number, y: number) {
    this.path += `C${this.pt(a, b)} ${this.pt(c, d)} ${this.pt(x, y)}`;
    this.cx = x; this.cy = y;
  }
  quadraticCurveTo(a: number, b: number, x: number, y: number) {
    // Elevate to a cubic so the current transform applies exactly.
    const c1x = this.cx + (2 / 3) * (a - this.cx), c1y = this.cy + (2 / 3) * (b - this.cy);
    const c2x = x + (2 / 3) * (a - x), c2y = y + (2 / 3) * (b - y);
    this.bezierCurveTo(c1x, c1y, c2x, c2y, x, y);
  }
  rect(x: number, y: number, w: number, h: number) {
    this.moveTo(x, y); this.lineTo(x + w, y); this.lineTo(x + w, y + h); this.lineTo(x, y + h); this.closePath();
  }
  roundRect(x: number, y: number, w: number, h: number) { this.rect(x, y, w, h); }
  arc(x: number, y: number, r: number, start: number, end: number, ccw = false) {
    this.ellipse(x, y, r, r, 0, start, end, ccw);
  }
  ellipse(x: number, y: number, rx: number, ry: number, rot: number, start: number, end: number, ccw = false) {
    let sweep = end - start;
    const full = Math.PI * 2;
    if (!ccw && sweep < 0) sweep = (sweep % full) + full;
    if (ccw && sweep > 0) sweep = (sweep % full) - full;
    if (Math.abs(end - start) >= full) sweep = ccw ? -full : full;
    const segs = Math.max(1, Math.ceil(Math.abs(sweep) / (Math.PI / 2)));
    const step = sweep / segs;
    const k = (4 / 3) * Math.tan(step / 4);
    const cr = Math.cos(rot), sr = Math.sin(rot);
    const P = (a: number, f = 1) => {
      const ex = rx * Math.cos(a) * f, ey = ry * Math.sin(a) * f;
      return [x + ex * cr - ey * sr, y + ex * sr + ey * cr] as const;
    };
    const D = (a: number) => {
      const ex = -rx * Math.sin(a), ey = ry * Math.cos(a);
      return [ex * cr - ey * sr, ex * sr + ey * cr] as const;
    };
    let a0 = start;
    const [sx, sy] = P(a0);
    if (this.path) this.lineTo(sx, sy);
    else this.moveTo(sx, sy);
    for (let i = 0; i < segs; i++) {
      const a1 = a0 + step;
      const [x0, y0] = P(a0), [x1, y1] = P(a1), [dx0, dy0] = D(a0), [dx1, dy1] = D(a1);
      this.bezierCurveTo(x0 + k * dx0, y0 + k * dy0, x1 - k * dx1, y1 - k * dy1, x1, y1);
      a0 = a1;
    }
  }
  arcTo(_x1: number, _y1: number, x2: number, y2: number) { this.lineTo(x2, y2); }

  private clipAttr() { return this.state.clip ? ` clip-path="url(#${this.state.clip})"` : ""; }
  private strokeAttrs() {
    const p = paint(this.state.strokeStyle, this.state.globalAlpha);
    const w = this.state.lineWidth * this.lineScale();
    let s = ` fill="none" stroke="${esc(p.c)}" stroke-width="${num(w)}"`;
    if (p.o < 1) s += ` stroke-opacity="${num(p.o)}"`;
    if (this.state.lineCap !== "butt") s += ` stroke-linecap="${this.state.lineCap}"`;
    if (this.state.lineJoin !== "miter") s += ` stroke-linejoin="${this.state.lineJoin}"`;
    if (this.state.lineDash.length) s += ` stroke-dasharray="${this.state.lineDash.map((d) => num(d * this.lineScale())).join(" ")}"`;
    return s;
  }
  /** The last filled path, so that a stroke of the same path joins its element (smaller files). */
  private lastFill: { path: string; index: number } | null = null;
  fill() {
    if (!this.path) return;
    const p = paint(this.state.fillStyle, this.state.globalAlpha);
    if (p.o <= 0) return;
    this.body.push(`<path d="${this.path}" fill="${esc(p.c)}"${p.o < 1 ? ` fill-opacity="${num(p.o)}"` : ""}${this.clipAttr()}/>`);
    this.lastFill = { path: this.path, index: this.body.length - 1 };
  }
  stroke() {
    if (!this.path || this.state.lineWidth <= 0) return;
    if (paint(this.state.strokeStyle, this.state.globalAlpha).o <= 0) return;
    const strokeAttrs = this.strokeAttrs().replace(' fill="none"', "");
    if (this.lastFill && this.lastFill.path === this.path && this.lastFill.index === this.body.length - 1) {
      this.body[this.lastFill.index] = this.body[this.lastFill.index].replace(/\/>$/, `${strokeAttrs}/>`);
      this.lastFill = null;
      return;
    }
    this.body.push(`<path d="${this.path}"${this.strokeAttrs()}${this.clipAttr()}/>`);
  }
  clip() {
    const id = `c${++this.clipCount}`;
    const inner = this.state.clip ? ` clip-path="url(#${this.state.clip})"` : "";
    this.clipDefs.push(`<clipPath id="${id}"><path d="${this.path || "M0 0"}"${inner}/></clipPath>`);
    this.state.clip = id;
  }
  fillRect(x: number, y: number, w: number, h: number) {
    const saved = this.path;
    this.beginPath(); this.rect(x, y, w, h); this.fill();
    this.path = saved;
  }
  strokeRect(x: number, y: number, w: number, h: number) {
    const saved = this.path;
    this.beginPath(); this.rect(x, y, w, h); this.stroke();
    this.path = saved;
  }
  clearRect(x: number, y: number, w: number, h: number) {
    // A clear of the whole surface starts over; partial clears do not occur in our charts.
    if (x <= 0 && y <= 0 && w >= this.width && h >= this.height) this.body = [];
  }
  isPointInPath() { return false; }
  isPointInStroke() { return false; }
  createLinearGradient() { return { addColorStop() {} }; }
  createRadialGradient() { return { addColorStop() {} }; }
  createPattern() { return null; }
  drawImage() { /* bitmaps are not part of our vector output */ }
  getImageData(_x: number, _y: number, w: number, h: number) { return { data: new Uint8ClampedArray(w * h * 4), width: w, height: h }; }
  putImageData() {}

  // --- text ----------------------------------------------------------------------------------
  measureText(text: string): TextMetrics {
    if (this.measure) {
      this.measure.font = this.state.font;
      return this.measure.measureText(text);
    }
    const size = parseFloat(/(\d+(?:\.\d+)?)px/.exec(this.state.font)?.[1] ?? "10");
    return { width: text.length * size * 0.55 } as TextMetrics;
  }
  private text(text: string, x: number, y: number, mode: "fill" | "stroke") {
    if (text === "" || text === undefined || text === null) return;
    const anchor = { start: "start", left: "start", center: "middle", end: "end", right: "end" }[this.state.textAlign] ?? "start";
    const baseline = { top: "text-before-edge", hanging: "text-before-edge", middle: "central", alphabetic: "alphabetic", ideographic: "ideographic", bottom: "text-after-edge" }[this.state.textBaseline] ?? "alphabetic";
    const [a, b, c, d, e, f] = this.state.m;
    const tx = a * x + c * y + e, ty = b * x + d * y + f;
    const rotated = Math.abs(b) > 1e-9 || Math.abs(c) > 1e-9 || Math.abs(a - d) > 1e-9;
    const transform = rotated ? ` transform="matrix(${[a, b, c, d, 0, 0].map(num).join(" ")})"` : "";
    const font = this.parseFont(rotated ? 1 : a);
    const p = paint(mode === "fill" ? this.state.fillStyle : this.state.strokeStyle, this.state.globalAlpha);
    const pos = rotated ? `x="0" y="0"` : `x="${num(tx)}" y="${num(ty)}"`;
    const paintAttr = mode === "fill" ? `fill="${esc(p.c)}"${p.o < 1 ? ` fill-opacity="${num(p.o)}"` : ""}` : `fill="none" stroke="${esc(p.c)}"`;
    const inner = `<text ${pos} text-anchor="${anchor}" dominant-baseline="${baseline}" ${font} ${paintAttr}${transform}>${esc(String(text))}</text>`;
    this.body.push(rotated ? `<g transform="translate(${num(tx)} ${num(ty)})"${this.clipAttr()}>${inner}</g>` : inner.replace("<text ", `<text${this.clipAttr()} `));
  }
  private parseFont(scale: number): string {
    const m = /^\s*(italic|oblique|normal)?\s*(normal|bold|bolder|lighter|\d{3})?\s*(\d+(?:\.\d+)?)px\s*(?:\/\s*\S+\s*)?(.*)$/.exec(this.state.font);
    if (!m) return `font-size="${num(10 * scale)}"`;
    const family = m[4].replace(/"/g, "'");
    return `font-size="${num(parseFloat(m[3]) * scale)}" font-family="${esc(family)}"${m[2] && m[2] !== "normal" ? ` font-weight="${m[2]}"` : ""}${m[1] && m[1] !== "normal" ? ` font-style="${m[1]}"` : ""}`;
  }
  fillText(text: string, x: number, y: number) { this.text(text, x, y, "fill"); }
  strokeText(text: string, x: number, y: number) { this.text(text, x, y, "stroke"); }

  /** The SVG document (width/height in CSS pixels, with a `title` for accessibility). */
  toSvg(title: string, description = ""): string {
    return (
      `<?xml version="1.0" encoding="UTF-8"?>\n` +
      `<svg xmlns="http://www.w3.org/2000/svg" width="${this.width}" height="${this.height}" viewBox="0 0 ${this.width} ${this.height}" role="img">` +
      `<title>${esc(title)}</title>${description ? `<desc>${esc(description)}</desc>` : ""}` +
      `<defs>${this.clipDefs.join("")}</defs>${this.body.join("\n")}</svg>\n`
    );
  }
}
