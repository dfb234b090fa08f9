// Import of finished sessions from TeamViewer logs and CSV files: a preview that writes nothing,
// then a commit of the whole file in one transaction. Both re-read the uploaded file, because the
// flow keeps no state on the server between requests.
export {
  commitSessionImport,
  type SessionImportPhase,
  type SessionImportProgress,
  type SessionImportResult,
} from "./commit-session-import";
export type {
  CustomerTotalView,
  SessionImportCounts,
  SessionImportSummary,
  SessionRowView,
} from "./import-summary";
export {
  previewSessionImport,
  type SessionImportInput,
  type SessionImportPreview,
} from "./preview-session-import";
