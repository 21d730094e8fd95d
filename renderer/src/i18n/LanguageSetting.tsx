/** The language choice for the settings panel: follow the system, English or Korean. */
import { useId } from 'react';
import { uiLocaleFor, type LocalePreference } from '../../../common/i18n/locale';
import { useLocale } from './useLocale';

export function LanguageSetting() {
  const { preference, setPreference, system, t } = useLocale();
  const id = useId();
  // The system's language named in itself ("English", "한국어"), as language menus do.
  const systemLanguage = uiLocaleFor(system) === 'ko' ? t('settings.language.ko') : t('settings.language.en');
  const options: readonly { value: LocalePreference; label: string }[] = [
    { value: 'system', label: t('settings.language.system', { language: systemLanguage }) },
    { value: 'en', label: t('settings.language.en') },
    { value: 'ko', label: t('settings.language.ko') },
  ];
  return (
    <div className="setting" data-testid="language-setting">
      <label className="setting__label" htmlFor={id}>
        {t('settings.language')}
      </label>
      <select
        id={id}
        className="setting__select"
        value={preference}
        onChange={(event) => setPreference(event.target.value as LocalePreference)}
        data-testid="language-select"
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
