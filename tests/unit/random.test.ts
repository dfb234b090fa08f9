import { describe, expect, it } from "vitest";

import { hashString, mulberry32, Random } from "@/lib/domain/random";

describe("mulberry32", () => {
  it("produces fixed values for a seed", () => {
    const next = mulberry32(42);

    // Demo data depends on these exact draws: a change here changes every generated data set.
    expect(next()).toBe(0.6011037519201636);
    expect(next()).toBe(0.44829055899754167);
    expect(next()).toBe(0.8524657934904099);
  });

  it("stays within [0, 1)", () => {
    const next = mulberry32(7);

    for (let index = 0; index < 10_000; index += 1) {
      const value = next();
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
  });
});

describe("hashString", () => {
  it("matches the FNV-1a test vectors", () => {
    expect(hashString("")).toBe(0x811c9dc5);
    expect(hashString("a")).toBe(0xe40c292c);
    expect(hashString("foobar")).toBe(0xbf9cf968);
  });
});

describe("Random", () => {
  it("repeats the sequence for the same seed", () => {
    const first = new Random("demo");
    const second = new Random("demo");

    expect(Array.from({ length: 5 }, () => first.next())).toEqual(
      Array.from({ length: 5 }, () => second.next()),
    );
  });

  it("differs between seeds", () => {
    expect(new Random("a").next()).not.toBe(new Random("b").next());
  });

  it("integer covers both bounds and nothing outside", () => {
    const random = new Random(1);
    const seen = new Set<number>();

    for (let index = 0; index < 2_000; index += 1) seen.add(random.integer(3, 6));

    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it("integer rejects an empty range", () => {
    expect(() => new Random(1).integer(5, 4)).toThrow(RangeError);
    expect(() => new Random(1).integer(0.5, 4)).toThrow(RangeError);
  });

  it("pick rejects an empty list", () => {
    expect(() => new Random(1).pick([])).toThrow(RangeError);
  });

  it("weightedPick follows the weights", () => {
    const random = new Random(3);
    let heavy = 0;

    for (let index = 0; index < 10_000; index += 1) {
      if (
        random.weightedPick([
          ["heavy", 3],
          ["light", 1],
        ]) === "heavy"
      ) {
        heavy += 1;
      }
    }

    expect(heavy).toBeGreaterThan(7_200);
    expect(heavy).toBeLessThan(7_800);
  });

  it("weightedPick never returns a zero weight", () => {
    const random = new Random(4);

    for (let index = 0; index < 1_000; index += 1) {
      expect(
        random.weightedPick([
          ["never", 0],
          ["always", 1],
        ]),
      ).toBe("always");
    }
    expect(() => random.weightedPick([["never", 0]])).toThrow(RangeError);
  });

  it("normal has mean 0 and deviation 1", () => {
    const random = new Random(5);
    const draws = Array.from({ length: 20_000 }, () => random.normal());
    const mean = draws.reduce((sum, value) => sum + value, 0) / draws.length;
    const variance = draws.reduce((sum, value) => sum + (value - mean) ** 2, 0) / draws.length;

    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(Math.sqrt(variance) - 1)).toBeLessThan(0.03);
  });

  it("shuffle returns a permutation and keeps the input", () => {
    const items = [1, 2, 3, 4, 5, 6, 7, 8];
    const shuffled = new Random(6).shuffle(items);

    expect([...shuffled].sort()).toEqual(items);
    expect(shuffled).not.toEqual(items);
    expect(items).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it("fork leaves the parent sequence unchanged", () => {
    const plain = new Random("parent");
    const forked = new Random("parent");

    const child = forked.fork("child");
    child.next();
    child.next();

    expect(forked.next()).toBe(plain.next());
    expect(forked.fork("child").next()).toBe(new Random("parent").fork("child").next());
  });
});
