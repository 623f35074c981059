/**
 * @module
 * A feature's UI strings in their own file (German first, English second), spread into the one
 * dictionary of i18n.ts. `defineStrings` makes both languages carry the same keys.
 */
export function defineStrings<K extends string>(strings: { de: Record<K, string>; en: Record<K, string> }) {
  return strings;
}
