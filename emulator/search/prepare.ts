/**
 * Tokenises a message once, so that evaluating many queries over 7k–100k messages only
 * compares arrays and sets. Fields stay separate because phrases never span fields (rule 10).
 */
import type { SearchableMessage } from '../../common/gmail-query/searchable';
import { attachmentNames, freeTextFields, messageIdKey, toRecipients } from '../../common/gmail-query/fields';
import { parseAddressList, tokenizeText, variantKey, type ParsedAddress } from '../../common/gmail-query/text';

/** One field's words in order, plus their variant keys at the same positions. */
export interface TokenSegment {
  readonly tokens: readonly string[];
  readonly stems: readonly string[];
}

export interface PreparedAddress {
  readonly nameTokens: readonly string[];
  readonly addressTokens: readonly string[];
}

export interface PreparedMessage {
  readonly message: SearchableMessage;
  readonly labelIds: ReadonlySet<string>;
  /** Every field free text looks at (rule 5a): subject, body, names, addresses, attachment names. */
  readonly freeText: readonly TokenSegment[];
  /** All tokens and variant keys of `freeText`, to reject most messages without scanning. */
  readonly freeTextTokens: ReadonlySet<string>;
  readonly freeTextStems: ReadonlySet<string>;
  readonly subject: TokenSegment;
  readonly from: readonly PreparedAddress[];
  /** To, Cc and Bcc together: what `to:` searches (rule 1a). */
  readonly to: readonly PreparedAddress[];
  readonly cc: readonly PreparedAddress[];
  readonly bcc: readonly PreparedAddress[];
  readonly deliveredto: readonly PreparedAddress[];
  readonly listTokens: readonly string[];
  readonly hasListId: boolean;
  readonly filenames: readonly (readonly string[])[];
  readonly hasAttachment: boolean;
  /** Message-ID without angle brackets, lower-cased. */
  readonly messageId: string;
}

export function segmentOf(text: string): TokenSegment {
  const tokens = tokenizeText(text);
  return { tokens, stems: tokens.map(variantKey) };
}

function prepareAddress(a: ParsedAddress): PreparedAddress {
  return { nameTokens: tokenizeText(a.name), addressTokens: tokenizeText(a.address) };
}

function prepareAddresses(header: string): PreparedAddress[] {
  return parseAddressList(header).map(prepareAddress);
}

export function prepareMessage(m: SearchableMessage): PreparedMessage {
  const subject = segmentOf(m.subject);
  const freeText = freeTextFields(m)
    .map(segmentOf)
    .filter((s) => s.tokens.length > 0);
  const names = attachmentNames(m);
  return {
    message: m,
    labelIds: new Set(m.labelIds),
    freeText,
    freeTextTokens: new Set(freeText.flatMap((s) => s.tokens)),
    freeTextStems: new Set(freeText.flatMap((s) => s.stems)),
    subject,
    from: prepareAddresses(m.from),
    to: toRecipients(m).map(prepareAddress),
    cc: prepareAddresses(m.cc),
    bcc: prepareAddresses(m.bcc),
    deliveredto: prepareAddresses(m.deliveredTo),
    listTokens: tokenizeText(m.listId),
    hasListId: m.listId.trim() !== '',
    filenames: names.map(tokenizeText),
    hasAttachment: names.length > 0,
    messageId: messageIdKey(m.rfc822MessageId),
  };
}
