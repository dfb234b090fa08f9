import { describe, expect, it } from "vitest";

import { normalizeSessionCode } from "@/lib/domain/session-code";
import { connectionCode } from "@/lib/imports/teamviewer-log";
import { startSessionInputSchema } from "@/lib/validations/sessions-api";

const guid = "82ba4172-46b8-5e14-89b3-3c7c89cb05eb";

describe("normalizeSessionCode", () => {
  it.each([
    `{${guid.toUpperCase()}}`,
    `{${guid}}`,
    guid.toUpperCase(),
    ` ${guid} `,
  ])("writes GUID %s one way", (code) => {
    expect(normalizeSessionCode(code)).toBe(guid);
  });

  it("keeps other codes as sent", () => {
    expect(normalizeSessionCode(" AB-12 ")).toBe("AB-12");
    expect(normalizeSessionCode("{not-a-guid}")).toBe("{not-a-guid}");
  });

  it("API and log import agree", () => {
    const fromApi = startSessionInputSchema.parse({ code: `{${guid.toUpperCase()}}` }).code;
    const fromLog = connectionCode({
      guid: `{${guid.toUpperCase()}}`,
      partnerId: "1",
      startedAt: new Date(0),
      endedAt: new Date(0),
      localUser: "x",
    });

    expect(fromApi).toBe(fromLog);
  });
});
