/**
 * @module
 * A feature's UI strings in their own file (German first, then English and Dutch), spread into the
 * one dictionary of i18n.ts. `defineStrings` makes every language carry the same keys: a file
 * without complete Dutch does not typecheck.
 */
export function defineStrings<K extends string>(strings: { de: Record<K, string>; en: Record<K, string>; nl: Record<K, string> }) {
  return strings;
}
