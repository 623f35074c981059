/**
 * @module
 * Where the demo organisations live: the regions named in the seed text, with
 * quarters/towns and their postcodes, and the postal regions (Leitregionen) of each state for all
 * other districts. Postcodes are plausible for the region, not an address register.
 */

/** A quarter or town inside a region and one of its postcodes (German 5 digits, Dutch 4 digits). */
export type Place = readonly [name: string, postcode: string];

export type EventFormat = "action_day" | "marketplace" | "round_table" | "action_72h" | "social_day" | "other";

export interface FocusRegion {
  code: string;
  /** Relative share of organisations in the default (regional) data set. */
  weight: number;
  /** Name used in titles and organisation names ("Frankfurt", "Arnhem"). */
  label: string;
  /** Seat of the city administration / municipal utilities ("Stadtwerke …"). */
  mainTown: string;
  places: readonly Place[];
  /** Formats held in the region and the first year of each. */
  formats: Partial<Record<EventFormat, number>>;
  dutch?: boolean;
}

/**
 * Regions the seed text names: engagement marketplaces in Frankfurt, Jena and the Ruhr, the round
 * table of engaged companies in Brandenburg, the round tables in Arnhem.
 */
export const FOCUS_REGIONS: readonly FocusRegion[] = [
  {
    code: "06412", weight: 3.0, label: "Frankfurt", mainTown: "Frankfurt am Main",
    formats: { marketplace: 2016, action_day: 2016, social_day: 2017, action_72h: 2019, other: 2016 },
    places: [
      ["Innenstadt", "60311"], ["Bahnhofsviertel", "60329"], ["Westend", "60323"], ["Nordend", "60318"], ["Bornheim", "60385"],
      ["Ostend", "60314"], ["Sachsenhausen", "60594"], ["Bockenheim", "60487"], ["Gallus", "60326"], ["Höchst", "65929"],
      ["Griesheim", "65933"], ["Fechenheim", "60386"], ["Niederrad", "60528"], ["Rödelheim", "60489"], ["Preungesheim", "60435"],
      ["Nied", "65934"], ["Bonames", "60437"], ["Sossenheim", "65936"], ["Riedberg", "60438"], ["Oberrad", "60599"],
    ],
  },
  {
    code: "16053", weight: 1.3, label: "Jena", mainTown: "Jena",
    formats: { marketplace: 2016, action_day: 2016, action_72h: 2019, social_day: 2018, other: 2017 },
    places: [
      ["Zentrum", "07743"], ["Lobeda", "07747"], ["Winzerla", "07745"], ["Jena-Nord", "07743"], ["Jena-Ost", "07749"],
      ["Wenigenjena", "07749"], ["Göschwitz", "07745"], ["Zwätzen", "07743"], ["Burgau", "07745"], ["Drackendorf", "07747"],
    ],
  },
  {
    code: "05113", weight: 2.0, label: "Essen", mainTown: "Essen",
    formats: { marketplace: 2016, action_day: 2016, action_72h: 2019, other: 2016 },
    places: [
      ["Stadtkern", "45127"], ["Rüttenscheid", "45130"], ["Altendorf", "45143"], ["Frohnhausen", "45144"], ["Steele", "45276"],
      ["Kray", "45307"], ["Katernberg", "45327"], ["Borbeck", "45355"], ["Werden", "45239"], ["Kettwig", "45219"],
      ["Altenessen", "45329"], ["Holsterhausen", "45147"], ["Huttrop", "45138"], ["Karnap", "45329"], ["Überruhr", "45277"],
    ],
  },
  {
    code: "05913", weight: 2.0, label: "Dortmund", mainTown: "Dortmund",
    formats: { marketplace: 2016, action_day: 2017, action_72h: 2019, social_day: 2019, other: 2016 },
    places: [
      ["Innenstadt", "44135"], ["Nordstadt", "44145"], ["Hörde", "44263"], ["Aplerbeck", "44287"], ["Eving", "44339"],
      ["Huckarde", "44369"], ["Mengede", "44359"], ["Brackel", "44309"], ["Scharnhorst", "44328"], ["Hombruch", "44225"],
      ["Lütgendortmund", "44388"], ["Kreuzviertel", "44139"], ["Dorstfeld", "44149"], ["Wickede", "44319"],
    ],
  },
  {
    code: "05911", weight: 1.5, label: "Bochum", mainTown: "Bochum",
    formats: { marketplace: 2017, action_day: 2016, action_72h: 2019, other: 2018 },
    places: [
      ["Innenstadt", "44787"], ["Ehrenfeld", "44789"], ["Wattenscheid", "44866"], ["Langendreer", "44892"], ["Gerthe", "44805"],
      ["Weitmar", "44795"], ["Querenburg", "44801"], ["Linden", "44879"], ["Riemke", "44807"], ["Hamme", "44793"], ["Werne", "44894"],
    ],
  },
  {
    code: "05112", weight: 1.5, label: "Duisburg", mainTown: "Duisburg",
    formats: { marketplace: 2018, action_day: 2016, action_72h: 2019, other: 2017 },
    places: [
      ["Innenstadt", "47051"], ["Hochfeld", "47053"], ["Neudorf", "47057"], ["Marxloh", "47169"], ["Hamborn", "47166"],
      ["Meiderich", "47137"], ["Rheinhausen", "47226"], ["Walsum", "47179"], ["Homberg", "47198"], ["Buchholz", "47249"],
      ["Ruhrort", "47119"], ["Wanheimerort", "47055"], ["Huckingen", "47259"],
    ],
  },
  {
    code: "12054", weight: 1.2, label: "Potsdam", mainTown: "Potsdam",
    formats: { round_table: 2016, action_day: 2016, social_day: 2018, other: 2016 },
    places: [
      ["Innenstadt", "14467"], ["Babelsberg", "14482"], ["Potsdam West", "14471"], ["Bornstedt", "14469"], ["Waldstadt", "14478"],
      ["Drewitz", "14480"], ["Am Stern", "14480"], ["Schlaatz", "14478"], ["Golm", "14476"], ["Groß Glienicke", "14476"],
    ],
  },
  {
    code: "12069", weight: 1.0, label: "Potsdam-Mittelmark", mainTown: "Bad Belzig",
    formats: { round_table: 2016, action_day: 2019, other: 2018 },
    places: [
      ["Werder (Havel)", "14542"], ["Teltow", "14513"], ["Kleinmachnow", "14532"], ["Stahnsdorf", "14532"], ["Bad Belzig", "14806"],
      ["Beelitz", "14547"], ["Michendorf", "14552"], ["Treuenbrietzen", "14929"], ["Ziesar", "14793"], ["Brück", "14822"],
    ],
  },
  {
    code: "12060", weight: 0.8, label: "Barnim", mainTown: "Eberswalde",
    formats: { round_table: 2016, action_day: 2018, other: 2019 },
    places: [
      ["Eberswalde", "16225"], ["Bernau bei Berlin", "16321"], ["Panketal", "16341"], ["Wandlitz", "16348"], ["Ahrensfelde", "16356"],
      ["Werneuchen", "16356"], ["Joachimsthal", "16247"], ["Biesenthal", "16359"], ["Schorfheide", "16244"],
    ],
  },
  {
    code: "12065", weight: 0.9, label: "Oberhavel", mainTown: "Oranienburg",
    formats: { round_table: 2016, action_day: 2017, other: 2018 },
    places: [
      ["Oranienburg", "16515"], ["Hennigsdorf", "16761"], ["Hohen Neuendorf", "16540"], ["Velten", "16727"], ["Gransee", "16775"],
      ["Zehdenick", "16792"], ["Fürstenberg/Havel", "16798"], ["Birkenwerder", "16547"], ["Glienicke/Nordbahn", "16548"], ["Kremmen", "16766"],
    ],
  },
  {
    code: "12063", weight: 0.8, label: "Havelland", mainTown: "Rathenow",
    formats: { round_table: 2016, action_day: 2018, other: 2019 },
    places: [
      ["Falkensee", "14612"], ["Nauen", "14641"], ["Rathenow", "14712"], ["Premnitz", "14727"], ["Dallgow-Döberitz", "14624"],
      ["Wustermark", "14641"], ["Ketzin/Havel", "14669"], ["Friesack", "14662"], ["Brieselang", "14656"],
    ],
  },
  {
    code: "NL-ARN", weight: 0.9, label: "Arnhem", mainTown: "Arnhem", dutch: true,
    formats: { round_table: 2016, other: 2017 },
    places: [
      ["Centrum", "6811"], ["Spijkerkwartier", "6828"], ["Presikhaaf", "6826"], ["Malburgen", "6836"], ["Schuytgraaf", "6846"],
      ["Elden", "6845"], ["Geitenkamp", "6815"], ["Klarendal", "6821"], ["Vredenburg", "6843"], ["Rijkerswoerd", "6843"],
    ],
  },
];

/** States whose focus districts share one state-wide round table (seed: "Runder Tisch … in Brandenburg"). */
export const STATE_ROUND_TABLES: ReadonlyArray<readonly [stateCode: string, label: string]> = [["12", "Brandenburg"]];

/** Two-digit postal regions (Leitregionen) that lie mostly in each state. */
export const STATE_POSTAL_REGIONS: Readonly<Record<string, readonly string[]>> = {
  "01": ["23", "24", "25"],
  "02": ["20", "21", "22"],
  "03": ["26", "27", "29", "30", "31", "37", "38", "49"],
  "04": ["28"],
  "05": ["32", "33", "40", "41", "42", "44", "45", "46", "47", "48", "50", "51", "52", "53", "57", "58", "59"],
  "06": ["34", "35", "36", "60", "61", "63", "64", "65"],
  "07": ["54", "55", "56", "67"],
  "08": ["68", "69", "70", "71", "72", "73", "74", "75", "76", "77", "78", "79", "88", "89"],
  "09": ["80", "81", "82", "83", "84", "85", "86", "87", "90", "91", "92", "93", "94", "95", "96", "97"],
  "10": ["66"],
  "11": ["10", "12", "13"],
  "12": ["03", "14", "15", "16"],
  "13": ["17", "18", "19"],
  "14": ["01", "02", "04", "08", "09"],
  "15": ["06", "39"],
  "16": ["07", "98", "99"],
};

/** Generic quarter names for districts without a hand-made place list. */
export const GENERIC_QUARTERS: readonly string[] = ["Mitte", "Nord", "Süd", "Ost", "West", "Altstadt", "Neustadt", "Innenstadt"];

const DUTCH_LETTERS = "ABCDEGHJKLMNPRTVWXZ";

/** A Dutch postcode "6811 AB" for a 4-digit area. */
export function dutchPostcode(area: string, a: number, b: number): string {
  return `${area} ${DUTCH_LETTERS[a % DUTCH_LETTERS.length]}${DUTCH_LETTERS[b % DUTCH_LETTERS.length]}`;
}
