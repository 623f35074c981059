/**
 * @module
 * Draws the network view into a 2D context: the screen canvas, the print PNG and the SVG (through
 * the same calls on {@link SvgContext}). Nodes and edges are batched into one path per colour and
 * emphasis, so a frame of 2 000 nodes is a few dozen fills and strokes.
 */
import { KIND_COLOURS, KIND_SHAPES, OKABE_ITO, type ThemeColours } from "../palette";
import { placeLabels, type LabelBox, type NetworkModel, type Transform } from "./model";

/** The subset of CanvasRenderingContext2D the drawing uses (SvgContext has it too). */
export type Ctx = Pick<
  CanvasRenderingContext2D,
  | "save"
  | "restore"
  | "beginPath"
  | "moveTo"
  | "lineTo"
  | "closePath"
  | "arc"
  | "rect"
  | "fill"
  | "stroke"
  | "fillRect"
  | "fillText"
  | "strokeText"
  | "measureText"
  | "setLineDash"
> & { fillStyle: string; strokeStyle: string; lineWidth: number; globalAlpha: number; font: string; textAlign: string; textBaseline: string; lineJoin: string };

export interface DrawInput {
  model: NetworkModel;
  /** Node radii in CSS px. */
  radii: Float32Array;
  /** 1 = passes the filters (others are not drawn). */
  shown: Uint8Array;
  /** 1 = matches the search; null when no search is active. */
  matches: Uint8Array | null;
  /** Distances from the focus node, or null. */
  dist: Uint8Array | null;
  focus: number;
  /** Label candidates in order of importance. */
  labelOrder: number[];
  transform: Transform;
  /** The scale that fits the whole network: nodes grow a little when zoomed in beyond it. */
  baseScale: number;
  width: number;
  height: number;
  theme: ThemeColours;
  /** Upper bound on labels. */
  maxLabels: number;
  /** One path per node (SVG downloads: each node its own element) instead of one per colour. */
  perNode?: boolean;
}

const LABEL_FONT_PX = 12;
export const LABEL_FONT = `${LABEL_FONT_PX}px system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', sans-serif`;
const LABEL_CHARS = 30;
/** Above this many ties, the faded ones (beyond a focus's neighbourhood or a search) are not drawn. */
export const FADED_TIES_LIMIT = 1500;
const KINDS = ["company", "nonprofit", "public", "intermediary"];

/** Emphasis of a node: 2 full, 1 second step (or dimmed search hit), 0 faint. */
function emphasis(d: DrawInput, i: number): 0 | 1 | 2 {
  if (d.dist) {
    const x = d.dist[i];
    return x <= 1 ? 2 : x === 2 ? 1 : 0;
  }
  if (d.matches) return d.matches[i] ? 2 : 0;
  return 2;
}

const ALPHA = [0.13, 0.55, 1];

function shapePath(ctx: Ctx, shape: string, x: number, y: number, r: number) {
  switch (shape) {
    case "rect": {
      const s = r * 0.9;
      ctx.rect(x - s, y - s, 2 * s, 2 * s);
      break;
    }
    case "triangle":
      ctx.moveTo(x, y - r * 1.15);
      ctx.lineTo(x + r * 1.05, y + r * 0.7);
      ctx.lineTo(x - r * 1.05, y + r * 0.7);
      ctx.closePath();
      break;
    case "rectRot":
      ctx.moveTo(x, y - r * 1.2);
      ctx.lineTo(x + r * 1.2, y);
      ctx.lineTo(x, y + r * 1.2);
      ctx.lineTo(x - r * 1.2, y);
      ctx.closePath();
      break;
    default:
      ctx.moveTo(x + r, y);
      ctx.arc(x, y, r, 0, 2 * Math.PI);
  }
}

function ring(ctx: Ctx, x: number, y: number, r: number, colour: string, w: number, dash: number[]) {
  ctx.beginPath();
  ctx.arc(x, y, r, 0, 2 * Math.PI);
  ctx.strokeStyle = colour;
  ctx.lineWidth = w;
  ctx.setLineDash(dash);
  ctx.stroke();
  ctx.setLineDash([]);
}

/** How much nodes grow when zoomed in beyond the scale that fits the whole network. */
export const zoomGrowth = (scale: number, baseScale: number) => Math.min(2.2, Math.max(0.7, Math.sqrt(scale / (baseScale || scale))));

/**
 * The dashed ring of the node under the keyboard cursor or the pointer, drawn over a finished
 * frame, so moving it costs no new drawing of the network.
 */
export function drawCursorRing(ctx: Ctx, model: NetworkModel, i: number, radius: number, t: Transform, baseScale: number) {
  const x = model.nodes[i].x * t.scale + t.tx;
  const y = model.nodes[i].y * t.scale + t.ty;
  ring(ctx, x, y, radius * zoomGrowth(t.scale, baseScale) + 4, OKABE_ITO.vermillion, 2.5, [4, 3]);
}

/** Shortened label text. */
export const labelText = (name: string) => (name.length > LABEL_CHARS ? `${name.slice(0, LABEL_CHARS - 1)}…` : name);

/**
 * Draws one frame; returns the labels placed (node indices), which the view reports to tests and
 * screen readers. The caller has set the device pixel scale and cleared nothing: the background
 * is filled here.
 */
export function drawFrame(ctx: Ctx, d: DrawInput): LabelBox[] {
  const { model, radii, shown, transform: t, width, height, theme } = d;
  const n = model.nodes.length;
  const sx = new Float32Array(n);
  const sy = new Float32Array(n);
  const zoomR = zoomGrowth(t.scale, d.baseScale);
  for (let i = 0; i < n; i++) {
    sx[i] = model.nodes[i].x * t.scale + t.tx;
    sy[i] = model.nodes[i].y * t.scale + t.ty;
  }
  const visible = (i: number) => shown[i] === 1 && sx[i] > -20 && sx[i] < width + 20 && sy[i] > -20 && sy[i] < height + 20;
  ctx.save();
  ctx.fillStyle = theme.background;
  ctx.fillRect(0, 0, width, height);

  // Edges: faint, second-step and strong, each one path.
  const edgeClass = (a: number, b: number): 0 | 1 | 2 => {
    if (d.dist) {
      const da = d.dist[a];
      const db = d.dist[b];
      if ((da === 0 && db <= 1) || (db === 0 && da <= 1)) return 2;
      if (da <= 2 && db <= 2 && Math.min(da, db) <= 1) return 1;
      return 0;
    }
    if (d.matches) return d.matches[a] || d.matches[b] ? 1 : 0;
    return 1;
  };
  const edgeStyles = [
    { colour: theme.edge, alpha: d.dist || d.matches ? 0.25 : 1, width: 0.6 },
    { colour: theme.edge, alpha: 1, width: d.dist ? 1.1 : 0.8 },
    { colour: theme.text, alpha: 0.85, width: 1.8 },
  ];
  // In a large network the faded ties are a grey haze that costs a third of a frame: left out.
  const fadedTies = !(d.dist || d.matches) || model.edgeA.length <= FADED_TIES_LIMIT;
  for (const cls of [0, 1, 2] as const) {
    if (cls === 0 && !fadedTies) continue;
    const st = edgeStyles[cls];
    ctx.beginPath();
    let any = false;
    for (let e = 0; e < model.edgeA.length; e++) {
      const a = model.edgeA[e];
      const b = model.edgeB[e];
      if (!shown[a] || !shown[b] || edgeClass(a, b) !== cls) continue;
      const ax = sx[a];
      const ay = sy[a];
      const bx = sx[b];
      const by = sy[b];
      // Both ends on the same side outside the drawing: the edge is not seen.
      if ((ax < 0 && bx < 0) || (ax > width && bx > width) || (ay < 0 && by < 0) || (ay > height && by > height)) continue;
      ctx.moveTo(ax, ay);
      ctx.lineTo(bx, by);
      any = true;
    }
    if (!any) continue;
    ctx.strokeStyle = st.colour;
    ctx.globalAlpha = Math.min(1, st.alpha);
    ctx.lineWidth = st.width;
    ctx.stroke();
  }
  ctx.globalAlpha = 1;

  const paint = (level: 0 | 1 | 2, kind: string) => {
    ctx.globalAlpha = ALPHA[level];
    ctx.fillStyle = KIND_COLOURS[kind] ?? OKABE_ITO.grey;
    ctx.fill();
    if (level === 2) {
      ctx.globalAlpha = 1;
      ctx.strokeStyle = theme.background;
      ctx.lineWidth = 0.8;
      ctx.stroke();
    }
  };
  // Nodes: per emphasis (faint first, so emphasised ones lie on top), per kind one path.
  const kinds = [...KINDS, ...new Set(model.nodes.map((x) => x.kind).filter((k) => !KINDS.includes(k)))];
  for (const level of [0, 1, 2] as const) {
    for (const kind of kinds) {
      ctx.beginPath();
      let any = false;
      const shape = KIND_SHAPES[kind] ?? "circle";
      for (let i = 0; i < n; i++) {
        if (model.nodes[i].kind !== kind || !visible(i) || emphasis(d, i) !== level) continue;
        shapePath(ctx, shape, sx[i], sy[i], radii[i] * zoomR);
        any = true;
        if (d.perNode) {
          paint(level, kind);
          ctx.beginPath();
          any = false;
        }
      }
      if (any) paint(level, kind);
    }
  }
  ctx.globalAlpha = 1;

  // The focus node gets a ring (the keyboard cursor's is drawn over the finished frame).
  if (d.focus >= 0 && shown[d.focus]) ring(ctx, sx[d.focus], sy[d.focus], radii[d.focus] * zoomR + 3, theme.text, 3, []);

  // Labels for the most central visible nodes that fit without overlapping.
  ctx.font = LABEL_FONT;
  ctx.textBaseline = "middle";
  ctx.textAlign = "left";
  ctx.lineJoin = "round";
  const candidates = d.labelOrder.filter((i) => visible(i) && emphasis(d, i) === 2);
  const boxes = placeLabels(candidates, (i) => ({ x: sx[i], y: sy[i], r: radii[i] * zoomR }), (i) => ctx.measureText(labelText(model.nodes[i].name)).width, {
    height: LABEL_FONT_PX + 4,
    max: d.maxLabels,
    bounds: { w: width, h: height },
  });
  for (const b of boxes) {
    const text = labelText(model.nodes[b.i].name);
    ctx.strokeStyle = theme.background;
    ctx.lineWidth = 3.5;
    ctx.strokeText(text, b.x, b.y + b.h / 2);
    ctx.fillStyle = theme.text;
    ctx.fillText(text, b.x, b.y + b.h / 2);
  }
  ctx.restore();
  return boxes;
}
