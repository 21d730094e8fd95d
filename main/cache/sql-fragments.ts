/**
 * The pieces a compiled query is made of (Frag) and their algebra: AND/OR/NOT fold constants,
 * merge full-text leaves into one FTS5 MATCH, and toSql() prints a piece as SQL over `messages m`.
 */
export interface SqlFragment {
  readonly sql: string;
  readonly params: readonly unknown[];
}

export type Frag =
  | { readonly kind: 'const'; readonly value: boolean }
  | { readonly kind: 'fts'; readonly expr: string }
  | { readonly kind: 'notfts'; readonly expr: string }
  | { readonly kind: 'sql'; readonly sql: string; readonly params: readonly unknown[] }
  /** Messages with any of `labelIds` (none of them when negated); `perRow`: checked row by row, else materialised. */
  | { readonly kind: 'labels'; readonly labelIds: readonly string[]; readonly negate: boolean; readonly perRow: boolean; readonly count: number }
  /** internalDate >= at (`after`) or < at (`before`). */
  | { readonly kind: 'range'; readonly op: 'after' | 'before'; readonly at: number }
  | { readonly kind: 'and'; readonly children: readonly Frag[] };

export const TRUE: Frag = { kind: 'const', value: true };
export const FALSE: Frag = { kind: 'const', value: false };

export function quotePhrase(tokens: readonly string[]): string {
  // Tokens are runs of letters, digits, marks and "_": they never contain a double quote.
  return `"${tokens.join(' ')}"`;
}

/** The phrase `tokens` in any of `columns`. */
export function fts(columns: string | readonly string[], tokens: readonly string[]): Frag {
  return ftsAny(columns, [tokens]);
}

/** An FTS5 column filter: `col` or `{col1 col2}`. */
export function columnSet(columns: string | readonly string[]): string {
  return typeof columns === 'string' ? columns : columns.length === 1 ? columns[0]! : `{${columns.join(' ')}}`;
}

/** Any of these phrases, in any of `columns` (a phrase still matches within one column). */
export function ftsAny(columns: string | readonly string[], phrases: readonly (readonly string[])[]): Frag {
  const set = columnSet(columns);
  if (phrases.length === 0) return FALSE;
  const body = phrases.length === 1 ? quotePhrase(phrases[0]!) : `(${phrases.map(quotePhrase).join(' OR ')})`;
  return { kind: 'fts', expr: `${set} : ${body}` };
}

export function sql(text: string, params: readonly unknown[] = []): Frag {
  return { kind: 'sql', sql: text, params };
}

export function placeholders(n: number): string {
  return new Array(n).fill('?').join(', ');
}

export function group(exprs: readonly string[], op: 'AND' | 'OR'): string {
  return exprs.length === 1 ? exprs[0]! : `(${exprs.join(` ${op} `)})`;
}

export function and(parts: readonly Frag[]): Frag {
  const children: Frag[] = [];
  for (const p of parts) {
    if (p.kind === 'const') {
      if (!p.value) return FALSE;
    } else if (p.kind === 'and') children.push(...p.children);
    else children.push(p);
  }
  return andOf(mergeNegatedText(children));
}

function andOf(children: readonly Frag[]): Frag {
  if (children.length === 0) return TRUE;
  return children.length === 1 ? children[0]! : { kind: 'and', children };
}

/**
 * `-a -b -c ...` as one `NOT IN (MATCH a OR b OR c)` rather than one subquery each (a
 * 2,048-character query of negations took 0.6 s on a 7,000-mail cache); repeated terms once.
 */
function mergeNegatedText(children: readonly Frag[]): Frag[] {
  const negated = new Set<string>();
  const positive = new Set<string>();
  const out: Frag[] = [];
  for (const c of children) {
    if (c.kind === 'notfts') negated.add(c.expr);
    else if (c.kind === 'fts') {
      if (!positive.has(c.expr)) out.push(c);
      positive.add(c.expr);
    } else out.push(c);
  }
  if (negated.size > 0) out.push({ kind: 'notfts', expr: group([...negated], 'OR') });
  return out;
}

export function or(parts: readonly Frag[]): Frag {
  const kept: Frag[] = [];
  for (const p of parts) {
    if (p.kind === 'const') {
      if (p.value) return TRUE;
    } else kept.push(p);
  }
  if (kept.length === 0) return FALSE;
  if (kept.length === 1) return kept[0]!;
  const positive = kept.filter((p): p is Extract<Frag, { kind: 'fts' }> => p.kind === 'fts').map((p) => p.expr);
  if (positive.length === kept.length) return { kind: 'fts', expr: group(positive, 'OR') };
  // Full-text alternatives still go to FTS5 together; the rest are ORed in SQL.
  const rest = kept.filter((p) => p.kind !== 'fts').map(toSql);
  if (positive.length > 0) rest.unshift(toSql({ kind: 'fts', expr: group(positive, 'OR') }));
  return sql(
    `(${rest.map((s) => s.sql).join(' OR ')})`,
    rest.flatMap((s) => s.params),
  );
}

export function not(inner: Frag): Frag {
  switch (inner.kind) {
    case 'const':
      return inner.value ? FALSE : TRUE;
    case 'fts':
      return { kind: 'notfts', expr: inner.expr };
    case 'notfts':
      return { kind: 'fts', expr: inner.expr };
    case 'range':
      return { kind: 'range', op: inner.op === 'after' ? 'before' : 'after', at: inner.at };
    case 'labels':
      return { ...inner, negate: !inner.negate };
    case 'sql':
    case 'and': {
      const s = toSql(inner);
      return sql(`NOT (${s.sql})`, s.params);
    }
  }
}

/** One MATCH for the full-text conjuncts of an AND: the positive ones ANDed, the negated ones NOTed off them. */
export function matchOf(conjuncts: readonly Frag[]): { expr: string; rest: Frag[] } | null {
  const positive = conjuncts.filter((f): f is Extract<Frag, { kind: 'fts' }> => f.kind === 'fts').map((f) => f.expr);
  if (positive.length === 0) return null;
  const negative = conjuncts.filter((f): f is Extract<Frag, { kind: 'notfts' }> => f.kind === 'notfts').map((f) => f.expr);
  const expr = [group(positive, 'AND'), ...negative.map((n) => `NOT ${n.startsWith('(') ? n : `(${n})`}`)].join(' ');
  return { expr, rest: conjuncts.filter((f) => f.kind !== 'fts' && f.kind !== 'notfts') };
}

export function toSql(f: Frag): SqlFragment {
  switch (f.kind) {
    case 'const':
      return { sql: f.value ? '1' : '0', params: [] };
    case 'sql':
      return f;
    case 'labels': {
      const list = placeholders(f.labelIds.length);
      if (f.perRow)
        return {
          sql: `${f.negate ? 'NOT ' : ''}EXISTS (SELECT 1 FROM message_labels WHERE label_id IN (${list}) AND message_rowid = m.rowid)`,
          params: f.labelIds,
        };
      return { sql: `m.rowid ${f.negate ? 'NOT IN' : 'IN'} (SELECT message_rowid FROM message_labels WHERE label_id IN (${list}))`, params: f.labelIds };
    }
    case 'fts':
      return { sql: 'm.rowid IN (SELECT rowid FROM message_fts WHERE message_fts MATCH ?)', params: [f.expr] };
    case 'notfts':
      return { sql: 'm.rowid NOT IN (SELECT rowid FROM message_fts WHERE message_fts MATCH ?)', params: [f.expr] };
    case 'range':
      return { sql: f.op === 'after' ? 'm.internal_date >= ?' : 'm.internal_date < ?', params: [f.at] };
    case 'and': {
      const merged = matchOf(f.children);
      const parts = merged ? [toSql({ kind: 'fts', expr: merged.expr }), ...merged.rest.map(toSql)] : f.children.map(toSql);
      return { sql: `(${parts.map((p) => p.sql).join(' AND ')})`, params: parts.flatMap((p) => p.params) };
    }
  }
}
