// Folder of finished export files. Several app instances must share this folder (a network
// or shared volume), because any instance may run the job and any instance may serve the download.
import path from "node:path";

// Files are deleted EXPORT_RETENTION_DAYS after their job finished, by ./prune-exports.ts.
export const DEFAULT_EXPORT_DIR = path.join(".data", "exports");

/** Returns the absolute export folder: EXPORT_DIR, or .data/exports under the working folder. */
export function exportDir(): string {
  return path.resolve(process.env.EXPORT_DIR ?? DEFAULT_EXPORT_DIR);
}

/** Returns the path of a stored file; keys are job ids plus an extension, never user input. */
export function exportFilePath(fileKey: string): string {
  return path.join(exportDir(), path.basename(fileKey));
}
