import { beforeEach, describe, expect, it } from "vitest";

import {
  beginSignInAttempt,
  clearFailedSignIns,
  MAX_FAILURES_PER_ADDRESS,
  MAX_FAILURES_PER_EMAIL,
} from "@/lib/db/login-attempts";

import { resetDatabase, testDb } from "./helpers";

describe("sign-in attempts", () => {
  beforeEach(resetDatabase);

  it("lets at most five parallel attempts per email through", async () => {
    const attempts = await Promise.all(
      Array.from({ length: 20 }, () =>
        beginSignInAttempt(testDb(), "target@example.test", "198.51.100.1"),
      ),
    );
    const passed = attempts.filter((attempt) => !attempt.blocked);
    const stored = await testDb().loginAttempt.count({ where: { email: "target@example.test" } });

    expect(passed).toHaveLength(MAX_FAILURES_PER_EMAIL);
    expect(stored).toBe(MAX_FAILURES_PER_EMAIL);
  });

  it("limits one address across many emails", async () => {
    const attempts = await Promise.all(
      Array.from({ length: 30 }, (_, index) =>
        beginSignInAttempt(testDb(), `user${index}@example.test`, "198.51.100.2"),
      ),
    );

    expect(attempts.filter((attempt) => !attempt.blocked)).toHaveLength(MAX_FAILURES_PER_ADDRESS);
  });

  it("skips the address limit when the address is unknown", async () => {
    const attempts = await Promise.all(
      Array.from({ length: 30 }, (_, index) =>
        beginSignInAttempt(testDb(), `user${index}@example.test`, null),
      ),
    );

    expect(attempts.every((attempt) => !attempt.blocked)).toBe(true);
  });

  it("clears the email after a successful sign-in", async () => {
    for (let index = 0; index < MAX_FAILURES_PER_EMAIL; index += 1) {
      await beginSignInAttempt(testDb(), "me@example.test", null);
    }
    const blocked = await beginSignInAttempt(testDb(), "me@example.test", null);

    await clearFailedSignIns(testDb(), "me@example.test");
    const after = await beginSignInAttempt(testDb(), "me@example.test", null);

    expect(blocked.blocked).toBe(true);
    expect(after.blocked).toBe(false);
  });
});
