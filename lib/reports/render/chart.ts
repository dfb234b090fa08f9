// Bar chart geometry shared by the SVG (HTML, Word) and the PDF, which draws the same shapes with
// react-pdf's Svg primitives. Series sit side by side inside each bucket.
import type { Chart } from "../types";

export interface ChartBar {
  x: number;
  y: number;
  width: number;
  height: number;
  color: string;
}

export interface ChartLabel {
  x: number;
  y: number;
  text: string;
  anchor: "start" | "middle" | "end";
}

export interface ChartGeometry {
  width: number;
  height: number;
  bars: ChartBar[];
  // Horizontal grid lines with their value labels on the left.
  gridLines: { y: number; label: ChartLabel }[];
  axisLabels: ChartLabel[];
  legend: { x: number; y: number; color: string; text: string }[];
  plot: { left: number; top: number; right: number; bottom: number };
}

const MARGIN = { left: 44, right: 8, top: 18, bottom: 22 };
const GRID_STEPS = 4;

// A round step (1, 2 or 5 times a power of ten) so grid labels read 0, 50, 100…
function niceStep(max: number): number {
  const raw = Math.max(max, 1) / GRID_STEPS;
  const power = 10 ** Math.floor(Math.log10(raw));
  const factor = [1, 2, 5, 10].find((candidate) => candidate * power >= raw) ?? 10;

  return factor * power;
}

/** Lays out the chart in a `width` × `height` box; negative values draw as zero-height bars. */
export function chartGeometry(chart: Chart, width: number, height: number): ChartGeometry {
  const plot = {
    left: MARGIN.left,
    top: MARGIN.top,
    right: width - MARGIN.right,
    bottom: height - MARGIN.bottom,
  };
  const values = chart.buckets.flatMap((bucket) => Object.values(bucket.values));
  const step = niceStep(Math.max(0, ...values));
  const top = step * GRID_STEPS;
  const plotHeight = plot.bottom - plot.top;
  const slot = (plot.right - plot.left) / Math.max(chart.buckets.length, 1);
  const barWidth = (slot * 0.8) / Math.max(chart.series.length, 1);
  // Show at most about 16 axis labels, so daily charts of a month stay legible.
  const labelEvery = Math.max(1, Math.ceil(chart.buckets.length / 16));

  const bars: ChartBar[] = [];
  const axisLabels: ChartLabel[] = [];
  chart.buckets.forEach((bucket, index) => {
    const slotLeft = plot.left + index * slot + slot * 0.1;
    chart.series.forEach((series, seriesIndex) => {
      const value = Math.max(0, bucket.values[series.key] ?? 0);
      const barHeight = (value / top) * plotHeight;
      bars.push({
        x: slotLeft + seriesIndex * barWidth,
        y: plot.bottom - barHeight,
        width: barWidth,
        height: barHeight,
        color: series.color,
      });
    });
    if (index % labelEvery === 0) {
      axisLabels.push({
        x: plot.left + (index + 0.5) * slot,
        y: plot.bottom + 13,
        text: bucket.label,
        anchor: "middle",
      });
    }
  });

  const gridLines = Array.from({ length: GRID_STEPS + 1 }, (_, index) => {
    const y = plot.bottom - (index / GRID_STEPS) * plotHeight;
    const label: ChartLabel = {
      x: plot.left - 4,
      y: y + 3,
      text: new Intl.NumberFormat("it-IT").format(index * step),
      anchor: "end",
    };

    return { y, label };
  });
  const legend = chart.series.map((series, index) => ({
    x: plot.left + index * 110,
    y: 4,
    color: series.color,
    text: series.label,
  }));

  return { width, height, bars, gridLines, axisLabels, legend, plot };
}

function escapeXml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

/** Draws the chart as a standalone SVG document. */
export function chartSvg(chart: Chart, width = 640, height = 220): string {
  const geometry = chartGeometry(chart, width, height);
  const font = `font-family="Geist, DejaVu Sans, Arial, sans-serif" font-size="9" fill="#4b5563"`;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" ` +
      `viewBox="0 0 ${width} ${height}">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
  ];

  for (const line of geometry.gridLines) {
    parts.push(
      `<line x1="${geometry.plot.left}" x2="${geometry.plot.right}" y1="${line.y}" ` +
        `y2="${line.y}" stroke="#e5e7eb" stroke-width="1"/>`,
      `<text x="${line.label.x}" y="${line.label.y}" text-anchor="end" ${font}>` +
        `${escapeXml(line.label.text)}</text>`,
    );
  }
  for (const bar of geometry.bars) {
    parts.push(
      `<rect x="${bar.x.toFixed(2)}" y="${bar.y.toFixed(2)}" width="${bar.width.toFixed(2)}" ` +
        `height="${bar.height.toFixed(2)}" fill="${bar.color}"/>`,
    );
  }
  for (const label of geometry.axisLabels) {
    parts.push(
      `<text x="${label.x.toFixed(2)}" y="${label.y}" text-anchor="middle" ${font}>` +
        `${escapeXml(label.text)}</text>`,
    );
  }
  for (const item of geometry.legend) {
    parts.push(
      `<rect x="${item.x}" y="${item.y}" width="8" height="8" fill="${item.color}"/>`,
      `<text x="${item.x + 12}" y="${item.y + 8}" ${font}>${escapeXml(item.text)}</text>`,
    );
  }
  parts.push("</svg>");

  return parts.join("");
}
