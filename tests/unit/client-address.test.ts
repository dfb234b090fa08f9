import { describe, expect, it } from "vitest";

import { clientAddress, trustedProxyCount } from "@/lib/auth/client-address";

describe("clientAddress", () => {
  const spoofed = { "x-forwarded-for": "203.0.113.9" };

  it("ignores X-Forwarded-For without trusted proxies", () => {
    expect(clientAddress(spoofed, 0)).toBeNull();
  });

  it("takes the entry the single proxy appended", () => {
    const headers = { "x-forwarded-for": "203.0.113.9, 198.51.100.7" };

    expect(clientAddress(headers, 1)).toBe("198.51.100.7");
  });

  it("counts hops from the right with two proxies", () => {
    const headers = { "x-forwarded-for": "1.1.1.1, 198.51.100.7, 10.0.0.2" };

    expect(clientAddress(headers, 2)).toBe("198.51.100.7");
  });

  it("returns null when the header is missing or too short", () => {
    expect(clientAddress({}, 1)).toBeNull();
    expect(clientAddress(undefined, 1)).toBeNull();
    expect(clientAddress(spoofed, 2)).toBeNull();
  });
});

describe("trustedProxyCount", () => {
  it("defaults to zero", () => {
    expect(trustedProxyCount(undefined)).toBe(0);
    expect(trustedProxyCount("")).toBe(0);
  });

  it("reads a whole number", () => {
    expect(trustedProxyCount("2")).toBe(2);
  });

  it("rejects other values", () => {
    expect(() => trustedProxyCount("yes")).toThrow(/TRUSTED_PROXIES/);
    expect(() => trustedProxyCount("-1")).toThrow(/TRUSTED_PROXIES/);
    expect(() => trustedProxyCount("11")).toThrow(/TRUSTED_PROXIES/);
  });
});
