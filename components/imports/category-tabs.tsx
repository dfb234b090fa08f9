"use client";

import { Badge, Tab, TabGroup, TabList, TabPanels } from "@tremor/react";

import { formatDecimal } from "@/lib/i18n/format";

export interface CategoryTab {
  category: string;
  label: string;
  count: number;
  hasRows: boolean;
}

/**
 * Renders one tab per category of an import preview, each with its row count, and opens on the
 * first category that has rows. `children` are the TabPanel elements, in the order of `tabs`.
 */
export function CategoryTabs(props: { tabs: CategoryTab[]; children: React.ReactNode }) {
  const firstWithRows = props.tabs.findIndex((tab) => tab.hasRows);

  return (
    <TabGroup defaultIndex={Math.max(firstWithRows, 0)}>
      <TabList>
        {props.tabs.map((tab) => (
          <Tab key={tab.category} data-testid={`tab-${tab.category}`}>
            {tab.label}{" "}
            <Badge size="xs" className="ml-1">
              {formatDecimal(tab.count)}
            </Badge>
          </Tab>
        ))}
      </TabList>
      <TabPanels>{props.children}</TabPanels>
    </TabGroup>
  );
}

/** Renders the text shown in place of a preview table without rows. */
export function NoRows({ text }: { text: string }) {
  return <p className="py-4 text-tremor-default text-tremor-content">{text}</p>;
}

/**
 * Renders how many rows a table lists when the preview contains fewer rows than the import counts.
 * `message` receives both numbers already formatted.
 */
export function TruncationNote(props: {
  shown: number;
  total: number;
  message: (values: { shown: string; total: string }) => string;
}) {
  if (props.shown >= props.total) return null;

  const text = props.message({
    shown: formatDecimal(props.shown),
    total: formatDecimal(props.total),
  });

  return <p className="text-tremor-default text-tremor-content">{text}</p>;
}
