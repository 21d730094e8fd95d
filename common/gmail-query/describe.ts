/**
 * Turns a parsed query back into a normalised Gmail query string, for the UI's
 * "searched for: …" line. Precedence is made explicit with parentheses.
 */
import type { QueryNode } from './ast';

function fieldPrefix(field: string): string {
  return field === 'any' ? '' : `${field}:`;
}

function describeChild(node: QueryNode, parent: 'and' | 'or'): string {
  const text = describeQuery(node);
  const needsParens = (node.kind === 'and' && parent === 'or') || (node.kind === 'or' && parent === 'and');
  return needsParens ? `(${text})` : text;
}

export function describeQuery(node: QueryNode | null): string {
  if (node === null) return '';
  switch (node.kind) {
    case 'word': {
      // list:/filename: are always exact, so only free text and subject: show a written `+`.
      const plus = node.exact && (node.field === 'any' || node.field === 'subject') ? '+' : '';
      return `${plus}${fieldPrefix(node.field)}${node.raw}`;
    }
    case 'phrase':
      return `${fieldPrefix(node.field)}"${node.tokens.join(' ')}"`;
    case 'address':
      return `${node.field}:${node.me ? 'me' : node.raw}`;
    case 'rfc822msgid':
      return `rfc822msgid:${node.messageId}`;
    case 'label':
      return /\s/.test(node.name) ? `label:"${node.name}"` : `label:${node.name}`;
    case 'is':
    case 'in':
    case 'has':
    case 'category':
      return `${node.kind}:${node.value}`;
    case 'date':
      return `${node.op}:${node.raw}`;
    case 'relativeDate':
      return `${node.op}:${node.amount}${node.unit}`;
    case 'size':
      return `${node.op}:${node.bytes}`;
    case 'around': {
      const text = `${node.left.join(' ')} AROUND ${node.distance} ${node.right.join(' ')}`;
      return node.ordered ? `"${text}"` : text;
    }
    case 'nothing':
      return node.raw;
    case 'not': {
      const inner = describeQuery(node.child);
      return node.child.kind === 'and' || node.child.kind === 'or' ? `-(${inner})` : `-${inner}`;
    }
    case 'and':
      return node.children.map((c) => describeChild(c, 'and')).join(' ');
    case 'or':
      return node.children.map((c) => describeChild(c, 'or')).join(' OR ');
  }
}
