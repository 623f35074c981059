/** Strings of an event's own results. */
import { defineStrings } from "./define";

export const marketplaceResultsStrings = defineStrings({
  de: {},
  en: {},
});
