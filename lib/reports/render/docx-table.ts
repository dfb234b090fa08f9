// WordprocessingML of a report table, written as text. Building the same table from the docx
// package's objects took 6.4 s for 10,000 rows, because docx 9.15 creates and serialises about
// twenty objects per cell. Writing the XML directly is part of why a Word export of that size now
// renders in about a second (docs/benchmarks.md).
import type { ReportTable } from "../table";

// Table width in fiftieths of a percent, the unit of w:type="pct".
const FULL_WIDTH_PCT = 5000;
// Half-points: 16 is 8 pt.
const FONT_SIZE = 16;

const XML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
};

export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => XML_ESCAPES[char]);
}

function runXml(text: string, options: { bold: boolean; color?: string }): string {
  if (text === "") return "";
  const bold = options.bold ? "<w:b/><w:bCs/>" : "";
  const color = options.color ? `<w:color w:val="${options.color}"/>` : "";
  // Word keeps no line breaks inside w:t, so each one becomes w:br.
  const body = text
    .split("\n")
    .map((line) => `<w:t xml:space="preserve">${escapeXml(line)}</w:t>`)
    .join("<w:br/>");

  return `<w:r><w:rPr>${bold}${color}<w:sz w:val="${FONT_SIZE}"/><w:szCs w:val="${FONT_SIZE}"/></w:rPr>${body}</w:r>`;
}

/**
 * Writes `table` as a w:tbl element: a header row repeated on every page with the accent colour,
 * the rows, then the totals in bold. `cells` are the formatted texts, `textWidth` is the width of
 * the page's text area in twips.
 */
export function tableXml(options: {
  table: ReportTable;
  header: string[];
  rows: string[][];
  totals: string[];
  accent: string;
  textWidth: number;
}): string {
  const { table, accent } = options;
  const total = table.columns.reduce((sum, column) => sum + column.width, 0);
  const right = table.columns.map(
    (column) => column.type === "integer" || column.type === "decimal",
  );
  const pct = table.columns.map((column) => Math.round((column.width / total) * FULL_WIDTH_PCT));
  const grid = table.columns
    .map((column) => `<w:gridCol w:w="${Math.round((column.width / total) * options.textWidth)}"/>`)
    .join("");
  // The cell properties and paragraph start of each column are the same in every row.
  const cellStart = (shading: string) =>
    pct.map(
      (width, index) =>
        `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="pct"/>${shading}</w:tcPr><w:p>` +
        `<w:pPr><w:spacing w:before="0" w:after="0"/>${right[index] ? '<w:jc w:val="right"/>' : ""}</w:pPr>`,
    );
  const plainStart = cellStart("");
  const headerStart = cellStart(`<w:shd w:val="clear" w:color="auto" w:fill="${accent}"/>`);
  const row = (cells: string[], starts: string[], run: { bold: boolean; color?: string }) =>
    cells.map((text, index) => `${starts[index]}${runXml(text, run)}</w:p></w:tc>`).join("");
  const border = '<w:top w:val="single" w:sz="4" w:space="0" w:color="D1D5DB"/>';
  const borders = ["top", "left", "bottom", "right", "insideH", "insideV"]
    .map((side) => border.replace("w:top", `w:${side}`))
    .join("");

  const parts = [
    `<w:tbl><w:tblPr><w:tblW w:w="${FULL_WIDTH_PCT}" w:type="pct"/><w:tblBorders>${borders}</w:tblBorders>`,
    `<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>${grid}</w:tblGrid>`,
    `<w:tr><w:trPr><w:tblHeader/></w:trPr>${row(options.header, headerStart, { bold: true, color: "FFFFFF" })}</w:tr>`,
  ];
  for (const cells of options.rows) {
    parts.push(`<w:tr>${row(cells, plainStart, { bold: false })}</w:tr>`);
  }
  parts.push(`<w:tr>${row(options.totals, plainStart, { bold: true })}</w:tr></w:tbl>`);

  return parts.join("");
}
