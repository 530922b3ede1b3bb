// @vitest-environment node
import { describe, expect, it } from "vitest";
import countries from "../../src/parts/countries";

describe("countries", () => {
  const list = countries("en");
  const codes = list.map(([c]) => c);

  it("lists the ISO 3166-1 countries once each, by code and English name", () => {
    expect(list.length).toBeGreaterThan(240);
    expect(list.length).toBeLessThan(260);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[A-Z]{2}$/);
    expect(list).toContainEqual(["US", "United States"]);
    expect(list).toContainEqual(["DE", "Germany"]);
    expect(list).toContainEqual(["BR", "Brazil"]);
  });

  it("leaves out regions, groupings and deprecated codes", () => {
    for (const code of ["EU", "EZ", "UN", "QO", "ZZ", "UK", "SU", "YU", "CS", "DD", "XA", "XB"])
      expect(codes).not.toContain(code);
  });

  it("sorts by name in the given language", () => {
    const names = list.map(([, n]) => n);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "en")));
  });

  it("names countries in the page's language", () => {
    const de = countries("de");
    expect(de).toContainEqual(["DE", "Deutschland"]);
    expect(de.map(([c]) => c).sort()).toEqual([...codes].sort());
    const names = de.map(([, n]) => n);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "de")));
  });

  it("falls back to English for an unknown language", () => {
    expect(countries("zz")).toContainEqual(["US", "United States"]);
  });
});
