/**
 * @module
 * Which existing organisation a registration by link is (docs/marketplace.md, "Registration by
 * link"). Registrants type their name as they like — "AWO Kreisverband Jülich e. V.",
 * "awo kreisverband juelich" — so names are compared by a key that ignores case, umlaut
 * spellings, punctuation and legal forms (e.V., gGmbH, GmbH, UG, AG, …). A name key alone is not
 * enough ("Tafel e.V." exists in many towns): the postcode must agree when both sides have one.
 * The result is only a candidate; the organiser confirms it when approving.
 */

/** Legal forms and their spellings, removed wherever they stand as words (after lowercasing). */
const LEGAL_FORMS = [
  "e v",
  "ev",
  "eingetragener verein",
  "ggmbh",
  "gmbh",
  "mbh",
  "gug",
  "ug",
  "haftungsbeschraenkt",
  "ag",
  "gag",
  "kg",
  "ohg",
  "eg",
  "co",
  "kgaa",
  "gbr",
  "se",
  "e k",
  "ek",
];
const LEGAL_FORM_PATTERN = new RegExp(`(^| )(${LEGAL_FORMS.sort((a, b) => b.length - a.length).join("|")})(?= |$)`, "g");

/**
 * The comparison key of an organisation's name: lowercase, ä/ö/ü/ß spelled ae/oe/ue/ss (as
 * people without a German keyboard write them), other accents dropped, punctuation as spaces,
 * legal forms removed, spaces collapsed. `"Tafel Jülich e.V."` and `"TAFEL JUELICH EV"` share a key.
 */
export function nameKey(name: string): string {
  let s = name
    .toLowerCase()
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/ß/g, "ss")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/&/g, " ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
  // Repeated: removing one form can leave another standing alone ("gmbh co kg").
  for (let i = 0; i < 3; i++) s = s.replace(LEGAL_FORM_PATTERN, " ").replace(/\s+/g, " ").trim();
  // A name that is only a legal form keeps its letters rather than matching every other such name.
  return s || name.toLowerCase().replace(/[^a-z0-9]+/g, "");
}

/** A postcode's comparable form: digits and letters only, upper case. */
export const postcodeKey = (postcode: string | null | undefined) => (postcode ?? "").replace(/[^0-9A-Za-z]/g, "").toUpperCase();

export interface OrganisationRef {
  id: number;
  name: string;
  postcode: string | null;
}

/**
 * The best existing organisation for a registered name and postcode, or null. Names must share
 * their {@link nameKey}; postcodes must be equal when both are known. An equal postcode beats a
 * missing one; among equals the oldest record (lowest id) wins, so the choice is stable.
 */
export function bestMatch(name: string, postcode: string | null | undefined, candidates: readonly OrganisationRef[]): OrganisationRef | null {
  const key = nameKey(name);
  const pc = postcodeKey(postcode);
  let best: { ref: OrganisationRef; rank: number } | null = null;
  for (const c of candidates) {
    if (nameKey(c.name) !== key) continue;
    const other = postcodeKey(c.postcode);
    if (pc && other && pc !== other) continue;
    const rank = pc && other ? 0 : 1;
    if (!best || rank < best.rank || (rank === best.rank && c.id < best.ref.id)) best = { ref: c, rank };
  }
  return best?.ref ?? null;
}
