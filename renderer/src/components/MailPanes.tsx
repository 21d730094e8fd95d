import type { CSSProperties, ReactNode } from 'react';
import type { usePaneLayout } from '../state/usePaneLayout';
import { PaneSplitter } from './PaneSplitter';
import { useT } from '../i18n/useLocale';
import '../styles/layout.css';

interface MailPanesProps {
  readonly panes: ReturnType<typeof usePaneLayout>;
  /** Whether a conversation is open: in one column it takes the list's place. */
  readonly open: boolean;
  readonly sidebar: ReactNode;
  readonly list: ReactNode;
  readonly reading: ReactNode;
}

/** The pane sizes as custom properties, set on the window so the title bar lines up too. */
export function paneStyle(panes: ReturnType<typeof usePaneLayout>): CSSProperties {
  return {
    '--sidebar-width': `${panes.sidebar.value}px`,
    '--list-width': `${panes.list.value}px`,
    '--list-height': `${panes.listHeight.value}px`,
  } as CSSProperties;
}

/** Sidebar, list and reading pane, laid out for the window: side by side, stacked, or one at a time. */
export function MailPanes({ panes, open, sidebar, list, reading }: MailPanesProps) {
  const t = useT();
  // The list's own splitter: its width beside the reading pane, its height above it.
  const listSize = panes.layout === 'right' ? panes.list : panes.layout === 'below' ? panes.listHeight : null;
  return (
    <div className="app__body" data-layout={panes.layout} data-showing={open ? 'message' : 'list'} data-testid="mail-panes">
      {sidebar}
      <PaneSplitter orientation="vertical" label={t('panes.resizeSidebar')} testId="splitter-sidebar" size={panes.sidebar} />
      {list}
      {listSize ? (
        <PaneSplitter
          key={panes.layout}
          orientation={panes.layout === 'below' ? 'horizontal' : 'vertical'}
          label={t('panes.resizeList')}
          testId="splitter-list"
          size={listSize}
        />
      ) : null}
      {reading}
    </div>
  );
}
