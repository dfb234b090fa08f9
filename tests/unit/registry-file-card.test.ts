import { type AbstractIntlMessages, NextIntlClientProvider } from "next-intl";
import { type ComponentProps, createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import type { Inspection } from "@/components/imports/api";
import { RegistryFileCard } from "@/components/imports/registry-file-card";
import { BUSINESS_TIME_ZONE } from "@/lib/i18n/config";
import englishImports from "@/messages/en/imports.json";
import italianImports from "@/messages/it/imports.json";

type ProviderProps = ComponentProps<typeof NextIntlClientProvider>;

const inspection: Inspection = {
  fileName: "clienti.csv",
  format: "csv",
  encoding: "utf-8",
  delimiter: ";",
  headers: ["CODICE", "RAGIONE_SOCIALE"],
  rowCount: 2,
  sampleRows: [["C001", "Agliè Servizi"]],
  savedMapping: null,
};

function renderCard(locale: string, imports: AbstractIntlMessages): string {
  const card = createElement(RegistryFileCard, {
    inspection,
    read: { encoding: "auto", delimiter: "auto" },
    disabled: false,
    onFile: () => {},
    onReadChange: () => {},
  });

  const providerProps: ProviderProps = {
    locale,
    messages: { imports },
    timeZone: BUSINESS_TIME_ZONE,
    children: card,
  };

  return renderToStaticMarkup(createElement(NextIntlClientProvider, providerProps));
}

// Returns the label of the "auto" option of the select with the given test id.
function autoOption(html: string, testId: string): string | undefined {
  const select = html.match(new RegExp(`<select[^>]*data-testid="${testId}"[^>]*>(.*?)</select>`));

  return select?.[1].match(/<option value="auto"[^>]*>([^<]*)<\/option>/)?.[1];
}

describe("registry file card", () => {
  it("matches Italian auto options to gender", () => {
    const html = renderCard("it", italianImports);

    // "codifica" is feminine and "separatore" masculine.
    expect(autoOption(html, "read-encoding")).toBe("Rilevata automaticamente");
    expect(autoOption(html, "read-delimiter")).toBe("Rilevato automaticamente");
  });

  it("labels both English auto options", () => {
    const html = renderCard("en", englishImports);

    expect(autoOption(html, "read-encoding")).toBe("Detected automatically");
    expect(autoOption(html, "read-delimiter")).toBe("Detected automatically");
  });
});
