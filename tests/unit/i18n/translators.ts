/** The renderer's real translate functions, in English and Korean, for tests of pure helpers. */
import { createRendererIntl, translator, type Translate } from '../../../renderer/src/i18n/translate';

export const englishT: Translate = translator(createRendererIntl('en', 'en-US'));
export const koreanT: Translate = translator(createRendererIntl('ko', 'ko-KR'));
