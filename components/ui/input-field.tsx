"use client";

import { FormField } from "./form-field";

export const INPUT_CLASS =
  "rounded-tremor-small border border-tremor-border px-3 py-2 shadow-tremor-input";

type InputAttributes = Omit<
  React.InputHTMLAttributes<HTMLInputElement>,
  "className" | "id" | "aria-describedby" | "aria-invalid"
>;

/** Renders a labelled text input through FormField, with its hint and error linked to it. */
export function InputField({
  label,
  hint,
  error,
  className,
  ...input
}: InputAttributes & { label: string; hint?: string; error?: string; className?: string }) {
  return (
    <FormField label={label} hint={hint} error={error} className={className}>
      {(control) => <input {...control} {...input} className={INPUT_CLASS} />}
    </FormField>
  );
}
