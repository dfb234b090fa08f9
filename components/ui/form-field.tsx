"use client";

import { useId } from "react";

export interface FieldControl {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid": boolean;
}

/**
 * Renders a labelled form control with an optional hint and error. The label names only the
 * control, and the hint and the error are linked through aria-describedby, so they do not become
 * part of its accessible name.
 */
export function FormField(props: {
  label: string;
  hint?: string;
  error?: string;
  className?: string;
  children: (control: FieldControl) => React.ReactNode;
}) {
  const id = useId();
  const hintId = props.hint ? `${id}-hint` : undefined;
  const errorId = props.error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;

  return (
    <div className={`flex flex-col gap-1 text-tremor-default ${props.className ?? ""}`}>
      <label htmlFor={id}>{props.label}</label>
      {props.children({
        id,
        "aria-describedby": describedBy,
        "aria-invalid": Boolean(props.error),
      })}
      {props.hint && (
        <span id={hintId} className="text-tremor-label text-tremor-content">
          {props.hint}
        </span>
      )}
      {props.error && (
        <span id={errorId} className="text-tremor-label text-red-700">
          {props.error}
        </span>
      )}
    </div>
  );
}
