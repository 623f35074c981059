/** Strings of the organiser's marketplace workspace and the public registration page. */
import { defineStrings } from "./define";

export const marketplaceWorkspaceStrings = defineStrings({
  de: {},
  en: {},
});
