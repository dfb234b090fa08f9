"use client";

import { Card, Metric, Text } from "@tremor/react";
import type { ComponentProps } from "react";

type CardColor = ComponentProps<typeof Card>["decorationColor"];

/** Renders one figure of an import preview on a card whose top edge has `color`. */
export function CountCard(props: {
  testId: string;
  color: CardColor;
  label: string;
  value: string;
}) {
  return (
    <Card decoration="top" decorationColor={props.color} className="p-4" data-testid={props.testId}>
      <Text>{props.label}</Text>
      <Metric>{props.value}</Metric>
    </Card>
  );
}
