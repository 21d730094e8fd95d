/**
 * Partial responses: Google's `fields` syntax (`a,b/c,d(e,f)`, `*`), parsed into a selection
 * tree, checked against the response schema, then applied to the JSON value.
 */
import { errors } from './errors';

/** `true` = the whole value; a Map = only these keys (`*` = every key). */
export type Selection = true | Map<string, Selection>;

/** Field names a response type can carry; `true` = a leaf. Arrays are transparent, as in Google's syntax. */
export type Schema = { [key: string]: Schema | true };

function merge(a: Selection | undefined, b: Selection): Selection {
  if (a === undefined) return b;
  if (a === true || b === true) return true;
  for (const [k, v] of b) a.set(k, merge(a.get(k), v));
  return a;
}

/** Parse a fields expression. Throws the 400 "Invalid field selection" error on bad syntax. */
export function parseFields(expr: string): Selection {
  let i = 0;
  const s = expr.replace(/\s+/g, '');
  const fail = (): never => {
    throw errors.invalidFieldSelection(expr);
  };
  const name = (): string => {
    const m = /^[A-Za-z0-9_$.@*-]+/.exec(s.slice(i));
    if (!m) fail();
    i += m![0].length;
    return m![0];
  };
  const list = (): Map<string, Selection> => {
    const out = new Map<string, Selection>();
    for (;;) {
      const path = [name()];
      while (s[i] === '/') {
        i++;
        path.push(name());
      }
      let leaf: Selection = true;
      if (s[i] === '(') {
        i++;
        leaf = list();
        if (s[i] !== ')') fail();
        i++;
      }
      let sel: Selection = leaf;
      for (let k = path.length - 1; k >= 1; k--) sel = new Map([[path[k]!, sel]]);
      out.set(path[0]!, merge(out.get(path[0]!), sel));
      if (s[i] === ',') {
        i++;
        continue;
      }
      return out;
    }
  };
  if (!s) fail();
  const sel = list();
  if (i !== s.length) fail();
  return sel;
}

/** Every selected name must exist in the schema; a sub-selection of a leaf is an error. */
export function validateFields(sel: Selection, schema: Schema | true, path = ''): void {
  if (sel === true) return;
  for (const [k, sub] of sel) {
    const here = path ? `${path}/${k}` : k;
    if (schema === true) throw errors.invalidFieldSelection(here);
    if (k === '*') {
      if (sub !== true) for (const v of Object.values(schema)) validateFields(sub, v, here);
      continue;
    }
    const next = schema[k];
    if (next === undefined) throw errors.invalidFieldSelection(k);
    validateFields(sub, next, here);
  }
}

export function applyFields(value: unknown, sel: Selection): unknown {
  if (sel === true) return value;
  if (Array.isArray(value)) return value.map((v) => applyFields(v, sel));
  if (value === null || typeof value !== 'object') return value;
  const obj = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const star = sel.get('*');
  for (const [k, v] of Object.entries(obj)) {
    const sub = sel.get(k) ?? star;
    if (sub === undefined) continue;
    const picked = applyFields(v, sub);
    if (picked !== null && typeof picked === 'object' && !Array.isArray(picked) && Object.keys(picked).length === 0 && sub !== true) {
      continue;
    }
    out[k] = picked;
  }
  return out;
}

// ---- Gmail response schemas -------------------------------------------------------------

const BODY: Schema = { attachmentId: true, size: true, data: true };
const HEADER: Schema = { name: true, value: true };
export const PART_SCHEMA: Schema = { partId: true, mimeType: true, filename: true, headers: HEADER, body: BODY };
PART_SCHEMA.parts = PART_SCHEMA;

export const MESSAGE_SCHEMA: Schema = {
  id: true,
  threadId: true,
  labelIds: true,
  snippet: true,
  historyId: true,
  internalDate: true,
  sizeEstimate: true,
  payload: PART_SCHEMA,
  raw: true,
  classificationLabelValues: { labelId: true, fields: { fieldId: true, selection: true } },
};
const COLOR: Schema = { textColor: true, backgroundColor: true };
export const LABEL_SCHEMA: Schema = {
  id: true,
  name: true,
  type: true,
  messageListVisibility: true,
  labelListVisibility: true,
  messagesTotal: true,
  messagesUnread: true,
  threadsTotal: true,
  threadsUnread: true,
  color: COLOR,
};
export const THREAD_SCHEMA: Schema = { id: true, snippet: true, historyId: true, messages: MESSAGE_SCHEMA };
const HISTORY: Schema = {
  id: true,
  messages: MESSAGE_SCHEMA,
  messagesAdded: { message: MESSAGE_SCHEMA },
  messagesDeleted: { message: MESSAGE_SCHEMA },
  labelsAdded: { message: MESSAGE_SCHEMA, labelIds: true },
  labelsRemoved: { message: MESSAGE_SCHEMA, labelIds: true },
};

export const SCHEMAS = {
  profile: { emailAddress: true, messagesTotal: true, threadsTotal: true, historyId: true } as Schema,
  message: MESSAGE_SCHEMA,
  messageList: { messages: MESSAGE_SCHEMA, nextPageToken: true, resultSizeEstimate: true } as Schema,
  thread: THREAD_SCHEMA,
  threadList: { threads: THREAD_SCHEMA, nextPageToken: true, resultSizeEstimate: true } as Schema,
  label: LABEL_SCHEMA,
  labelList: { labels: LABEL_SCHEMA } as Schema,
  attachment: BODY,
  historyList: { history: HISTORY, historyId: true, nextPageToken: true } as Schema,
};
