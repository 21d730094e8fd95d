import type { ViewSettings } from '../../../common/view-settings';
import { LanguageSetting } from '../i18n/LanguageSetting';
import type { MessageKey } from '../i18n/translate';
import { useT } from '../i18n/useLocale';
import { Dialog, DialogHeader } from './Dialog';
import { TextButton } from './TextButton';
import '../styles/settings.css';

/** Each setting's choices, in the order shown; the catalogs hold `settings.<group>.<value>` for each. */
const CHOICES: { readonly [K in keyof ViewSettings]?: readonly ViewSettings[K][] } = {
  theme: ['system', 'light', 'dark'],
  density: ['comfortable', 'compact'],
  readingPane: ['right', 'below', 'off'],
  remoteImages: ['ask', 'always'],
  checkEverySeconds: [20, 60, 300, 900],
};

interface SettingsDialogProps {
  readonly settings: ViewSettings;
  readonly onChange: (patch: Partial<ViewSettings>) => void;
  readonly onClose: () => void;
}

function Group<K extends keyof ViewSettings>(props: {
  name: K;
  /** Names the legend (`settings.<group>`) and each choice's label (`settings.<group>.<value>`). */
  group: 'theme' | 'density' | 'readingPane' | 'remoteImages' | 'check';
  note?: MessageKey;
  settings: ViewSettings;
  onChange: (patch: Partial<ViewSettings>) => void;
}) {
  const { name, group, note, settings, onChange } = props;
  const t = useT();
  const choices = (CHOICES[name] ?? []) as readonly ViewSettings[K][];
  return (
    <fieldset className="settings__group">
      <legend>{t(`settings.${group}`)}</legend>
      {choices.map((value) => (
        <label key={String(value)} className="settings__choice">
          <input type="radio" name={name} checked={settings[name] === value} onChange={() => onChange({ [name]: value } as Partial<ViewSettings>)} />
          <span>{t(`settings.${group}.${String(value)}` as MessageKey)}</span>
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
      <DialogHeader titleId="settings-title" title={t('settings.title')} onClose={onClose} />
      <div className="settings">
        <LanguageSetting />
        <Group name="theme" group="theme" {...common} />
        <Group name="density" group="density" {...common} />
        <Group name="readingPane" group="readingPane" {...common} />
        <Group name="remoteImages" group="remoteImages" {...common} />
        <Group name="checkEverySeconds" group="check" note="settings.check.note" {...common} />
      </div>
      <footer className="settings__footer">
        <TextButton variant="primary" size="small" onClick={onClose}>
          {t('settings.done')}
        </TextButton>
      </footer>
    </Dialog>
  );
}
