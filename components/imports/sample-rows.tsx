"use client";

import { useTranslations } from "next-intl";

/** Shows the header and first records of the file, to help pick the column for each field. */
export function SampleRows({ headers, rows }: { headers: string[]; rows: string[][] }) {
  const t = useTranslations("imports");

  return (
    <section>
      <h2 className="mb-2 font-semibold text-tremor-content-strong">{t("sample.title")}</h2>
      <div className="overflow-x-auto rounded-tremor-small border border-tremor-border">
        <table className="min-w-full text-left text-tremor-label" data-testid="sample-rows">
          <thead className="bg-tremor-background-subtle">
            <tr>
              {headers.map((header) => (
                <th key={header} className="whitespace-nowrap px-2 py-1 font-medium">
                  {header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((cells, rowIndex) => (
              <tr key={rowIndex} className="border-t border-tremor-border">
                {headers.map((header, index) => (
                  <td key={header} className="whitespace-nowrap px-2 py-1">
                    {cells[index] ?? ""}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
