// Writer of a streamed export. For each customer it writes a section start, the rows in batches
// and the totals row, in that order. Then it writes the balances of every written section.
import type { Cell, Column } from "../table";
import type { Balances, ReportCustomer, ReportKind } from "../types";

export interface StreamedSection {
  kind: ReportKind;
  customer: ReportCustomer;
  balances: Balances;
  columns: Column[];
  period: { from: string; to: string };
}

export interface TableWriter {
  startSection(section: StreamedSection): Promise<void>;
  writeRows(rows: Cell[][]): Promise<void>;
  endSection(totals: Cell[]): Promise<void>;
  // Called once, after the last section, with every section written.
  finish(sections: StreamedSection[]): Promise<void>;
}
