/**
 * Escaping for the report page. Every piece of text on the page comes from result files that
 * anyone can write (scenario names and descriptions, outcome words, counterexample YAML), so
 * every one goes through here before it meets markup: a scenario named `<script>` must read as
 * those eight characters, never run.
 */

const ENTITIES: Readonly<Record<string, string>> = Object.freeze({
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
});

/**
 * `text` safe both as element content and inside a quoted attribute value: the five characters
 * that can end either are replaced by entities.
 */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
