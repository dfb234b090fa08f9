import { type AbstractIntlMessages, createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";

import {
  describeBillingExplanation,
  parseBillingExplanation,
  type Translate,
} from "@/lib/domain/billing-explanation";
import english from "@/messages/en/sessions.json";
import italian from "@/messages/it/sessions.json";

// createTranslator types its keys from the messages passed in, while the app's translators take
// any string, as Translate does.
function translator(locale: string, sessions: AbstractIntlMessages): Translate {
  const t = createTranslator({ locale, messages: { sessions }, namespace: "sessions" });

  return t as unknown as Translate;
}

const it_ = translator("it", italian);
const en = translator("en", english);

describe("describeBillingExplanation", () => {
  it("explains each rule in Italian", () => {
    expect(
      describeBillingExplanation(it_, { kind: "ROUNDED", incrementMinutes: 1, realSeconds: 61 }),
    ).toBe("Fatturata a minuto iniziato");
    expect(
      describeBillingExplanation(it_, { kind: "ROUNDED", incrementMinutes: 15, realSeconds: 61 }),
    ).toBe("Fatturata a blocchi di 15 minuti");
    expect(
      describeBillingExplanation(it_, {
        kind: "MINIMUM",
        minimumMinutes: 15,
        roundedMinutes: 5,
        realSeconds: 240,
      }),
    ).toBe("Applicato l'addebito minimo di 15 minuti (tempo arrotondato: 5 min)");
    expect(
      describeBillingExplanation(it_, { kind: "TOO_SHORT", thresholdSeconds: 60, realSeconds: 12 }),
    ).toBe("Non fatturata: durata inferiore a 60 secondi");
    expect(
      describeBillingExplanation(it_, {
        kind: "NOT_BILLABLE_TYPE",
        connectionType: "Filetransfer",
        realSeconds: 300,
      }),
    ).toBe("Non fatturata: il tipo di connessione Filetransfer non è fatturabile");
    expect(describeBillingExplanation(it_, { kind: "MERGED", into: "s1" })).toBe(
      "Unita alla teleassistenza s1, che ne fattura il tempo",
    );
  });

  it("counts the reconnections merged into a session", () => {
    const rule = {
      kind: "ROUNDED",
      incrementMinutes: 5,
      realSeconds: 900,
      mergedCodes: ["a", "b"],
    };

    expect(describeBillingExplanation(it_, rule)).toBe(
      "Fatturata a blocchi di 5 minuti. Comprende 2 riconnessioni",
    );
    expect(describeBillingExplanation(en, rule)).toBe(
      "Billed in steps of 5 minutes. Includes 2 reconnections",
    );
  });

  it("returns null without a readable explanation", () => {
    expect(describeBillingExplanation(it_, null)).toBeNull();
    expect(describeBillingExplanation(it_, { kind: "ROUNDED" })).toBeNull();
    expect(describeBillingExplanation(it_, { kind: "FLAT_FEE", minutes: 10 })).toBeNull();
    expect(parseBillingExplanation("ROUNDED")).toBeNull();
  });
});
