/**
 * A catalog message with elements in it ("Press {key} for shortcuts" with a <kbd>), for the
 * few sentences that carry markup. Plain strings use useT(); both take typed keys.
 */
import type { ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import type { MessageKey } from './translate';

export function Message({ id, values }: { readonly id: MessageKey; readonly values?: Record<string, ReactNode> }) {
  return <FormattedMessage id={id} values={values} ignoreTag />;
}
