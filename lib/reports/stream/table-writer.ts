// What a streamed export writes, in order: for each customer a section start, its rows in
// batches and its totals row, then the balances of every written section.
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
