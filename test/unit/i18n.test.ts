// The UI dictionaries (dashboard/src/i18n.ts and dashboard/src/strings/): every key in every
// language, with the same placeholders, and Dutch really written in Dutch.
import { describe, expect, it } from "vitest";
import { dictionaries, formatters, LOCALES, translator } from "../../dashboard/src/i18n";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const hasWords = (s: string) => /\p{L}{2,}/u.test(s.replace(/\{\w+\}/g, "").replace(/Kooperationsatlas/g, ""));

// Texts that are the same in English and Dutch on purpose: loanwords and words both languages share.
// (Texts without words of their own — placeholders, symbols, the product's name — need no entry.)
const SAME_IN_ENGLISH_AND_DUTCH = new Set([
  "rk_district", "chartTrend", "downloadSvg", "sumInYear", "trendInterval", "nv_m_degree", "nv_m_pagerank", "nv_legendFocus", "nv_step0",
  "colPartners", "colStatus", "colPartnersList", "explain_status", "fPartners", "fStatus", "fPostcode", "fContactEmail", "size_micro", "score",
  "sector_automotive", "mb_id", "importErrDetails", "mw_contact", "rg_postcode", "rg_contactEmail", "rg_status", "mb_col_partner",
  "md_col_partners", "md_sheet_open", "fu_th_org", "cl_tab", "cl_title",
]);

describe("UI dictionaries", () => {
  const keys = Object.keys(dictionaries.de);

  it("have every key in every language, none empty", () => {
    for (const locale of LOCALES) {
      const dict = dictionaries[locale] as Record<string, string>;
      expect(Object.keys(dict).sort(), locale).toEqual([...keys].sort());
      for (const k of keys) expect(dict[k]?.trim(), `${locale}.${k}`).toBeTruthy();
    }
  });

  it("use the same placeholders in every language", () => {
    for (const locale of LOCALES) {
      for (const k of keys) expect(placeholders(dictionaries[locale][k as keyof typeof dictionaries.de]), `${locale}.${k}`).toEqual(placeholders(dictionaries.de[k as keyof typeof dictionaries.de]));
    }
  });

  it("have Dutch text, not English fallbacks", () => {
    const untranslated = keys.filter((k) => {
      const key = k as keyof typeof dictionaries.de;
      return dictionaries.nl[key] === dictionaries.en[key] && hasWords(dictionaries.en[key]) && !SAME_IN_ENGLISH_AND_DUTCH.has(k);
    });
    expect(untranslated).toEqual([]);
  });

  it("translate and format Dutch with Dutch numbers and dates", () => {
    const t = translator("nl");
    expect(t("fu_sent", { sent: 3, without: 1, failed: 0 })).toBe("3 verstuurd, 1 zonder adres, 0 mislukt.");
    const f = formatters("nl");
    expect(f.int(1250)).toBe("1.250");
    expect(f.withDecimals(1250.5, 2)).toBe("1.250,50");
    expect(f.date("2026-10-03")).toBe("3 okt 2026");
    expect(f.period("2024-Q3")).toBe("3e kwartaal 2024");
  });
});
