/**
 * Sanitiser time on adversarial inputs, in Node (the CSS cleaner and the size pre-check
 * are pure; DOMPurify needs a DOM and is bounded by the pre-check). Prints JSON.
 * Run: npx tsx bench/sanitize.ts
 */
import { sanitizeStyleAttribute, sanitizeStyleSheet } from '../renderer/src/lib/mail-css';
import { isTooLargeToSanitize } from '../renderer/src/lib/sanitize-mail';

function time(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return Math.round((performance.now() - start) * 100) / 100;
}

const spaces = (n: number) => ' '.repeat(n);
const results = {
  styleUrlSpaces3000Ms: time(() => sanitizeStyleSheet(`p{background:url(${spaces(3000)}}`, false)),
  styleUrlSpaces6000Ms: time(() => sanitizeStyleSheet(`p{background:url(${spaces(6000)}}`, false)),
  attrUrlSpaces6000Ms: time(() => sanitizeStyleAttribute(`background:url(${spaces(6000)}x`, false)),
  styleUrlSpaces1MMs: time(() => sanitizeStyleSheet(`p{background:url(${spaces(1_000_000)}`, false)),
  escapedCss1MBMs: time(() => sanitizeStyleSheet('p{background:\\5c 75rl(http://t.example/a.png)}'.repeat(20_000), false)),
  html10MBPrecheckMs: time(() => isTooLargeToSanitize('<p>x</p>'.repeat(1_310_720))),
  html10MBTooLarge: isTooLargeToSanitize('<p>x</p>'.repeat(1_310_720)),
  nested100kDivsPrecheckMs: time(() => isTooLargeToSanitize('<div>'.repeat(100_000))),
  nested100kDivsTooLarge: isTooLargeToSanitize('<div>'.repeat(100_000)),
};
console.log(JSON.stringify(results));
