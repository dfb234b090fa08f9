import { describe, expect, it } from "vitest";

import { normalizeRemoteId } from "@/lib/domain/device-id";
import { deviceInputSchema } from "@/lib/validations/device";

describe("normalizeRemoteId", () => {
  it("accepts TeamViewer IDs of 9 or 10 digits without their spaces", () => {
    expect(normalizeRemoteId("TEAMVIEWER", "123 456 789")).toEqual({
      ok: true,
      remoteId: "123456789",
    });
    expect(normalizeRemoteId("TEAMVIEWER", "1 234 567 890")).toEqual({
      ok: true,
      remoteId: "1234567890",
    });
  });

  it("rejects TeamViewer IDs of other lengths or with letters", () => {
    for (const value of ["12345678", "12345678901", "12345678a", "reception@ad"]) {
      expect(normalizeRemoteId("TEAMVIEWER", value)).toEqual({
        ok: false,
        messageKey: "session.teamviewerIdInvalid",
      });
    }
  });

  it("accepts AnyDesk numbers and aliases", () => {
    expect(normalizeRemoteId("ANYDESK", "987 654 321")).toEqual({
      ok: true,
      remoteId: "987654321",
    });
    expect(normalizeRemoteId("ANYDESK", " Reception@ad ")).toEqual({
      ok: true,
      remoteId: "Reception@ad",
    });
    expect(normalizeRemoteId("ANYDESK", "pc-01.ufficio@studio_rossi")).toEqual({
      ok: true,
      remoteId: "pc-01.ufficio@studio_rossi",
    });
  });

  it("rejects AnyDesk IDs that are neither", () => {
    for (const value of [
      "12345",
      "reception",
      "@ad",
      "reception@",
      "re ception@ad",
      "a@b@c",
      "è@ad",
    ]) {
      expect(normalizeRemoteId("ANYDESK", value)).toEqual({
        ok: false,
        messageKey: "session.anydeskIdInvalid",
      });
    }
  });

  it("keeps other IDs as typed, trimmed", () => {
    expect(normalizeRemoteId("OTHER", "  RustDesk 42 ")).toEqual({
      ok: true,
      remoteId: "RustDesk 42",
    });
  });

  it("rejects empty and overlong IDs of any kind", () => {
    expect(normalizeRemoteId("OTHER", "   ")).toEqual({
      ok: false,
      messageKey: "session.deviceIdMissing",
    });
    expect(normalizeRemoteId("TEAMVIEWER", "1".repeat(101))).toEqual({
      ok: false,
      messageKey: "session.deviceIdTooLong",
    });
  });
});

describe("deviceInputSchema", () => {
  it("returns the canonical ID and an empty label as null", () => {
    expect(
      deviceInputSchema.parse({ kind: "TEAMVIEWER", remoteId: "123 456 789", label: " " }),
    ).toEqual({ kind: "TEAMVIEWER", remoteId: "123456789", label: null });
  });

  it("reports the remote ID field with the kind's message", () => {
    const result = deviceInputSchema.safeParse({ kind: "TEAMVIEWER", remoteId: "12" });

    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path).toEqual(["remoteId"]);
    expect(result.error?.issues[0].message).toBe("session.teamviewerIdInvalid");
  });

  it("rejects an unknown kind", () => {
    const result = deviceInputSchema.safeParse({ kind: "VNC", remoteId: "123456789" });

    expect(result.error?.issues[0].message).toBe("session.deviceKindInvalid");
  });
});
