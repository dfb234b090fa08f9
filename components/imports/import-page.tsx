"use client";

import { Callout } from "@tremor/react";

import type { ImportFailure } from "./use-import-request";

/** Renders the title and the introduction of an import page. */
export function ImportHeading(props: { title: string; intro: string }) {
  return (
    <div>
      <h1 className="text-tremor-title font-semibold text-tremor-content-strong">{props.title}</h1>
      <p className="mt-1 text-tremor-default text-tremor-content">{props.intro}</p>
    </div>
  );
}

/** Shows why an import request failed, with the server's details as a list. */
export function ImportFailureCallout({ failure }: { failure: ImportFailure }) {
  return (
    <Callout color="red" title={failure.message} role="alert" data-testid="import-error">
      {failure.details.length > 0 && (
        <ul className="list-disc pl-5">
          {failure.details.map((detail) => (
            <li key={detail}>{detail}</li>
          ))}
        </ul>
      )}
    </Callout>
  );
}

/** Renders the summary of a finished import as a status message. */
export function ImportResultStatus({ children }: { children: React.ReactNode }) {
  return (
    <p
      role="status"
      data-testid="import-result"
      className="rounded-tremor-default border border-emerald-200 bg-emerald-50 px-4 py-3 text-tremor-default text-emerald-800"
    >
      {children}
    </p>
  );
}
