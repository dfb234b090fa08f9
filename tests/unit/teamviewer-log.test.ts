import { readFileSync } from "node:fs";
import path from "node:path";

import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";

import { AppError } from "@/lib/errors";
import {
  connectionCode,
  parseTeamViewerLog,
  parseUtcTimestamp,
  type TeamViewerLog,
} from "@/lib/imports/teamviewer-log";

const samplePath = path.resolve(
  process.cwd(),
  "../shared/samples/teamviewer-connections-incoming.txt",
);
const sampleBytes = readFileSync(samplePath);
const sampleText = sampleBytes.toString("utf8");

function parseText(text: string): TeamViewerLog {
  return parseTeamViewerLog(Buffer.from(text, "utf8"));
}

function rejection(bytes: Uint8Array): AppError {
  try {
    parseTeamViewerLog(bytes);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError, but the file parsed");
}

// The sample with its line `lineNumber` (1-based) replaced.
function sampleWithLine(lineNumber: number, replacement: string): string {
  const lines = sampleText.split("\r\n");
  lines[lineNumber - 1] = replacement;

  return lines.join("\r\n");
}

describe("parseTeamViewerLog on the real sample", () => {
  const log = parseTeamViewerLog(sampleBytes);

  it("parses every connection", () => {
    expect(log.encoding).toBe("utf-8");
    expect(log.bom).toBe(false);
    expect(log.rows).toHaveLength(29);
    expect(log.errors).toEqual([]);
  });

  it("numbers lines after the blank first line", () => {
    expect(log.rows[0]?.line).toBe(2);
    expect(log.rows.at(-1)?.line).toBe(30);
  });

  it("reads a row with a GUID", () => {
    expect(log.rows[0]).toEqual({
      line: 2,
      code: "82ba4172-46b8-5e14-89b3-3c7c89cb05eb",
      partnerId: "584929950",
      partnerName: "HELPDESK-PC1",
      startedAt: new Date("2018-04-02T11:43:01Z"),
      endedAt: new Date("2018-04-02T11:43:22Z"),
      seconds: 21,
      localUser: "Administrator",
      connectionType: "RemoteControl",
      guid: "{82BA4172-46B8-5E14-89B3-3C7C89CB05EB}",
    });
  });

  it("reads a row without a GUID", () => {
    const row = log.rows.find((candidate) => candidate.line === 8);

    expect(row?.partnerId).toBe("605138497");
    expect(row?.partnerName).toBe("tecnico.rossi");
    expect(row?.startedAt).toEqual(new Date("2018-04-05T01:56:35Z"));
    expect(row?.endedAt).toEqual(new Date("2018-04-05T01:56:53Z"));
    expect(row?.seconds).toBe(18);
    expect(row?.guid).toBeNull();
    expect(row?.code).toMatch(/^tv-[0-9a-f]{32}$/);
  });

  it("reads a three-hour connection at night", () => {
    const row = log.rows.find((candidate) => candidate.line === 20);

    expect(row?.startedAt.toISOString()).toBe("2018-04-22T01:53:32.000Z");
    expect(row?.endedAt.toISOString()).toBe("2018-04-22T04:53:33.000Z");
    expect(row?.seconds).toBe(3 * 3600 + 1);
  });

  it("reads the last row", () => {
    const last = log.rows.at(-1);

    expect(last?.partnerId).toBe("637222629");
    expect(last?.startedAt).toEqual(new Date("2018-06-22T11:09:52Z"));
    expect(last?.seconds).toBe(668);
  });

  it("finds the most frequent partners", () => {
    const counts = new Map<string, number>();
    for (const row of log.rows) counts.set(row.partnerId, (counts.get(row.partnerId) ?? 0) + 1);
    const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 3);

    expect(top).toEqual([
      ["450329760", 9],
      ["644326672", 5],
      ["605138497", 4],
    ]);
  });

  it("counts connections without a GUID", () => {
    expect(log.rows.filter((row) => row.guid === null)).toHaveLength(4);
  });

  it("gives each connection a unique code", () => {
    expect(new Set(log.rows.map((row) => row.code)).size).toBe(29);
  });

  it("gives the same codes on a second parse", () => {
    const again = parseTeamViewerLog(readFileSync(samplePath));

    expect(again.rows.map((row) => row.code)).toEqual(log.rows.map((row) => row.code));
  });
});

describe("parseTeamViewerLog encodings", () => {
  // The sample with accented partner names, which ASCII would not exercise.
  const accented = sampleText
    .replaceAll("tecnico.rossi", "Società Rossi")
    .replaceAll("HELPDESK-PC1", "Perché Srl");
  const reference = parseText(accented);

  const encodings: Array<[name: string, bytes: Buffer, encoding: string, bom: boolean]> = [
    ["UTF-8 with BOM", Buffer.from(`\ufeff${accented}`, "utf8"), "utf-8", true],
    ["UTF-16 LE with BOM", iconv.encode(accented, "utf-16le", { addBOM: true }), "utf-16le", true],
    ["UTF-16 LE without BOM", iconv.encode(accented, "utf-16le"), "utf-16le", false],
    ["UTF-16 BE with BOM", iconv.encode(accented, "utf-16be", { addBOM: true }), "utf-16be", true],
    ["Windows-1252", iconv.encode(accented, "windows-1252"), "windows-1252", false],
  ];

  it("keeps accented names in UTF-8", () => {
    expect(reference.errors).toEqual([]);
    expect(reference.rows).toHaveLength(29);
    expect(reference.rows.find((row) => row.line === 8)?.partnerName).toBe("Società Rossi");
    expect(reference.rows[0]?.partnerName).toBe("Perché Srl");
  });

  it.each(encodings)("parses %s identically", (_name, bytes, encoding, bom) => {
    const log = parseTeamViewerLog(bytes);

    expect(log.encoding).toBe(encoding);
    expect(log.bom).toBe(bom);
    expect(log.errors).toEqual([]);
    expect(log.rows).toEqual(reference.rows);
  });

  it("keeps codes independent of the display name", () => {
    const original = parseTeamViewerLog(sampleBytes);

    expect(reference.rows.map((row) => row.code)).toEqual(original.rows.map((row) => row.code));
  });

  it("accepts LF line endings and no blank first line", () => {
    const log = parseText(sampleText.replaceAll("\r\n", "\n").trimStart());

    expect(log.rows).toHaveLength(29);
    expect(log.rows[0]?.line).toBe(1);
  });
});

describe("parseTeamViewerLog row errors", () => {
  it("reports a line with a field missing and parses the others", () => {
    // Partner name removed: seven tab-separated parts including the trailing empty one.
    const line =
      "584929950\t02-04-2018 11:43:01\t02-04-2018 11:43:22\tAdministrator\tRemoteControl\t{82BA4172-46B8-5E14-89B3-3C7C89CB05EB}\t";
    const log = parseText(sampleWithLine(2, line));

    expect(log.errors).toEqual([
      {
        line: 2,
        messageKey: "sessionLog.wrongFieldCount",
        values: { line: 2, found: 6, expected: 7 },
      },
    ]);
    expect(log.rows).toHaveLength(28);
  });

  it("reports a line with an extra field", () => {
    const log = parseText(
      `1\tname\t02-04-2018 11:43:01\t02-04-2018 11:43:22\tuser\tRemoteControl\t\textra\t`,
    );

    expect(log.errors[0]?.messageKey).toBe("sessionLog.wrongFieldCount");
    expect(log.errors[0]?.values).toMatchObject({ found: 8 });
  });

  it("accepts a line without the trailing tab", () => {
    const log = parseText(
      "1\tname\t02-04-2018 11:43:01\t02-04-2018 11:43:22\tuser\tRemoteControl\t{A}",
    );

    expect(log.errors).toEqual([]);
    expect(log.rows[0]?.code).toBe("a");
  });

  it("reports an impossible date with its line", () => {
    const line =
      "705643864\tHELPDESK-PC1\t31-02-2018 12:04:48\t02-04-2018 12:10:07\tAdministrator\tRemoteControl\t\t";
    const log = parseText(sampleWithLine(3, line));

    expect(log.errors).toEqual([
      {
        line: 3,
        messageKey: "sessionLog.invalidStart",
        values: { line: 3, value: "31-02-2018 12:04:48" },
      },
    ]);
    expect(log.rows).toHaveLength(28);
  });

  it("reports an end in the wrong format", () => {
    const line =
      "705643864\tHELPDESK-PC1\t02-04-2018 12:04:48\t2018-04-02 12:10:07\tAdministrator\tRemoteControl\t\t";
    const log = parseText(sampleWithLine(3, line));

    expect(log.errors[0]?.messageKey).toBe("sessionLog.invalidEnd");
    expect(log.errors[0]?.values).toEqual({ line: 3, value: "2018-04-02 12:10:07" });
  });

  it("reports an end before the start", () => {
    const line =
      "705643864\tHELPDESK-PC1\t02-04-2018 12:10:07\t02-04-2018 12:04:48\tAdministrator\tRemoteControl\t\t";
    const log = parseText(sampleWithLine(3, line));

    expect(log.errors).toEqual([
      {
        line: 3,
        messageKey: "sessionLog.endBeforeStart",
        values: { line: 3, start: "02-04-2018 12:10:07", end: "02-04-2018 12:04:48" },
      },
    ]);
  });

  it("accepts a connection of zero seconds", () => {
    const log = parseText(
      "1\tname\t02-04-2018 11:43:01\t02-04-2018 11:43:01\tuser\tRemoteControl\t\t",
    );

    expect(log.rows[0]?.seconds).toBe(0);
  });

  it("reports a missing partner ID and connection type", () => {
    const log = parseText(
      [
        "\tname\t02-04-2018 11:43:01\t02-04-2018 11:43:22\tuser\tRemoteControl\t\t",
        "1\tname\t02-04-2018 11:43:01\t02-04-2018 11:43:22\tuser\t\t\t",
      ].join("\r\n"),
    );

    expect(log.errors.map((error) => error.messageKey)).toEqual([
      "sessionLog.partnerIdMissing",
      "sessionLog.connectionTypeMissing",
    ]);
    expect(log.errors.map((error) => error.line)).toEqual([1, 2]);
  });

  it("reports a repeated connection on its second line", () => {
    const lines = sampleText.split("\r\n");
    const log = parseText([...lines.slice(0, 10), lines[7], ...lines.slice(10)].join("\r\n"));

    expect(log.rows).toHaveLength(29);
    expect(log.errors).toEqual([
      {
        line: 11,
        messageKey: "sessionLog.duplicateConnection",
        values: { line: 11, firstLine: 8 },
      },
    ]);
  });

  it("collects several errors in line order", () => {
    const broken = sampleWithLine(5, "garbage").split("\r\n");
    broken[9] = "also garbage\t";
    const log = parseText(broken.join("\r\n"));

    expect(log.errors.map((error) => error.line)).toEqual([5, 10]);
    expect(log.rows).toHaveLength(27);
  });
});

describe("parseTeamViewerLog whole-file errors", () => {
  it("rejects an empty file", () => {
    const error = rejection(new Uint8Array());

    expect(error.code).toBe("VALIDATION");
    expect(error.messageKey).toBe("sessionLog.emptyFile");
  });

  it("rejects a file of blank lines", () => {
    expect(rejection(Buffer.from("\r\n \r\n\t\r\n")).messageKey).toBe("sessionLog.emptyFile");
  });

  it("rejects a binary file", () => {
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 0x08, 0, 0x21, 0x00]);
    const error = rejection(zip);

    expect(error.code).toBe("VALIDATION");
    expect(error.messageKey).toBe("sessionLog.notText");
  });
});

describe("parseUtcTimestamp", () => {
  it("reads a UTC instant", () => {
    expect(parseUtcTimestamp("29-02-2020 23:59:59")).toEqual(new Date("2020-02-29T23:59:59Z"));
    expect(parseUtcTimestamp("01-01-2018 00:00:00")).toEqual(new Date("2018-01-01T00:00:00Z"));
  });

  it.each([
    "29-02-2018 10:00:00",
    "31-04-2018 10:00:00",
    "00-04-2018 10:00:00",
    "01-13-2018 10:00:00",
    "01-04-2018 24:00:00",
    "01-04-2018 10:60:00",
    "01-04-2018 10:00:60",
    "1-04-2018 10:00:00",
    "01-04-2018T10:00:00",
    "",
  ])("rejects %j", (text) => {
    expect(parseUtcTimestamp(text)).toBeNull();
  });
});

describe("connectionCode", () => {
  const connection = {
    guid: null,
    partnerId: "605138497",
    startedAt: new Date("2018-04-05T01:56:35Z"),
    endedAt: new Date("2018-04-05T01:56:53Z"),
    localUser: "Administrator",
  };

  it("normalises a GUID", () => {
    expect(connectionCode({ ...connection, guid: "{B68579A5-FEBE-76EA-1706-B1732E29075A}" })).toBe(
      "b68579a5-febe-76ea-1706-b1732e29075a",
    );
    expect(connectionCode({ ...connection, guid: "b68579a5-febe-76ea-1706-b1732e29075a" })).toBe(
      "b68579a5-febe-76ea-1706-b1732e29075a",
    );
  });

  it("hashes a connection without a GUID", () => {
    expect(connectionCode(connection)).toBe(connectionCode({ ...connection }));
    expect(connectionCode(connection)).toMatch(/^tv-[0-9a-f]{32}$/);
  });

  it("changes the hash with each identifying field", () => {
    const code = connectionCode(connection);

    expect(connectionCode({ ...connection, partnerId: "605138498" })).not.toBe(code);
    expect(connectionCode({ ...connection, localUser: "tecnico" })).not.toBe(code);
    expect(connectionCode({ ...connection, startedAt: new Date("2018-04-05T01:56:36Z") })).not.toBe(
      code,
    );
    expect(connectionCode({ ...connection, endedAt: new Date("2018-04-05T01:56:54Z") })).not.toBe(
      code,
    );
  });
});
