/** Matching a registered name and postcode to an existing organisation (worker/marketplace/org-match.ts). */
import { describe, expect, it } from "vitest";
import { bestMatch, nameKey } from "../../../worker/marketplace/org-match";

describe("nameKey", () => {
  it("ignores case, umlaut spellings, punctuation and legal forms", () => {
    const key = nameKey("Tafel Jülich e.V.");
    for (const n of ["TAFEL JUELICH EV", "Tafel Jülich e. V.", "tafel-jülich", "Tafel Jülich (e.V.)", "Tafel  Jülich eingetragener Verein"]) expect(nameKey(n)).toBe(key);
    expect(nameKey("Lebenshilfe Essen gGmbH")).toBe(nameKey("Lebenshilfe Essen"));
    expect(nameKey("Müller & Söhne GmbH & Co. KG")).toBe(nameKey("Mueller Soehne"));
    expect(nameKey("Straßenkinder e.V.")).toBe(nameKey("Strassenkinder"));
    expect(nameKey("Café Élan UG (haftungsbeschränkt)")).toBe(nameKey("cafe elan"));
  });

  it("keeps words that only look like legal forms inside names", () => {
    expect(nameKey("Evangelische Jugend")).toBe("evangelische jugend");
    expect(nameKey("Agentur Kugel")).toBe("agentur kugel");
    expect(nameKey("AWO")).not.toBe(nameKey("AWO Essen"));
  });
});

describe("bestMatch", () => {
  const orgs = [
    { id: 1, name: "Tafel e.V.", postcode: "52428" },
    { id: 2, name: "Tafel e.V.", postcode: "45127" },
    { id: 3, name: "Tafel", postcode: null },
    { id: 4, name: "Kleiderkammer Essen", postcode: "45127" },
  ];

  it("needs equal postcodes where both are known, and prefers them", () => {
    expect(bestMatch("TAFEL EV", "45127", orgs)?.id).toBe(2);
    expect(bestMatch("Tafel", "52428", orgs)?.id).toBe(1);
    expect(bestMatch("Tafel", "10115", orgs)?.id).toBe(3);
    expect(bestMatch("Kleiderkammer Essen gGmbH", "45 127", orgs)?.id).toBe(4);
    expect(bestMatch("Kleiderkammer Essen", "45128", orgs)).toBeNull();
  });

  it("without a postcode takes the oldest of the same name, and nothing of another name", () => {
    expect(bestMatch("Tafel", null, orgs)?.id).toBe(1);
    expect(bestMatch("Kleiderkammer", null, orgs)).toBeNull();
  });
});
