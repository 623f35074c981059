/**
 * Embeds in the reader's language (`locale=`): Dutch pages carry Dutch words and nl-NL numbers,
 * dates and amounts; German and English stay as they were; an unknown locale falls back to German.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { call } from "./api";

const anonymous = (path: string) => call(path, { token: null });
/** The embed's data table as text cells (row header first). */
const cells = (html: string) => [...html.matchAll(/<t[hd][^>]*>([^<]*)<\/t[hd]>/g)].map((m) => m[1].replace(/[\u00a0\u202f]/g, " "));

// Goslar (03153), 2025: public partners, values above a thousand euros, a rate with a fraction.
beforeAll(async () => {
  const ids: number[] = [];
  for (const [i, kind] of ["company", "nonprofit", "nonprofit", "company"].entries()) {
    const res = await call("/api/v1/organisations", { body: { name: `Taalproef ${i}`, kind, regionCode: "03153", isPublic: true } });
    if (res.status !== 201) throw new Error(res.text);
    ids.push(res.json.id);
  }
  const deals: [number[], string, string, number][] = [
    [[ids[0], ids[1]], "2025-03-04", "done", 1000],
    [[ids[0], ids[2]], "2025-03-11", "done", 250],
    [[ids[3], ids[1]], "2025-03-18", "not_feasible", 0],
  ];
  for (const [partnerIds, dateAgreed, status, valueEur] of deals) {
    const res = await call("/api/v1/cooperations", { body: { partnerIds, dateAgreed, status, hours: 8, volunteers: 2, valueEur, peopleReached: 10, contributionTypes: ["time"] } });
    if (res.status !== 201) throw new Error(res.text);
  }
});

const trend = (metric: string, locale?: string) =>
  anonymous(`/embed/trend?region=03153&metric=${metric}&interval=month&from=2025-03-01&to=2025-03-31${locale ? `&locale=${locale}` : ""}`);

describe("embed locale", () => {
  it("renders a Dutch embed with Dutch words, euros and months", async () => {
    const page = await trend("valueEur", "nl");
    expect(page.status).toBe(200);
    expect(page.text).toContain('<html lang="nl">');
    expect(page.text).toContain("Waarde (EUR) per maand – ");
    expect(page.text).toContain("Gegevens als tabel");
    expect(page.text).toContain("PNG (afdrukken)");
    expect(page.text).toMatch(/Bron: Kooperationsatlas, stand \d{1,2} [a-z]{3} \d{4}/);
    expect(cells(page.text)).toEqual(["Periode", "Waarde (EUR)", "mrt 2025", "€ 1.250"]);
    // The canvas is drawn by the embed script in the same language.
    const data = JSON.parse(/<script type="application\/json" id="chart-data">(.*?)<\/script>/s.exec(page.text)![1]);
    expect(data.locale).toBe("nl");
    expect(page.text).toContain("locale=nl");
  });

  it("writes a Dutch rate with a decimal comma, its base and the uncertainty mark", async () => {
    const page = await trend("fulfilmentRate", "nl");
    expect(page.status).toBe(200);
    expect(cells(page.text).slice(2)).toEqual(["mrt 2025", "66,7% (n = 3) – onzeker"]);
  });

  it("keeps German and English as they were, and German for an unknown locale", async () => {
    expect(cells((await trend("valueEur", "de")).text).slice(2)).toEqual(["März 2025", "1.250 €"]);
    expect(cells((await trend("valueEur", "en")).text).slice(2)).toEqual(["Mar 2025", "€1,250"]);
    const unknown = await trend("valueEur", "fr");
    expect(unknown.text).toContain('<html lang="de">');
    expect(cells(unknown.text).slice(2)).toEqual(["März 2025", "1.250 €"]);
  });

  it("words its error page in Dutch", async () => {
    const page = await anonymous("/embed/nonsense?locale=nl");
    expect(page.status).toBe(404);
    expect(page.text).toContain('<html lang="nl">');
    expect(page.text).toContain("Deze pagina bestaat niet.");
  });
});
