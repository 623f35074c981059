/**
 * @module
 * Words the demo data is made of: organisation name templates by field of work and industry,
 * people's names, deal details. German first; Dutch for the organisations in Arnhem.
 *
 * Template placeholders: {P} quarter/town, {R} district ("Landkreis München"), {C} main town,
 * {S}/{S2} surnames, {Y} founding year, {T} tech word, {K} kindergarten name, {F} landmark,
 * {N} school patron, {H} house name, {W} club word.
 */

export type SizeClass = "micro" | "small" | "medium" | "large";

/** Fields of work of non-profits (stable keys, stored in organisations.field). */
export const FIELDS = [
  "youth_work", "child_daycare", "elderly_care", "disability_services", "migrant_support", "poverty_relief", "sports",
  "education", "environment", "culture", "health", "community", "animal_welfare", "social_services",
] as const;
export type Field = (typeof FIELDS)[number];

/** Industries of companies (stable keys, stored in organisations.industry). */
export const INDUSTRIES = [
  "construction_crafts", "retail", "bakery_food", "automotive", "legal_tax", "it_services", "manufacturing", "logistics",
  "hospitality", "consulting", "health_care", "media_marketing", "banking_insurance", "real_estate", "utilities", "energy",
] as const;
export type Industry = (typeof INDUSTRIES)[number];

/** Share of each field among ordinary (non-anchor) non-profits. */
export const FIELD_WEIGHTS: ReadonlyArray<readonly [Field, number]> = [
  ["youth_work", 14], ["child_daycare", 6], ["elderly_care", 9], ["disability_services", 7], ["migrant_support", 8],
  ["poverty_relief", 5], ["sports", 15], ["education", 13], ["environment", 6], ["culture", 8], ["health", 4],
  ["community", 5], ["animal_welfare", 2], ["social_services", 3],
];

export const INDUSTRY_WEIGHTS: ReadonlyArray<readonly [Industry, number]> = [
  ["construction_crafts", 16], ["retail", 12], ["bakery_food", 6], ["automotive", 6], ["legal_tax", 8], ["it_services", 9],
  ["manufacturing", 8], ["logistics", 4], ["hospitality", 6], ["consulting", 7], ["health_care", 7], ["media_marketing", 5],
  ["banking_insurance", 3], ["real_estate", 3], ["energy", 2],
];

export const NONPROFIT_TEMPLATES: Readonly<Record<Field, readonly string[]>> = {
  youth_work: [
    "Jugendhilfe {P} e.V.", "Jugendzentrum {P}", "Kinder- und Jugendhaus {P}", "Abenteuerspielplatz {P} e.V.", "Jugendfarm {P} e.V.",
    "Pfadfinderstamm {W} {P}", "Evangelische Jugend {P}", "Kinderschutzbund Ortsverband {P} e.V.", "Mädchentreff {P}",
    "Jugendwerkstatt {P} gGmbH", "Katholische Jugend {P}", "Jugendclub {P} e.V.",
  ],
  child_daycare: ["Kita {K} {P}", "Kindertagesstätte {K}", "Elterninitiative {K} e.V.", "Familienzentrum {P}", "Kinderladen {K} e.V."],
  elderly_care: [
    "Seniorenzentrum {P}", "Seniorenbegegnungsstätte {P}", "Pflegeheim Haus {H}", "Nachbarschaftshilfe für Ältere {P} e.V.",
    "Altenhilfe {P} e.V.", "Seniorentreff {P}", "Tagespflege Haus {H}",
  ],
  disability_services: [
    "Werkstatt für Menschen mit Behinderung {P}", "Inklusionsverein {P} e.V.", "Blinden- und Sehbehindertenverein {R} e.V.",
    "Wohnverbund {H} gGmbH", "Autismus-Zentrum {P}", "Förderzentrum {N}-Schule", "Integrative Wohngemeinschaft {P} e.V.",
  ],
  migrant_support: [
    "Flüchtlingshilfe {P} e.V.", "Interkultureller Verein {P} e.V.", "Integrationshilfe {P} e.V.", "Willkommensbündnis {P}",
    "Migrationsberatung {P}", "Internationaler Frauentreff {P} e.V.", "Deutsch-Türkischer Kulturverein {P} e.V.", "Sprachcafé {P} e.V.",
  ],
  poverty_relief: ["Tafel {P} e.V.", "Sozialkaufhaus {P}", "Kleiderkammer {P}", "Suppenküche {P} e.V.", "Wohnungslosenhilfe {R} e.V.", "Bahnhofsmission {C}"],
  sports: [
    "Sportverein {P} {Y} e.V.", "TuS {P} {Y} e.V.", "TSV {P} {Y} e.V.", "SV {W} {P} e.V.", "Turnverein {P} {Y} e.V.", "Fußballclub {P} {Y} e.V.",
    "Schwimmverein {P} e.V.", "Reitverein {P} e.V.", "Tischtennisclub {P} e.V.", "Behindertensportverein {P} e.V.", "Ruderclub {P} {Y} e.V.",
  ],
  education: [
    "Grundschule {P}", "Grundschule am {F}", "Gesamtschule {P}", "{N}-Schule {P}", "Gymnasium {P}", "Oberschule {P}",
    "Förderverein der {N}-Schule e.V.", "Leselernhelfer {P} e.V.", "Lernpaten {P} e.V.", "Berufskolleg {P}", "Hauptschule am {F}",
  ],
  environment: [
    "BUND Ortsgruppe {P}", "NABU-Gruppe {P}", "Naturschutzverein {P} e.V.", "Gemeinschaftsgarten {P} e.V.", "Umweltzentrum {P}",
    "Repair-Café {P}", "Imkerverein {P} e.V.", "Streuobstwiesenverein {P} e.V.",
  ],
  culture: [
    "Kulturverein {P} e.V.", "Theater {H} e.V.", "Musikschule {P} e.V.", "Heimatverein {P} e.V.", "Chor {W} {P} e.V.",
    "Kunstverein {P} e.V.", "Jugendkunstschule {P}", "Förderverein Stadtteilbibliothek {P} e.V.",
  ],
  health: ["Hospizverein {P} e.V.", "Selbsthilfekontaktstelle {R}", "Suchtberatung {P}", "Krebsberatungsstelle {R} e.V.", "Psychosoziales Zentrum {P}"],
  community: ["Bürgerverein {P} e.V.", "Nachbarschaftszentrum {P}", "Stadtteilladen {P}", "Mehrgenerationenhaus {P}", "Bürgerhaus {P} e.V."],
  animal_welfare: ["Tierheim {P}", "Tierschutzverein {P} e.V."],
  social_services: ["Sozialdienst katholischer Frauen {R} e.V.", "Sozialstation {P}", "Familienbildungsstätte {P}", "Schuldnerberatung {P} e.V."],
};

/** Large welfare organisations and other fixtures present in (almost) every district. */
export const NONPROFIT_ANCHORS: ReadonlyArray<readonly [template: string, field: Field]> = [
  ["Arbeiterwohlfahrt Kreisverband {R} e.V.", "social_services"],
  ["Caritasverband {R} e.V.", "social_services"],
  ["Diakonisches Werk {R}", "social_services"],
  ["Lebenshilfe {R} e.V.", "disability_services"],
  ["Tafel {C} e.V.", "poverty_relief"],
  ["DRK-Kreisverband {R} e.V.", "health"],
];

export interface CompanyTemplate {
  t: string;
  /** Weights of size classes micro, small, medium, large. */
  sizes: readonly [number, number, number, number];
}

const SMALL: CompanyTemplate["sizes"] = [5, 4, 1, 0];
const SME: CompanyTemplate["sizes"] = [2, 5, 3, 0.3];
const MID: CompanyTemplate["sizes"] = [0, 3, 5, 2];
const BIG: CompanyTemplate["sizes"] = [0, 0, 3, 7];

export const COMPANY_TEMPLATES: Readonly<Record<Industry, readonly CompanyTemplate[]>> = {
  construction_crafts: [
    { t: "{S} Bau GmbH", sizes: SME }, { t: "Malerbetrieb {S}", sizes: SMALL }, { t: "Elektro {S} GmbH", sizes: SME },
    { t: "Sanitär- und Heizungstechnik {S} GmbH & Co. KG", sizes: SME }, { t: "Dachdeckerei {S}", sizes: SMALL },
    { t: "Tischlerei {S}", sizes: SMALL }, { t: "Garten- und Landschaftsbau {S}", sizes: SMALL }, { t: "Zimmerei {S}", sizes: SMALL },
    { t: "{S} & {S2} Hochbau GmbH", sizes: MID },
  ],
  retail: [
    { t: "Buchhandlung {S}", sizes: SMALL }, { t: "Modehaus {S}", sizes: SME }, { t: "Blumen {S}", sizes: SMALL },
    { t: "Supermarkt {S} e.K.", sizes: SME }, { t: "Optik {S}", sizes: SMALL }, { t: "Drogerie {S}", sizes: SMALL },
    { t: "Spielwaren {S}", sizes: SMALL }, { t: "Fahrradladen {P}", sizes: SMALL }, { t: "Baumarkt {S} GmbH", sizes: MID },
  ],
  bakery_food: [
    { t: "Bäckerei {S}", sizes: SMALL }, { t: "Landbäckerei {S} GmbH", sizes: SME }, { t: "Konditorei {S}", sizes: SMALL },
    { t: "Fleischerei {S}", sizes: SMALL }, { t: "Brauerei {S} GmbH & Co. KG", sizes: MID }, { t: "Hofladen {S}", sizes: SMALL },
  ],
  automotive: [
    { t: "Autohaus {S} GmbH", sizes: SME }, { t: "Autohaus {S} & Söhne", sizes: SME }, { t: "Kfz-Werkstatt {S}", sizes: SMALL },
    { t: "Reifen {S} GmbH", sizes: SMALL }, { t: "{S} Fahrzeugtechnik AG", sizes: BIG },
  ],
  legal_tax: [
    { t: "Kanzlei {S} & {S2} Rechtsanwälte", sizes: SMALL }, { t: "{S} {S2} Rechtsanwälte PartGmbB", sizes: SME },
    { t: "Steuerberatung {S}", sizes: SMALL }, { t: "Notariat {S}", sizes: SMALL }, { t: "Wirtschaftsprüfung {S} & Partner mbB", sizes: MID },
  ],
  it_services: [
    { t: "{T} GmbH", sizes: SME }, { t: "{S} IT-Service", sizes: SMALL }, { t: "{T} Software GmbH", sizes: SME },
    { t: "{T} Systems AG", sizes: MID }, { t: "Webagentur {T}", sizes: SMALL }, { t: "Systemhaus {P} GmbH", sizes: SME },
  ],
  manufacturing: [
    { t: "{S} Maschinenbau GmbH", sizes: MID }, { t: "{S} Metallbau GmbH", sizes: SME }, { t: "{S} Kunststofftechnik AG", sizes: BIG },
    { t: "{S} Verpackungen GmbH", sizes: MID }, { t: "Druckerei {S} GmbH", sizes: SME }, { t: "{S} Elektronik GmbH", sizes: MID },
  ],
  logistics: [{ t: "{S} Logistik GmbH", sizes: MID }, { t: "Spedition {S} GmbH & Co. KG", sizes: SME }, { t: "Kurierdienst {P}", sizes: SMALL }],
  hospitality: [
    { t: "Hotel {H} {P}", sizes: SME }, { t: "Gasthaus {S}", sizes: SMALL }, { t: "Café {S}", sizes: SMALL },
    { t: "Catering {S} GmbH", sizes: SME },
  ],
  consulting: [
    { t: "{S} Consulting GmbH", sizes: SMALL }, { t: "{S} & Partner Unternehmensberatung", sizes: SME },
    { t: "Personalberatung {S}", sizes: SMALL }, { t: "Ingenieurbüro {S}", sizes: SMALL }, { t: "Architekturbüro {S} {S2}", sizes: SMALL },
  ],
  health_care: [
    { t: "Apotheke am {F}", sizes: SMALL }, { t: "{F}-Apotheke {P}", sizes: SMALL }, { t: "Zahnarztpraxis Dr. {S}", sizes: SMALL },
    { t: "Physiotherapie {S}", sizes: SMALL }, { t: "Sanitätshaus {S} GmbH", sizes: SME }, { t: "Pflegedienst {S} GmbH", sizes: SME },
  ],
  media_marketing: [{ t: "{T} Medien GmbH", sizes: SME }, { t: "Werbeagentur {S}", sizes: SMALL }, { t: "Fotostudio {S}", sizes: SMALL }, { t: "Druckhaus {P}", sizes: SME }],
  banking_insurance: [{ t: "{S} Versicherungsagentur", sizes: SMALL }, { t: "Finanzberatung {S} GmbH", sizes: SMALL }],
  real_estate: [{ t: "{S} Immobilien GmbH", sizes: SMALL }, { t: "Hausverwaltung {S}", sizes: SMALL }],
  utilities: [],
  energy: [{ t: "{P} Solar GmbH", sizes: SME }, { t: "{S} Energietechnik GmbH", sizes: SME }],
};

/** Regional institutions that exist once per district and are among the most active partners. */
export const COMPANY_ANCHORS: ReadonlyArray<readonly [template: string, industry: Industry, size: SizeClass]> = [
  ["Sparkasse {R}", "banking_insurance", "large"],
  ["Stadtwerke {C} GmbH", "utilities", "large"],
  ["Volksbank {R} eG", "banking_insurance", "medium"],
  ["Wohnungsbaugesellschaft {R} mbH", "real_estate", "large"],
];

export const PUBLIC_TEMPLATES: readonly string[] = [
  "Stadtverwaltung {C}", "Jobcenter {R}", "Volkshochschule {R}", "Stadtbibliothek {C}", "Jugendamt {R}", "Agentur für Arbeit {R}",
  "Freiwillige Feuerwehr {P}", "Gesundheitsamt {R}", "Städtisches Klinikum {C}", "Polizeiinspektion {R}", "Stadtteilbibliothek {P}",
  "Bürgeramt {P}", "Seniorenbüro {P}", "Städtische Kita {K} {P}", "Quartiersmanagement {P}", "Städtisches Jugendhaus {P}",
];

export const INTERMEDIARY_TEMPLATES: readonly string[] = [
  "Freiwilligenagentur {C}", "Ehrenamtsagentur {R}", "Bürgerstiftung {C}", "Netzwerk engagierter Unternehmen {R}",
  "Wirtschaftsjunioren {R} e.V.", "Koordinierungsstelle Bürgerengagement {R}", "Engagementbüro {P}", "Stadtteilbüro {P}",
  "Nachbarschaftsnetzwerk {P}", "Gewerbeverein {P} e.V.",
];

export const DUTCH = {
  nonprofit: [
    ["Stichting Jeugdwerk {P}", "youth_work"], ["Voedselbank {C}", "poverty_relief"], ["Buurthuis {P}", "community"],
    ["Voetbalvereniging {W} {C}", "sports"], ["Basisschool {K}", "education"], ["Stichting Nieuwkomers {P}", "migrant_support"],
    ["Zorgcentrum {H}", "elderly_care"], ["Stichting Natuur en Milieu {P}", "environment"], ["Muziekvereniging {P}", "culture"],
    ["Stichting Gehandicaptenzorg {P}", "disability_services"], ["Speeltuinvereniging {P}", "youth_work"], ["Kinderopvang {K}", "child_daycare"],
  ] as ReadonlyArray<readonly [string, Field]>,
  company: [
    ["{S} B.V.", "consulting"], ["Bakkerij {S}", "bakery_food"], ["Advocatenkantoor {S} & {S2}", "legal_tax"], ["Autobedrijf {S}", "automotive"],
    ["{T} IT B.V.", "it_services"], ["Installatiebedrijf {S}", "construction_crafts"], ["Bouwbedrijf {S} B.V.", "construction_crafts"],
    ["Fietsenwinkel {P}", "retail"], ["Drukkerij {S}", "media_marketing"], ["Hotel {H} {C}", "hospitality"],
  ] as ReadonlyArray<readonly [string, Industry]>,
  companyAnchors: [["Rabobank {C}", "banking_insurance", "large"], ["Woningcorporatie {C}", "real_estate", "large"]] as ReadonlyArray<
    readonly [string, Industry, SizeClass]
  >,
  nonprofitAnchors: [["Vluchtelingenhulp {C}", "migrant_support"], ["Stichting Welzijn {C}", "social_services"]] as ReadonlyArray<readonly [string, Field]>,
  public: ["Gemeente {C}", "Bibliotheek {C}", "Brandweer {P}", "Wijkteam {P}", "Bibliotheek {P}"],
  intermediary: ["Vrijwilligerscentrale {C}", "MVO Netwerk {C}", "Ondernemersvereniging {P}", "Wijkplatform {P}"],
  houseNames: ["De Linde", "Het Anker", "De Wingerd", "Rozenhof", "De Eikenhorst", "Het Baken", "De Hoven", "Sonnenberg"],
  clubWords: ["Eendracht", "Quick", "Voorwaarts", "Concordia", "De Adelaar", "Oranje-Wit", "Rood-Wit"],
  kitaNames: ["De Regenboog", "Het Zonnetje", "De Vlinder", "Het Kompas", "De Sterrenwacht", "De Boomgaard", "Het Klaverblad"],
  surnames: [
    "de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser", "Smit", "Meijer", "de Boer", "Mulder",
    "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf",
  ],
  firstNames: ["Jan", "Anna", "Pieter", "Sanne", "Daan", "Lotte", "Thijs", "Emma", "Bram", "Eva", "Joost", "Femke", "Ruud", "Marieke"],
};

export const SURNAMES: readonly string[] = [
  "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann", "Koch", "Richter", "Klein",
  "Wolf", "Schröder", "Neumann", "Schwarz", "Braun", "Zimmermann", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner",
  "Krause", "Meier", "Lehmann", "Schmid", "Schulze", "Maier", "Köhler", "Herrmann", "König", "Walter", "Mayer", "Huber", "Kaiser",
  "Fuchs", "Peters", "Lang", "Scholz", "Möller", "Weiß", "Jung", "Hahn", "Schubert", "Vogel", "Friedrich", "Keller", "Günther",
  "Frank", "Berger", "Winkler", "Roth", "Beck", "Lorenz", "Baumann", "Franke", "Albrecht", "Schuster", "Simon", "Ludwig", "Böhm",
  "Winter", "Kraus", "Martin", "Schumacher", "Krämer", "Vogt", "Stein", "Jäger", "Otto", "Sommer", "Groß", "Seidel", "Heinrich",
  "Brandt", "Haas", "Schreiber", "Graf", "Schulte", "Dietrich", "Ziegler", "Kuhn", "Kühn", "Pohl", "Engel", "Horn", "Busch",
  "Bergmann", "Thomas", "Voigt", "Sauer", "Arnold", "Wolff", "Pfeiffer", "Yilmaz", "Kaya", "Nowak", "Kowalski", "Öztürk", "Demir",
];

export const FIRST_NAMES: readonly string[] = [
  "Anna", "Maria", "Julia", "Laura", "Sarah", "Katharina", "Lisa", "Christina", "Sabine", "Petra", "Claudia", "Susanne", "Andrea",
  "Nicole", "Stefanie", "Sandra", "Birgit", "Monika", "Ayşe", "Fatma", "Thomas", "Michael", "Andreas", "Stefan", "Christian",
  "Markus", "Frank", "Jürgen", "Peter", "Tobias", "Jan", "Sebastian", "Martin", "Daniel", "Alexander", "Uwe", "Matthias", "Murat",
  "Mehmet", "Lukas", "Jonas", "Lena", "Hannah", "Miriam", "Karin", "Heike", "Ralf", "Dirk", "Sven", "Nadine",
];

export const TECH_WORDS: readonly string[] = [
  "Datenwerk", "Codefabrik", "Netzkonzept", "Bytewerk", "Cloudhafen", "Pixelwerk", "Datenbrücke", "Logikwerk", "Netzwerkstatt",
  "Softwareschmiede", "Digitalkontor", "Rechenwerk", "Quellcode", "Serverraum", "Schnittstelle", "Webwerk",
];
export const KITA_NAMES: readonly string[] = [
  "Regenbogen", "Sonnenschein", "Pusteblume", "Kunterbunt", "Löwenzahn", "Wirbelwind", "Spatzennest", "Arche Noah", "Villa Kunterbunt",
  "Zauberwald", "Sterntaler", "Rappelkiste",
];
export const LANDMARKS: readonly string[] = ["Markt", "Park", "Rathaus", "Stadtpark", "Bahnhof", "Rosengarten", "Schlossberg", "Mühlenteich", "Kirchplatz", "Lindenhof"];
export const SCHOOL_PATRONS: readonly string[] = [
  "Erich-Kästner", "Geschwister-Scholl", "Anne-Frank", "Astrid-Lindgren", "Albert-Schweitzer", "Friedrich-Schiller", "Heinrich-Heine",
  "Sophie-Scholl", "Goethe", "Pestalozzi", "Janusz-Korczak", "Marie-Curie", "Käthe-Kollwitz", "Bertolt-Brecht",
];
export const HOUSE_NAMES: readonly string[] = ["Lindenhof", "Abendrot", "Sonnenhang", "am Park", "Eichenhain", "Rosenhof", "Am Wasserturm", "Mühlenblick", "Sonnenblume", "Kastanienhof"];
export const CLUB_WORDS: readonly string[] = ["Blau-Weiß", "Grün-Weiß", "Rot-Weiß", "Eintracht", "Concordia", "Germania", "Viktoria", "Fortuna", "Harmonie", "Frohsinn"];

/** Target groups (stable keys, comma list in cooperations.target_groups) by field of the non-profit. */
export const TARGET_GROUPS: Readonly<Record<Field, readonly string[]>> = {
  youth_work: ["children,youth", "youth"],
  child_daycare: ["children,families"],
  elderly_care: ["seniors"],
  disability_services: ["people_with_disabilities"],
  migrant_support: ["refugees_migrants", "refugees_migrants,families"],
  poverty_relief: ["low_income", "low_income,families", "homeless"],
  sports: ["children,youth", "general_public"],
  education: ["pupils"],
  environment: ["general_public"],
  culture: ["general_public", "children,youth"],
  health: ["patients,relatives"],
  community: ["neighbourhood", "seniors,families"],
  animal_welfare: [],
  social_services: ["families", "low_income", "seniors"],
};

/** Typical range of beneficiaries of one cooperation by field of the non-profit. */
export const PEOPLE_REACHED: Readonly<Record<Field, readonly [number, number]>> = {
  youth_work: [10, 150], child_daycare: [15, 120], elderly_care: [10, 180], disability_services: [8, 150], migrant_support: [10, 200],
  poverty_relief: [40, 1500], sports: [15, 400], education: [20, 600], environment: [20, 800], culture: [20, 1000], health: [10, 200],
  community: [30, 600], animal_welfare: [0, 0], social_services: [20, 400],
};

export const GIVES_BACK: readonly string[] = [
  "Dankeschön-Urkunde und Fotos für das Intranet", "Nennung im Jahresbericht und auf der Website", "Führung durch die Einrichtung für die Belegschaft",
  "Auftritt der Kindergruppe bei der Weihnachtsfeier", "Kaffee und Kuchen für das Team", "Workshop zu interkultureller Kompetenz",
  "Erste-Hilfe-Kurs für Mitarbeitende", "Selbstgebaute Vogelhäuser für das Firmengelände", "Bericht in der Vereinszeitung",
  "Einladung zum Sommerfest", "Gebärdensprach-Schnupperkurs", "Pressetermin mit der Lokalzeitung", "Gemüsekiste aus dem Gemeinschaftsgarten",
  "Schnuppertraining für Mitarbeitende", "Lesung im Betrieb", "Praktikumsplätze werden beworben", "Bewerbungstraining durch Jugendliche erprobt",
];
