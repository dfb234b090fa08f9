// Previews and commits a customer registry import. Both re-read the uploaded file, because the flow
// keeps no state on the server between requests.
export type { MissingCustomer, RegistryImportInput } from "./analyse";
export {
  commitRegistryImport,
  type RegistryCommitInput,
  type RegistryImportPhase,
  type RegistryImportProgress,
} from "./commit";
export { previewRegistryImport, type RegistryImportCounts, type RegistryPreview } from "./preview";
export {
  findSavedRegistryMapping,
  SAVED_MAPPING_SETTING,
  saveRegistryMapping,
  type SavedRegistryMapping,
} from "./saved-mapping";
