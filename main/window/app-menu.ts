import type { MenuItemConstructorOptions } from 'electron';
import type { MainMessageKey } from '../i18n/en';
import { t } from '../i18n/translate';

export interface MenuActions {
  openAbout(): void;
  openHelp(): void;
}

type MenuRole = NonNullable<MenuItemConstructorOptions['role']>;

/** The application menu: platform conventions (an app menu on macOS), standard roles elsewhere, in main's language. */
export function buildAppMenuTemplate(platform: NodeJS.Platform, appName: string, actions: MenuActions): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  // Electron's own role labels are English on Windows and Linux, so every role gets ours.
  const role = (name: MenuRole): MenuItemConstructorOptions => ({ role: name, label: t(`menu.role.${name}` as MainMessageKey, { appName }) });
  const separator: MenuItemConstructorOptions = { type: 'separator' };
  const template: MenuItemConstructorOptions[] = [];
  if (isMac) {
    template.push({
      label: appName,
      submenu: [role('about'), separator, role('services'), separator, role('hide'), role('hideOthers'), role('unhide'), separator, role('quit')],
    });
  }
  template.push(
    { label: t('menu.file'), submenu: [isMac ? role('close') : role('quit')] },
    { label: t('menu.edit'), submenu: [role('undo'), role('redo'), separator, role('cut'), role('copy'), role('paste'), role('selectAll')] },
    {
      label: t('menu.view'),
      submenu: [role('reload'), role('toggleDevTools'), separator, role('resetZoom'), role('zoomIn'), role('zoomOut'), separator, role('togglefullscreen')],
    },
    { label: t('menu.window'), submenu: isMac ? [role('minimize'), role('zoom'), separator, role('front')] : [role('minimize'), role('close')] },
    {
      label: t('menu.help'),
      submenu: [
        { label: t('menu.helpItem'), click: () => actions.openHelp() },
        ...(isMac ? [] : [separator, { label: t('menu.about', { appName }), click: () => actions.openAbout() }]),
      ],
    },
  );
  return template;
}
