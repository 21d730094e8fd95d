/** The language choice in Settings: follow the system, English or Korean (stored by main). */
import { uiLocaleFor, type LocalePreference } from '../../../common/i18n/locale';
import { useLocale } from './useLocale';

export function LanguageSetting() {
  const { preference, setPreference, system, t } = useLocale();
  // Languages are named in themselves ("English", "한국어"), as language menus do.
  const systemLanguage = uiLocaleFor(system) === 'ko' ? t('settings.language.ko') : t('settings.language.en');
  const options: readonly { value: LocalePreference; label: string }[] = [
    { value: 'system', label: t('settings.language.system', { language: systemLanguage }) },
    { value: 'en', label: t('settings.language.en') },
    { value: 'ko', label: t('settings.language.ko') },
  ];
  return (
    <fieldset className="settings__group" data-testid="language-setting">
      <legend>{t('settings.language')}</legend>
      {options.map((option) => (
        <label key={option.value} className="settings__choice">
          <input
            type="radio"
            name="language"
            value={option.value}
            checked={preference === option.value}
            onChange={() => setPreference(option.value)}
            data-testid={`language-${option.value}`}
          />
          <span>{option.label}</span>
        </label>
      ))}
    </fieldset>
  );
}
