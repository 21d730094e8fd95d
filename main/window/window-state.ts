/**
 * Remembers the window's size and position between runs, and refuses to restore a
 * position that no longer fits on any display (a monitor was unplugged).
 */
export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
}

export interface SavedWindowState extends WindowBounds {
  maximized: boolean;
}

export interface DisplayArea {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_WINDOW_STATE: SavedWindowState = { width: 1280, height: 820, maximized: false };

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Reads a saved state that may be missing or corrupt; anything odd yields the default. */
export function parseSavedWindowState(value: unknown): SavedWindowState {
  if (typeof value !== 'object' || value === null) return DEFAULT_WINDOW_STATE;
  const record = value as Record<string, unknown>;
  const { width, height, x, y, maximized } = record;
  if (!isFiniteNumber(width) || !isFiniteNumber(height) || width < 200 || height < 150) return DEFAULT_WINDOW_STATE;
  const state: SavedWindowState = { width: Math.round(width), height: Math.round(height), maximized: maximized === true };
  if (isFiniteNumber(x) && isFiniteNumber(y)) {
    state.x = Math.round(x);
    state.y = Math.round(y);
  }
  return state;
}

/** Keeps the saved size but drops the position unless the title bar lands on a display. */
export function fitToDisplays(state: SavedWindowState, displays: readonly DisplayArea[]): SavedWindowState {
  if (state.x === undefined || state.y === undefined) return state;
  const titleBarX = state.x + Math.min(100, state.width / 2);
  const titleBarY = state.y + 10;
  const visible = displays.some((d) => titleBarX >= d.x && titleBarX < d.x + d.width && titleBarY >= d.y && titleBarY < d.y + d.height);
  if (visible) return state;
  const { x: _x, y: _y, ...rest } = state;
  return rest;
}
