/** Strings of follow-up answers by link and the organiser's follow-up board. */
import { defineStrings } from "./define";

export const marketplaceFollowUpStrings = defineStrings({
  de: {},
  en: {},
});
