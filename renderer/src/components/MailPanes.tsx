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
  return (
    <div className="app__body" data-layout={panes.layout} data-showing={open ? 'message' : 'list'} data-testid="mail-panes">
      {sidebar}
      <PaneSplitter
        orientation="vertical"
        label={t('panes.resizeSidebar')}
        testId="splitter-sidebar"
        value={panes.sidebar.value}
        min={panes.sidebar.min}
        max={panes.sidebar.max}
        onChange={panes.sidebar.set}
      />
      {list}
      {panes.layout === 'right' ? (
        <PaneSplitter
          orientation="vertical"
          label={t('panes.resizeList')}
          testId="splitter-list"
          value={panes.list.value}
          min={panes.list.min}
          max={panes.list.max}
          onChange={panes.list.set}
        />
      ) : null}
      {panes.layout === 'below' ? (
        <PaneSplitter
          orientation="horizontal"
          label={t('panes.resizeList')}
          testId="splitter-list"
          value={panes.listHeight.value}
          min={panes.listHeight.min}
          max={panes.listHeight.max}
          onChange={panes.listHeight.set}
        />
      ) : null}
      {reading}
    </div>
  );
}
