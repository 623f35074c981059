/**
 * @module
 * Colours: the Okabe–Ito palette (distinguishable with the common colour-vision deficiencies),
 * one fixed colour per organisation kind and per event format everywhere, plus light/dark themes.
 */

export const OKABE_ITO = {
  orange: "#E69F00",
  skyBlue: "#56B4E9",
  bluishGreen: "#009E73",
  yellow: "#F0E442",
  blue: "#0072B2",
  vermillion: "#D55E00",
  reddishPurple: "#CC79A7",
  black: "#000000",
  grey: "#8C8C8C",
} as const;

export const KIND_COLOURS: Record<string, string> = {
  company: OKABE_ITO.blue,
  nonprofit: OKABE_ITO.orange,
  public: OKABE_ITO.bluishGreen,
  intermediary: OKABE_ITO.reddishPurple,
};

/** Point shapes per kind, so kinds stay apart without colour too. */
export const KIND_SHAPES: Record<string, "circle" | "rect" | "triangle" | "rectRot"> = {
  company: "rect",
  nonprofit: "circle",
  public: "triangle",
  intermediary: "rectRot",
};

export const FORMAT_COLOURS: Record<string, string> = {
  action_day: OKABE_ITO.orange,
  marketplace: OKABE_ITO.blue,
  round_table: OKABE_ITO.bluishGreen,
  action_72h: OKABE_ITO.vermillion,
  social_day: OKABE_ITO.reddishPurple,
  other: OKABE_ITO.skyBlue,
  // Dark grey, not Okabe–Ito's mid grey: that one is within ΔE 7.5 of reddish purple for
  // deuteranopes (test/unit/charts/palette.test.ts).
  none: "#4D4D4D",
};

/**
 * How a period that is not over yet (and a rate from too few cases) is drawn in bar charts: the
 * series' own colour (not faded — a faded colour comes close to another series) with thin white
 * diagonal stripes, in both themes. `width` / `spacing` of the area is stripes, so the fill reads
 * on average as the colour blended with that share of white; the palette test checks that blend
 * against every series too.
 */
export const PARTIAL_HATCH = { spacing: 10, width: 1.5, colour: "#ffffff" } as const;

/**
 * Smallest colour difference (CIEDE2000) between any two series colours, the partial style
 * included, for normal vision and simulated deuteranopia, protanopia and tritanopia. 7 is about
 * three times a just-noticeable difference (≈ 2.3): the colours are told apart at a glance.
 */
export const MIN_SERIES_DELTA_E = 7;

export const CONTRIBUTION_COLOURS: Record<string, string> = {
  time: OKABE_ITO.blue,
  goods: OKABE_ITO.orange,
  know_how: OKABE_ITO.bluishGreen,
  premises: OKABE_ITO.reddishPurple,
  transport: OKABE_ITO.yellow,
  network: OKABE_ITO.skyBlue,
  money: OKABE_ITO.vermillion,
  unspecified: OKABE_ITO.grey,
};

export const STATUS_COLOURS: Record<string, string> = {
  isolated: OKABE_ITO.vermillion,
  peripheral: OKABE_ITO.orange,
  fading: OKABE_ITO.reddishPurple,
  connected: OKABE_ITO.blue,
};

/**
 * The status colours darkened for text (same hue, contrast ≥ 5:1 on white and on the page grey):
 * Okabe–Ito vermillion as text reaches only 3.9:1, orange 2.3:1 (WCAG AA asks 4.5:1).
 */
export const STATUS_TEXT_COLOURS: Record<string, string> = {
  isolated: "#A84A00",
  peripheral: "#8A5F00",
  fading: "#8E5475",
  connected: OKABE_ITO.blue,
};

export type Theme = "light" | "dark";

export interface ThemeColours {
  background: string;
  text: string;
  muted: string;
  grid: string;
  line: string;
  noData: string;
  edge: string;
}

export const THEMES: Record<Theme, ThemeColours> = {
  light: { background: "#ffffff", text: "#1a1a1a", muted: "#555555", grid: "#e3e3e3", line: OKABE_ITO.blue, noData: "#e8e8e8", edge: "rgba(60,60,60,0.35)" },
  dark: { background: "#16181d", text: "#f2f2f2", muted: "#b8b8b8", grid: "#3a3d45", line: OKABE_ITO.skyBlue, noData: "#2c2f36", edge: "rgba(220,220,220,0.35)" },
};

/** Sequential scale for the map: light → dark blue (ordered in lightness, safe for colour-blind readers). */
export const SEQUENTIAL = ["#deebf7", "#b3d3e8", "#7fb2d5", "#4a8fc0", "#1f6aa5", "#084081"];

/** The colour of `value` within [min, max] on {@link SEQUENTIAL}. */
export function sequentialColour(value: number, min: number, max: number): string {
  if (!(max > min)) return SEQUENTIAL[SEQUENTIAL.length - 1];
  const t = Math.max(0, Math.min(1, (value - min) / (max - min)));
  return SEQUENTIAL[Math.min(SEQUENTIAL.length - 1, Math.floor(t * SEQUENTIAL.length))];
}
