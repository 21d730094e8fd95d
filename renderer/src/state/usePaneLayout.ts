import { useEffect, useState } from 'react';
import { usePreference } from './preferences';

export type ReadingPanePosition = 'right' | 'below' | 'off';
/** 'single': the list or the open conversation fills the space beside the sidebar, with a back action. */
export type PaneLayout = 'right' | 'below' | 'single';

/** Below this width there is no room for list and message side by side. */
export const ONE_COLUMN_BELOW = 960;
const SIDEBAR = { min: 160, max: 360, fallback: 236, narrow: 196 };
const LIST = { min: 280, fallback: 420 };
const READING_MIN = 360;
const LIST_HEIGHT = { min: 160, fallback: 320 };

function useWindowSize(): { width: number; height: number } {
  const [size, setSize] = useState(() => ({ width: window.innerWidth, height: window.innerHeight }));
  useEffect(() => {
    const onResize = () => setSize({ width: window.innerWidth, height: window.innerHeight });
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return size;
}

const clamp = (n: number, min: number, max: number) => Math.min(Math.max(n, min), Math.max(min, max));

/** Pane sizes the person dragged (remembered), fitted to the window as it is now. */
export function usePaneLayout(position: ReadingPanePosition) {
  const { width, height } = useWindowSize();
  const [sidebarPref, setSidebar] = usePreference<number>('pane.sidebar', SIDEBAR.fallback);
  const [listPref, setList] = usePreference<number>('pane.list', LIST.fallback);
  const [listHeightPref, setListHeight] = usePreference<number>('pane.listHeight', LIST_HEIGHT.fallback);

  const narrow = width < ONE_COLUMN_BELOW;
  const layout: PaneLayout = narrow || position === 'off' ? 'single' : position;
  const sidebarMax = Math.min(SIDEBAR.max, Math.floor(width * 0.3));
  const sidebar = clamp(narrow ? Math.min(sidebarPref, SIDEBAR.narrow) : sidebarPref, SIDEBAR.min, sidebarMax);
  const listMax = width - sidebar - READING_MIN;
  const list = clamp(listPref, LIST.min, listMax);
  // Title bar, status bar and a reading pane of at least 160 px.
  const listHeightMax = height - 80 - 160;
  const listHeight = clamp(listHeightPref, LIST_HEIGHT.min, listHeightMax);

  return {
    layout,
    sidebar: { value: sidebar, min: SIDEBAR.min, max: sidebarMax, set: setSidebar },
    list: { value: list, min: LIST.min, max: listMax, set: setList },
    listHeight: { value: listHeight, min: LIST_HEIGHT.min, max: listHeightMax, set: setListHeight },
  };
}
