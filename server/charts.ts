// Charts drawn on the server as plain SVG (a Handlebars partial, templates/partials/bar-chart.hbs):
// visible without JavaScript and in print, each beside the table that holds its numbers. This module
// only computes the geometry; every text in the picture is escaped by the template like any other value.

export interface BarInput {
  label: string;
  value: number;
  /** The value as the table shows it (e.g. "2.5" or "41.7 %"). */
  text: string;
}

export interface BarChart {
  title: string;
  width: number;
  height: number;
  labelWidth: number;
  bars: { label: string; text: string; x: number; y: number; width: number; height: number; textX: number; textY: number }[];
}

const ROW = 22;
const BAR = 14;
const LABEL_WIDTH = 150;
const PLOT_WIDTH = 260;
const VALUE_SPACE = 60;

/** Horizontal bars, largest value = full width; negative values are drawn as 0. */
export function barChart(title: string, inputs: BarInput[]): BarChart {
  const max = inputs.reduce((m, b) => Math.max(m, b.value), 0);
  const bars = inputs.map((b, i) => {
    const width = max > 0 ? Math.max(b.value > 0 ? 1 : 0, Math.round((Math.max(0, b.value) / max) * PLOT_WIDTH)) : 0;
    const y = i * ROW + (ROW - BAR) / 2;
    return { label: b.label, text: b.text, x: LABEL_WIDTH, y, width, height: BAR, textX: LABEL_WIDTH + width + 4, textY: y + BAR - 3 };
  });
  return { title, width: LABEL_WIDTH + PLOT_WIDTH + VALUE_SPACE, height: Math.max(ROW, inputs.length * ROW), labelWidth: LABEL_WIDTH, bars };
}
