/** Strings of the matching board, its print views and the hall view. */
import { defineStrings } from "./define";

export const marketplaceBoardStrings = defineStrings({
  de: {},
  en: {},
});
