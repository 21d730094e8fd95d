import { describe, expect, it } from 'vitest';
import { DEFAULT_WINDOW_STATE, fitToDisplays, parseSavedWindowState } from '../../../main/window/window-state';
import { buildAppMenuTemplate } from '../../../main/window/app-menu';

describe('window state', () => {
  it('restores a sane saved state', () => {
    expect(parseSavedWindowState({ x: 10, y: 20, width: 900.4, height: 600, maximized: true })).toEqual({
      x: 10,
      y: 20,
      width: 900,
      height: 600,
      maximized: true,
    });
  });

  it.each([null, 'junk', { width: 'big' }, { width: 50, height: 50 }, { width: Infinity, height: 600 }])('falls back to the default for %j', (saved) => {
    expect(parseSavedWindowState(saved)).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('drops a position that is on no display, keeping the size', () => {
    const displays = [{ x: 0, y: 0, width: 1920, height: 1080 }];
    expect(fitToDisplays({ x: 3000, y: 100, width: 800, height: 600, maximized: false }, displays)).toEqual({
      width: 800,
      height: 600,
      maximized: false,
    });
    expect(fitToDisplays({ x: 100, y: 100, width: 800, height: 600, maximized: false }, displays)).toMatchObject({ x: 100 });
  });
});

describe('app menu', () => {
  const actions = { openAbout: () => undefined, openHelp: () => undefined };
  it('has an app menu on macOS and a quit item elsewhere', () => {
    const mac = buildAppMenuTemplate('darwin', 'Skimmer', actions);
    expect(mac[0]?.label).toBe('Skimmer');
    const linux = buildAppMenuTemplate('linux', 'Skimmer', actions);
    expect(linux.map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Window', '&Help']);
    const file = linux[0]?.submenu as { role?: string }[];
    expect(file.some((item) => item.role === 'quit')).toBe(true);
  });
});
