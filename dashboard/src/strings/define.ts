/**
 * @module
 * A feature's UI strings in their own file (German first, then English and Dutch), spread into the
 * one dictionary of i18n.ts. `defineStrings` makes every language carry the same keys.
 * Dutch is optional while the existing files are being translated; a missing `nl` falls back to
 * English (i18n.ts). When given, it must be complete.
 */
export function defineStrings<K extends string>(strings: { de: Record<K, string>; en: Record<K, string>; nl?: Record<K, string> }) {
  return strings;
}
