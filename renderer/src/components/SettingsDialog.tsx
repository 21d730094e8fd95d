import type { ViewSettings } from '../../../common/view-settings';
import { CloseIcon } from './icons';
import { LanguageSetting } from '../i18n/LanguageSetting';
import type { MessageKey } from '../i18n/translate';
import { useT } from '../i18n/useLocale';
import { Dialog } from './Dialog';
import '../styles/settings.css';

interface Choice<K extends keyof ViewSettings> {
  readonly value: ViewSettings[K];
  readonly label: MessageKey;
}

const THEMES: readonly Choice<'theme'>[] = [
  { value: 'system', label: 'settings.theme.system' },
  { value: 'light', label: 'settings.theme.light' },
  { value: 'dark', label: 'settings.theme.dark' },
];
const DENSITIES: readonly Choice<'density'>[] = [
  { value: 'comfortable', label: 'settings.density.comfortable' },
  { value: 'compact', label: 'settings.density.compact' },
];
const PANES: readonly Choice<'readingPane'>[] = [
  { value: 'right', label: 'settings.readingPane.right' },
  { value: 'below', label: 'settings.readingPane.below' },
  { value: 'off', label: 'settings.readingPane.off' },
];
const IMAGES: readonly Choice<'remoteImages'>[] = [
  { value: 'ask', label: 'settings.remoteImages.ask' },
  { value: 'always', label: 'settings.remoteImages.always' },
];
const CHECKS: readonly Choice<'checkEverySeconds'>[] = [
  { value: 20, label: 'settings.check.20' },
  { value: 60, label: 'settings.check.60' },
  { value: 300, label: 'settings.check.300' },
  { value: 900, label: 'settings.check.900' },
];

interface SettingsDialogProps {
  readonly settings: ViewSettings;
  readonly onChange: (patch: Partial<ViewSettings>) => void;
  readonly onClose: () => void;
}

function Group<K extends keyof ViewSettings>(props: {
  name: K;
  title: MessageKey;
  note?: MessageKey;
  choices: readonly Choice<K>[];
  settings: ViewSettings;
  onChange: (patch: Partial<ViewSettings>) => void;
}) {
  const { name, title, note, choices, settings, onChange } = props;
  const t = useT();
  return (
    <fieldset className="settings__group">
      <legend>{t(title)}</legend>
      {choices.map((choice) => (
        <label key={String(choice.value)} className="settings__choice">
          <input
            type="radio"
            name={name}
            checked={settings[name] === choice.value}
            onChange={() => onChange({ [name]: choice.value } as Partial<ViewSettings>)}
          />
          <span>{t(choice.label)}</span>
        </label>
      ))}
      {note ? <p className="settings__note">{t(note)}</p> : null}
    </fieldset>
  );
}

/** Settings, saved by main as soon as they change. */
export function SettingsDialog({ settings, onChange, onClose }: SettingsDialogProps) {
  const t = useT();
  const common = { settings, onChange };
  return (
    <Dialog className="dialog dialog--settings" testId="settings" labelledBy="settings-title" onClose={onClose}>
      <header className="dialog__header">
        <h2 id="settings-title">{t('settings.title')}</h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('shortcuts.close')}>
          <CloseIcon size={16} />
        </button>
      </header>
      <div className="settings">
        <LanguageSetting />
        <Group name="theme" title="settings.theme" choices={THEMES} {...common} />
        <Group name="density" title="settings.density" choices={DENSITIES} {...common} />
        <Group name="readingPane" title="settings.readingPane" choices={PANES} {...common} />
        <Group name="remoteImages" title="settings.remoteImages" choices={IMAGES} {...common} />
        <Group name="checkEverySeconds" title="settings.check" note="settings.check.note" choices={CHECKS} {...common} />
      </div>
      <footer className="settings__footer">
        <button type="button" className="button button--primary button--small" onClick={onClose}>
          {t('settings.done')}
        </button>
      </footer>
    </Dialog>
  );
}
