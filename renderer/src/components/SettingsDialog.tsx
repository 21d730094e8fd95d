import { useEffect, useRef } from 'react';
import type { ViewSettings } from '../../../common/view-settings';
import { CloseIcon } from './icons';
import '../styles/settings.css';

interface Choice<K extends keyof ViewSettings> {
  readonly value: ViewSettings[K];
  readonly label: string;
}

const THEMES: readonly Choice<'theme'>[] = [
  { value: 'system', label: 'Same as the system' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];
const DENSITIES: readonly Choice<'density'>[] = [
  { value: 'comfortable', label: 'Comfortable' },
  { value: 'compact', label: 'Compact' },
];
const PANES: readonly Choice<'readingPane'>[] = [
  { value: 'right', label: 'Right of the list' },
  { value: 'below', label: 'Below the list' },
  { value: 'off', label: 'Off (open in place of the list)' },
];
const IMAGES: readonly Choice<'remoteImages'>[] = [
  { value: 'ask', label: 'Ask before showing remote images' },
  { value: 'always', label: 'Always show remote images' },
];
const CHECKS: readonly Choice<'checkEverySeconds'>[] = [
  { value: 20, label: 'Every 20 seconds' },
  { value: 60, label: 'Every minute' },
  { value: 300, label: 'Every 5 minutes' },
  { value: 900, label: 'Every 15 minutes' },
];

interface SettingsDialogProps {
  readonly settings: ViewSettings;
  readonly onChange: (patch: Partial<ViewSettings>) => void;
  readonly onClose: () => void;
}

function Group<K extends keyof ViewSettings>(props: {
  name: K;
  title: string;
  note?: string;
  choices: readonly Choice<K>[];
  settings: ViewSettings;
  onChange: (patch: Partial<ViewSettings>) => void;
}) {
  const { name, title, note, choices, settings, onChange } = props;
  return (
    <fieldset className="settings__group">
      <legend>{title}</legend>
      {choices.map((choice) => (
        <label key={String(choice.value)} className="settings__choice">
          <input
            type="radio"
            name={name}
            checked={settings[name] === choice.value}
            onChange={() => onChange({ [name]: choice.value } as Partial<ViewSettings>)}
          />
          <span>{choice.label}</span>
        </label>
      ))}
      {note ? <p className="settings__note">{note}</p> : null}
    </fieldset>
  );
}

/** Settings, saved by main as soon as they change. */
export function SettingsDialog({ settings, onChange, onClose }: SettingsDialogProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    ref.current?.focus();
    return () => previous?.focus?.();
  }, []);
  const common = { settings, onChange };
  return (
    <div className="overlay" onMouseDown={onClose}>
      <div
        ref={ref}
        className="dialog dialog--settings"
        role="dialog"
        aria-modal="true"
        aria-labelledby="settings-title"
        tabIndex={-1}
        onMouseDown={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            onClose();
          }
        }}
        data-testid="settings"
      >
        <header className="dialog__header">
          <h2 id="settings-title">Settings</h2>
          <button type="button" className="icon-button" onClick={onClose} aria-label="Close">
            <CloseIcon size={16} />
          </button>
        </header>
        <div className="settings">
          <Group name="theme" title="Theme" choices={THEMES} {...common} />
          <Group name="density" title="Density" choices={DENSITIES} {...common} />
          <Group name="readingPane" title="Reading pane" choices={PANES} {...common} />
          <Group name="remoteImages" title="Remote images" choices={IMAGES} {...common} />
          <Group
            name="checkEverySeconds"
            title="Check for new mail"
            note="A new interval applies the next time Skimmer starts."
            choices={CHECKS}
            {...common}
          />
        </div>
        <footer className="settings__footer">
          <button type="button" className="button button--primary button--small" onClick={onClose}>
            Done
          </button>
        </footer>
      </div>
    </div>
  );
}
