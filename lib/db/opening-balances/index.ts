// Opening balances: the minutes each customer had left before the company started using the
// application, imported once from a file as ledger entries.
export type { MatchedOpeningBalance, OpeningBalanceInput } from "./analyse";
export {
  commitOpeningBalances,
  type OpeningBalancePhase,
  type OpeningBalanceProgress,
} from "./commit";
export {
  type OpeningBalanceCounts,
  type OpeningBalancePreview,
  previewOpeningBalances,
} from "./preview";
