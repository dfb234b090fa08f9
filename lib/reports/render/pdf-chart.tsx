// The report chart drawn with react-pdf's vector primitives, from the same geometry as the SVG.
import { Line, Rect, Svg, Text as SvgText } from "@react-pdf/renderer";

import type { Chart } from "../types";
import { chartGeometry } from "./chart";

const LABEL_STYLE = { fontSize: 7, fill: "#4b5563" };

export function PdfChart({
  chart,
  width,
  height,
}: {
  chart: Chart;
  width: number;
  height: number;
}) {
  const geometry = chartGeometry(chart, width, height);

  return (
    <Svg width={width} height={height} viewBox={`0 0 ${width} ${height}`}>
      {geometry.gridLines.map((line, index) => (
        <Line
          key={`grid-${index}`}
          x1={geometry.plot.left}
          x2={geometry.plot.right}
          y1={line.y}
          y2={line.y}
          stroke="#e5e7eb"
          strokeWidth={0.5}
        />
      ))}
      {geometry.gridLines.map((line, index) => (
        <SvgText
          key={`value-${index}`}
          x={line.label.x}
          y={line.label.y}
          textAnchor="end"
          style={LABEL_STYLE}
        >
          {line.label.text}
        </SvgText>
      ))}
      {geometry.bars
        .filter((bar) => bar.height > 0)
        .map((bar, index) => (
          <Rect
            key={`bar-${index}`}
            x={bar.x}
            y={bar.y}
            width={bar.width}
            height={bar.height}
            fill={bar.color}
          />
        ))}
      {geometry.axisLabels.map((label, index) => (
        <SvgText
          key={`axis-${index}`}
          x={label.x}
          y={label.y}
          textAnchor="middle"
          style={LABEL_STYLE}
        >
          {label.text}
        </SvgText>
      ))}
      {geometry.legend.map((item, index) => (
        <Rect
          key={`swatch-${index}`}
          x={item.x}
          y={item.y}
          width={7}
          height={7}
          fill={item.color}
        />
      ))}
      {geometry.legend.map((item, index) => (
        <SvgText key={`legend-${index}`} x={item.x + 11} y={item.y + 7} style={LABEL_STYLE}>
          {item.text}
        </SvgText>
      ))}
    </Svg>
  );
}
