"use client";

import { useState } from "react";

import { MAX_IMPORT_FILE_BYTES } from "@/lib/imports/limits";

import { ImportRequestError } from "./api";
import type { ImportActivity, PhaseProgress } from "./import-progress";
import type { SendCallbacks } from "./send-form";

const MAX_IMPORT_FILE_MEGABYTES = MAX_IMPORT_FILE_BYTES / (1024 * 1024);

export interface ImportFailure {
  message: string;
  details: string[];
}

/**
 * Tracks the requests of an import page: the step in progress, the upload and server progress,
 * and the failure of the last request. `fallbackMessage` is shown when the server sent no message.
 */
export function useImportRequest<Step, Progress extends PhaseProgress>(fallbackMessage: string) {
  const [failure, setFailure] = useState<ImportFailure | null>(null);
  const [pending, setPending] = useState<Step | null>(null);
  const [activity, setActivity] = useState<ImportActivity | null>(null);

  /** Runs `request` as `step`; returns its result, or null after recording the failure. */
  async function run<T>(
    step: Step,
    request: (callbacks: SendCallbacks<Progress>) => Promise<T>,
  ): Promise<T | null> {
    setPending(step);
    setFailure(null);
    setActivity({ phase: "upload", fraction: 0 });
    try {
      return await request({
        onUpload: (fraction) =>
          setActivity(fraction < 1 ? { phase: "upload", fraction } : { phase: "waiting" }),
        onProgress: setActivity,
      });
    } catch (error) {
      const known = error instanceof ImportRequestError ? error : null;
      setFailure({
        message: known?.serverMessage ?? fallbackMessage,
        details: known?.details ?? [],
      });

      return null;
    } finally {
      setPending(null);
      setActivity(null);
    }
  }

  /**
   * Records a failure and returns true when `file` is over MAX_IMPORT_FILE_BYTES, so the page skips
   * the upload. `message` builds the failure text from the limit in megabytes.
   */
  function rejectLargeFile(file: File, message: (maxMegabytes: number) => string): boolean {
    if (file.size <= MAX_IMPORT_FILE_BYTES) return false;

    setFailure({ message: message(MAX_IMPORT_FILE_MEGABYTES), details: [] });

    return true;
  }

  return { failure, setFailure, pending, activity, run, rejectLargeFile };
}
