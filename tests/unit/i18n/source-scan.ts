/**
 * Reads the project's sources with the TypeScript compiler (never regex): which message
 * keys the code names, and which user-facing literals are left in JSX.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export const repoRoot = path.resolve(import.meta.dirname, '../../..');

export function sourceFiles(dir: string, extensions: readonly string[]): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(repoRoot, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(rel, extensions));
    else if (extensions.some((ext) => entry.name.endsWith(ext))) out.push(rel);
  }
  return out;
}

function parse(file: string, text = readFileSync(path.join(repoRoot, file), 'utf8')): ts.SourceFile {
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
}

function walk(node: ts.Node, visit: (node: ts.Node) => void): void {
  visit(node);
  node.forEachChild((child) => walk(child, visit));
}

/**
 * Every string the code could use as a key: whole string literals, and template literals as
 * patterns (`menu.role.${name}` matches any "menu.role.*" key).
 */
export function keyReferences(files: readonly string[]): { literals: Set<string>; patterns: RegExp[] } {
  const literals = new Set<string>();
  const patterns: RegExp[] = [];
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const file of files) {
    walk(parse(file), (node) => {
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) literals.add(node.text);
      else if (ts.isTemplateExpression(node)) {
        const parts = [escape(node.head.text), ...node.templateSpans.map((span) => `[^.]+${escape(span.literal.text)}`)];
        patterns.push(new RegExp(`^${parts.join('')}$`));
      }
    });
  }
  return { literals, patterns };
}

/** Literal keys handed to `t('…')` and `<Message id="…">`: keys that must exist in the catalog. */
export function translateCallKeys(files: readonly string[]): { file: string; key: string }[] {
  const keys: { file: string; key: string }[] = [];
  for (const file of files) {
    walk(parse(file), (node) => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 't') {
        const first = node.arguments[0];
        if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) keys.push({ file, key: first.text });
      } else if ((ts.isJsxSelfClosingElement(node) || ts.isJsxOpeningElement(node)) && node.tagName.getText() === 'Message') {
        for (const attr of node.attributes.properties) {
          if (ts.isJsxAttribute(attr) && attr.name.getText() === 'id' && attr.initializer && ts.isStringLiteral(attr.initializer)) {
            keys.push({ file, key: attr.initializer.text });
          }
        }
      }
    });
  }
  return keys;
}

/** Attributes a person reads or hears (screen readers); their literal values need the catalog. */
export const USER_FACING_ATTRIBUTES = new Set([
  'title',
  'aria-label',
  'aria-description',
  'aria-placeholder',
  'aria-roledescription',
  'aria-valuetext',
  'placeholder',
  'alt',
  'label',
  'heading',
  'message',
  'hint',
  'description',
  'body',
  'confirm',
  'cancel',
]);

/** Elements whose text is not language: key caps are the same keys in every language. */
const UNTRANSLATED_ELEMENTS = new Set(['kbd', 'code']);

/** JSX text keeps entities as written ("&lt;" has letters); what a person sees is the character. */
function decodeEntities(text: string): string {
  return text.replace(/&(#x?[\da-f]+|[a-z]+);/gi, ' ');
}

const hasWords = (text: string) => /\p{L}/u.test(decodeEntities(text));

export interface LiteralFinding {
  readonly file: string;
  readonly line: number;
  readonly text: string;
}

/** String literals an expression can evaluate to directly (branches of ?:, &&, ||, ??). */
function directStrings(expr: ts.Expression): ts.Node[] {
  if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) return [expr];
  if (ts.isTemplateExpression(expr)) return [expr, ...expr.templateSpans.flatMap((span) => directStrings(span.expression))];
  if (ts.isParenthesizedExpression(expr)) return directStrings(expr.expression);
  if (ts.isConditionalExpression(expr)) return [...directStrings(expr.whenTrue), ...directStrings(expr.whenFalse)];
  if (
    ts.isBinaryExpression(expr) &&
    [ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken].includes(expr.operatorToken.kind)
  ) {
    return [...directStrings(expr.left), ...directStrings(expr.right)];
  }
  return [];
}

function literalText(node: ts.Node): string {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ');
  return node.getText();
}

function insideUntranslated(node: ts.Node): boolean {
  for (let p: ts.Node | undefined = node.parent; p; p = p.parent) {
    if (ts.isJsxElement(p) && UNTRANSLATED_ELEMENTS.has(p.openingElement.tagName.getText())) return true;
  }
  return false;
}

/**
 * JSX text and user-facing attribute values written as literals in a .tsx file. A literal that
 * is a catalog key (`title="settings.theme"` handed to a component that translates it) is fine.
 */
export function literalUserStrings(file: string, text?: string, isKey: (s: string) => boolean = () => false): LiteralFinding[] {
  const source = parse(file, text);
  const findings: LiteralFinding[] = [];
  const report = (node: ts.Node, value: string) => {
    if (!hasWords(value) || isKey(value) || insideUntranslated(node)) return;
    findings.push({ file, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: value.trim() });
  };
  walk(source, (node) => {
    if (ts.isJsxText(node)) report(node, node.text);
    else if (ts.isJsxExpression(node) && node.expression && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      for (const s of directStrings(node.expression)) report(s, literalText(s));
    } else if (ts.isJsxAttribute(node) && USER_FACING_ATTRIBUTES.has(node.name.getText()) && node.initializer) {
      const init = node.initializer;
      if (ts.isStringLiteral(init)) report(init, init.text);
      else if (ts.isJsxExpression(init) && init.expression) for (const s of directStrings(init.expression)) report(s, literalText(s));
    }
  });
  return findings;
}
