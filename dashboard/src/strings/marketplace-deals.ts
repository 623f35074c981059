/** Strings of the deal sheet on the phone and its print view. */
import { defineStrings } from "./define";

export const marketplaceDealsStrings = defineStrings({
  de: {},
  en: {},
});
