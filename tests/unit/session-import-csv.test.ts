import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";

import { AppError } from "@/lib/errors";
import {
  sessionCsvMappingFieldSchema,
  sessionCsvMappingSchema,
  type SessionCsvMapping,
} from "@/lib/imports/session-csv-mapping";
import { inspectSessionLog } from "@/lib/imports/session-inspect";
import { detectSessionLogFormat, readSessionLog } from "@/lib/imports/session-log";

const HEADER = "Codice;Dispositivo;Cliente;Tecnico;Inizio;Fine;Durata;Tipo;Note";

function mapping(columns: Record<string, string | null>): SessionCsvMapping {
  return sessionCsvMappingSchema.parse({ columns });
}

const FULL = mapping({
  code: "Codice",
  remoteDeviceId: "Dispositivo",
  customerCode: "Cliente",
  operatorName: "Tecnico",
  startedAt: "Inizio",
  endedAt: "Fine",
  durationSeconds: "Durata",
  connectionType: "Tipo",
  notes: "Note",
});

function readCsv(lines: string[], columns: SessionCsvMapping = FULL) {
  return readSessionLog(Buffer.from(lines.join("\r\n"), "utf8"), {
    format: "csv",
    mapping: columns,
  });
}

function rejection(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

describe("sessionCsvMappingSchema", () => {
  it("requires the start column", () => {
    const result = sessionCsvMappingSchema.safeParse({ columns: { endedAt: "Fine" } });

    expect(result.error?.issues.map((issue) => issue.message)).toEqual([
      "sessionImport.startColumnRequired",
    ]);
  });

  it("requires the end or the duration column", () => {
    const result = sessionCsvMappingSchema.safeParse({ columns: { startedAt: "Inizio" } });

    expect(result.error?.issues.map((issue) => issue.message)).toEqual([
      "sessionImport.endColumnRequired",
    ]);
  });

  it("accepts a duration without an end", () => {
    const parsed = mapping({ startedAt: "Inizio", durationSeconds: "Durata", endedAt: "" });

    expect(parsed.columns.endedAt).toBeNull();
    expect(parsed.columns.code).toBeNull();
  });

  it("reports invalid JSON in the form field as a missing mapping", () => {
    const result = sessionCsvMappingFieldSchema.safeParse("{not json");

    expect(result.error?.issues[0]?.message).toBe("sessionImport.mappingMissing");
  });
});

describe("readSessionLog with a CSV mapping", () => {
  it("reads a complete row in Italian local time", () => {
    const log = readCsv([
      HEADER,
      "S-1;123 456 789;C001;Mario Rossi;14/05/2026 10:00;14/05/2026 10:12:34;754;RemoteControl;Stampante",
    ]);

    expect(log.format).toBe("csv");
    expect(log.delimiter).toBe(";");
    expect(log.rejected).toEqual([]);
    expect(log.sessions).toEqual([
      {
        line: 2,
        code: "S-1",
        derivedCode: false,
        remoteDeviceId: "123 456 789",
        customerCode: "C001",
        operatorName: "Mario Rossi",
        connectionType: "RemoteControl",
        notes: "Stampante",
        startedAt: new Date("2026-05-14T08:00:00Z"),
        endedAt: new Date("2026-05-14T08:12:34Z"),
        seconds: 754,
      },
    ]);
  });

  it("computes the end from a duration in hh:mm:ss", () => {
    const log = readCsv(
      ["Inizio,Durata", "14/05/2026 10:00,1:02:03"],
      mapping({ startedAt: "Inizio", durationSeconds: "Durata" }),
    );

    expect(log.sessions[0]?.endedAt).toEqual(new Date("2026-05-14T09:02:03Z"));
    expect(log.sessions[0]?.seconds).toBe(3723);
  });

  it("bills the real time of a session across the spring change", () => {
    // 01:30 winter time to 03:30 summer time is one hour.
    const log = readCsv([HEADER, "S-1;;;;29/03/2026 01:30;29/03/2026 03:30;;;"]);

    expect(log.sessions[0]?.seconds).toBe(3600);
  });

  it("bills the real time of a session across the autumn change", () => {
    // 01:30 summer time to 03:30 winter time is three hours.
    const log = readCsv([HEADER, "S-1;;;;25/10/2026 01:30;25/10/2026 03:30;;;"]);

    expect(log.sessions[0]?.seconds).toBe(3 * 3600);
  });

  it("reads an end in the repeated hour after a start in it", () => {
    // 02:50 summer time, then 02:10 winter time: twenty minutes.
    const log = readCsv([HEADER, "S-1;;;;25/10/2026 02:50;25/10/2026 02:10;;;"]);

    expect(log.rejected).toEqual([]);
    expect(log.sessions[0]?.startedAt).toEqual(new Date("2026-10-25T00:50:00Z"));
    expect(log.sessions[0]?.seconds).toBe(20 * 60);
  });

  it("rejects a start skipped by summer time", () => {
    const log = readCsv([HEADER, "S-1;;;;29/03/2026 02:30;29/03/2026 03:30;;;"]);

    expect(log.rejected).toEqual([
      {
        line: 2,
        code: "S-1",
        messageKey: "sessionImport.skippedLocalTime",
        values: { line: 2, value: "29/03/2026 02:30" },
      },
    ]);
  });

  it("accepts ISO 8601 with and without offset", () => {
    const log = readCsv([
      HEADER,
      "S-1;;;;2026-05-14T08:00:00Z;2026-05-14T10:30:00+02:00;;;",
      "S-2;;;;2026-05-14 10:00;2026-05-14 10:01;;;",
    ]);

    expect(log.sessions.map((session) => session.seconds)).toEqual([1800, 60]);
    expect(log.sessions[1]?.startedAt).toEqual(new Date("2026-05-14T08:00:00Z"));
  });

  it("derives a stable code when the code column is not mapped", () => {
    const columns = mapping({
      remoteDeviceId: "Dispositivo",
      startedAt: "Inizio",
      endedAt: "Fine",
    });
    const row = "X;111;;;14/05/2026 10:00;14/05/2026 10:05;;;";
    const first = readCsv([HEADER, row], columns);
    const second = readCsv([HEADER, row.replace("X;", "Y;")], columns);

    expect(first.sessions[0]?.code).toMatch(/^imp-[0-9a-f]{32}$/);
    expect(first.sessions[0]?.derivedCode).toBe(true);
    expect(second.sessions[0]?.code).toBe(first.sessions[0]?.code);
  });

  it("derives a code for a row whose code cell is empty", () => {
    const log = readCsv([HEADER, ";111;;;14/05/2026 10:00;14/05/2026 10:05;;;"]);

    expect(log.sessions[0]?.code).toMatch(/^imp-/);
  });

  it("gives different derived codes to different devices", () => {
    const columns = mapping({
      remoteDeviceId: "Dispositivo",
      startedAt: "Inizio",
      endedAt: "Fine",
    });
    const log = readCsv(
      [
        HEADER,
        ";111;;;14/05/2026 10:00;14/05/2026 10:05;;;",
        ";222;;;14/05/2026 10:00;14/05/2026 10:05;;;",
      ],
      columns,
    );

    expect(new Set(log.sessions.map((session) => session.code)).size).toBe(2);
  });

  it("rejects each bad row with its line and keeps the others", () => {
    const log = readCsv([
      HEADER,
      "S-1;;;;14/05/2026 10:00;14/05/2026 10:05;;;",
      "S-2;;;;;14/05/2026 10:05;;;",
      "S-3;;;;14/05/2026 10:00;;;;",
      "S-4;;;;14/05/2026 10:00;;-30;;",
      "S-5;;;;14/05/2026 10:00;14/05/2026 09:00;;;",
      "S-6;;;;14/05/2026 10:00;14/05/2026 10:05;600;;",
      "S-7;;;;14/05/2026 10:00;;12.5;;",
      "S-8;;;;31/02/2026 10:00;14/05/2026 10:05;;;",
      "S-9;;;;14/05/2026 10:00;domani;;;",
      "S-10;;;;14/05/2026 10:00;14/05/2026 10:05;;",
      "S-1;;;;14/05/2026 11:00;14/05/2026 11:05;;;",
      "S-11;;;;14/05/2026 10:00;14/05/2026 10:05;301;;",
    ]);

    expect(log.sessions.map((session) => session.code)).toEqual(["S-1", "S-11"]);
    expect(log.rejected.map((row) => [row.line, row.messageKey])).toEqual([
      [3, "sessionImport.startMissing"],
      [4, "sessionImport.endMissing"],
      [5, "sessionImport.negativeDuration"],
      [6, "sessionImport.endBeforeStart"],
      [7, "sessionImport.durationMismatch"],
      [8, "sessionImport.invalidDuration"],
      [9, "sessionImport.invalidStart"],
      [10, "sessionImport.invalidEnd"],
      [11, "sessionImport.fieldCount"],
      [12, "sessionImport.repeatedCode"],
    ]);
    expect(log.rejected[3]?.values).toEqual({
      line: 6,
      start: "14/05/2026 10:00",
      end: "14/05/2026 09:00",
    });
    expect(log.rejected[4]?.values).toEqual({ line: 7, seconds: 600, between: 300 });
    expect(log.rejected[9]?.values).toEqual({ line: 12, code: "S-1", firstLine: 2 });
    expect(log.rowCount).toBe(12);
  });

  it("rejects a code longer than the limit", () => {
    const log = readCsv([HEADER, `${"A".repeat(65)};;;;14/05/2026 10:00;14/05/2026 10:05;;;`]);

    expect(log.rejected[0]?.messageKey).toBe("sessionImport.tooLong");
    expect(log.rejected[0]?.values).toMatchObject({ max: 64 });
  });

  it("rejects a mapping naming a column the file lacks", () => {
    const error = rejection(() =>
      readCsv(
        [HEADER, "S-1;;;;14/05/2026 10:00;;60;;"],
        mapping({ startedAt: "Start", durationSeconds: "Durata" }),
      ),
    );

    expect(error.messageKey).toBe("imports.unknownColumn");
    expect(error.values).toEqual({ column: "Start" });
  });

  it("requires a mapping for a CSV file", () => {
    const bytes = Buffer.from(`${HEADER}\r\nS-1;;;;14/05/2026 10:00;;60;;`, "utf8");
    const error = rejection(() => readSessionLog(bytes, { format: "auto", mapping: null }));

    expect(error.messageKey).toBe("sessionImport.mappingMissing");
  });

  it("reads Windows-1252 and UTF-16 files alike", () => {
    const text = `${HEADER}\r\nS-1;;;Niccolò Ferraù;14/05/2026 10:00;;60;;Perché sì`;
    const expected = readCsv(text.split("\r\n")).sessions;

    for (const bytes of [
      iconv.encode(text, "windows-1252"),
      iconv.encode(text, "utf-16le", { addBOM: true }),
      iconv.encode(text, "utf-16le"),
    ]) {
      const log = readSessionLog(bytes, { format: "csv", mapping: FULL });

      expect(log.sessions).toEqual(expected);
      expect(log.sessions[0]?.operatorName).toBe("Niccolò Ferraù");
    }
  });
});

describe("whole-file checks", () => {
  it("rejects an empty file", () => {
    const error = rejection(() =>
      readSessionLog(new Uint8Array(), { format: "auto", mapping: null }),
    );

    expect(error.code).toBe("VALIDATION");
    expect(error.messageKey).toBe("sessionImport.fileEmpty");
  });

  it("rejects a file of blank lines", () => {
    const error = rejection(() =>
      readSessionLog(Buffer.from("\r\n  \r\n"), { format: "auto", mapping: null }),
    );

    expect(error.messageKey).toBe("sessionImport.fileEmpty");
  });

  it("rejects a binary file", () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    const error = rejection(() => readSessionLog(png, { format: "auto", mapping: null }));

    expect(error.code).toBe("UNSUPPORTED_FILE");
    expect(error.messageKey).toBe("sessionImport.notText");
  });

  it("rejects a CSV with only its header in the session wording", () => {
    const error = rejection(() => readCsv([HEADER]));

    expect(error.messageKey).toBe("sessionImport.noRows");
  });
});

describe("detectSessionLogFormat", () => {
  it("recognises a TeamViewer log after blank lines", () => {
    const line =
      "584929950\tHELPDESK-PC1\t02-04-2018 11:43:01\t02-04-2018 11:43:22\tAdministrator\tRemoteControl\t\t";

    expect(detectSessionLogFormat(`\r\n${line}\r\n`)).toBe("teamviewer");
  });

  it("recognises a TeamViewer log with a bad first line", () => {
    const line =
      "584929950\tHELPDESK-PC1\t02-04-2018 11:43:01\t02-04-2018 11:43:22\tAdministrator\tRemoteControl\t\t";
    const bad = "584929950\tHELPDESK-PC1\t31-02-2018 11:43:01\t02-04-2018 11:43:22\tAdministrator";

    expect(detectSessionLogFormat([bad, line, line, line].join("\r\n"))).toBe("teamviewer");
  });

  it("takes a CSV with one log-like line for CSV", () => {
    const line =
      "584929950\tHELPDESK-PC1\t02-04-2018 11:43:01\t02-04-2018 11:43:22\tAdministrator\tRemoteControl\t\t";
    const csv = ["Codice;Inizio;Fine", line, "S-1;14/05/2026 10:00;14/05/2026 10:05", "S-2;;"];

    expect(detectSessionLogFormat(csv.join("\n"))).toBe("csv");
  });

  it("takes a tab-separated CSV for CSV", () => {
    expect(
      detectSessionLogFormat("Codice\tInizio\tFine\r\nS-1\t14/05/2026 10:00\t14/05/2026 10:05"),
    ).toBe("csv");
  });
});

describe("inspectSessionLog", () => {
  it("lists the columns and first rows of a CSV", () => {
    const lines = [
      HEADER,
      ...Array.from({ length: 7 }, (_, index) => `S-${index};;;;14/05/2026 10:00;;60;;`),
    ];
    const inspection = inspectSessionLog(Buffer.from(lines.join("\n")), "auto");

    expect(inspection.format).toBe("csv");
    expect(inspection.detectedFormat).toBe("csv");
    expect(inspection.headers).toHaveLength(9);
    expect(inspection.rowCount).toBe(7);
    expect(inspection.sampleRows).toHaveLength(5);
  });
});
