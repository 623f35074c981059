/**
 * @module
 * Directory entries in the demo data (docs/directory.md): in every seed place the intermediaries
 * publish their entry with consent — the first one (the region's main organiser) with a public
 * contact (a function mailbox, an office phone, a website), the others with a website only. SQL
 * statements run after the rest of the demo data is loaded, so the entries follow the
 * organisations whatever the generator made of them.
 */
import { DIRECTORY_CONSENT_TEXT } from "../../worker/directory/edit";
import { FOCUS_REGIONS } from "./places";

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;
const slug = (s: string) =>
  s.toLowerCase().replace(/ä/g, "ae").replace(/ö/g, "oe").replace(/ü/g, "ue").replace(/ß/g, "ss").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

/** One statement per seed place: its intermediaries' published entries. */
export function* directoryDemoSql(asOf: string): Generator<string> {
  for (const r of FOCUS_REGIONS) {
    const [place, postcode] = r.places[0];
    const town = place === "Innenstadt" || place === "Zentrum" || place === "Stadtkern" || place === "Centrum" ? r.mainTown : `${r.mainTown}-${place}`;
    const formats = Object.keys(r.formats).filter((k) => k !== "other").join(",");
    const description = r.dutch
      ? `Vrijwilligerscentrale en makelaar voor maatschappelijke betrokkenheid in ${r.label}: wij brengen bedrijven en maatschappelijke organisaties samen.`
      : `Wir bringen in ${r.label} Unternehmen und gemeinnützige Organisationen zusammen: Beratung, Vermittlung und die Formate vor Ort.`;
    const site = slug(r.label);
    const consent = quote(r.dutch ? DIRECTORY_CONSENT_TEXT.nl : DIRECTORY_CONSENT_TEXT.de);
    yield `INSERT INTO directory_entries (organisation_id, published, description, place, postcode, formats, contact_name, contact_email, contact_phone, website, consent_text, consent_at, consent_by, created_at, updated_at)
SELECT id, 1, ${quote(description)}, ${quote(town)}, ${quote(postcode)}, ${quote(formats)},
  CASE WHEN rn = 1 THEN ${quote(r.dutch ? "Servicepunt" : "Servicebüro")} END,
  CASE WHEN rn = 1 THEN ${quote(`${r.dutch ? "contact" : "kontakt"}@engagement-${site}.example`)} END,
  CASE WHEN rn = 1 THEN ${quote(r.dutch ? "+31 26 000 00 00" : "0800 000 00 00")} END,
  ${quote(`https://engagement-${site}.example/`)} || CASE WHEN rn = 1 THEN '' ELSE 'partner-' || rn END,
  ${consent}, ${quote(`${asOf}T09:00:00.000Z`)}, 'demo', ${quote(`${asOf}T09:00:00.000Z`)}, ${quote(`${asOf}T09:00:00.000Z`)}
FROM (SELECT o.id, row_number() OVER (ORDER BY o.id) AS rn FROM organisations o WHERE o.source = 'demo' AND o.kind = 'intermediary' AND o.region_code = ${quote(r.code)})
WHERE true ON CONFLICT (organisation_id) DO NOTHING;\n`;
  }
}
