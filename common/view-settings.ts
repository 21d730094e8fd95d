/** The viewer's settings: what they are, their defaults, and the schema main checks a change against. */
import { z } from 'zod';

export const viewSettingsSchema = z
  .object({
    theme: z.enum(['system', 'light', 'dark']),
    density: z.enum(['comfortable', 'compact']),
    readingPane: z.enum(['right', 'below', 'off']),
    remoteImages: z.enum(['ask', 'always']),
    /** How often to check Gmail for new mail. */
    checkEverySeconds: z.union([z.literal(20), z.literal(60), z.literal(300), z.literal(900)]),
  })
  .strict();

export type ViewSettings = z.infer<typeof viewSettingsSchema>;

export const viewSettingsPatchSchema = viewSettingsSchema.partial();

export const DEFAULT_VIEW_SETTINGS: ViewSettings = {
  theme: 'system',
  density: 'comfortable',
  readingPane: 'right',
  remoteImages: 'ask',
  checkEverySeconds: 20,
};

/** Reads stored settings leniently: a value that no longer fits falls back to its default. */
export function readViewSettings(stored: unknown): ViewSettings {
  const out: Record<string, unknown> = { ...DEFAULT_VIEW_SETTINGS };
  if (stored && typeof stored === 'object') {
    for (const [key, value] of Object.entries(stored)) {
      const field = viewSettingsSchema.shape[key as keyof ViewSettings] as z.ZodType | undefined;
      if (field?.safeParse(value).success) out[key] = value;
    }
  }
  return out as ViewSettings;
}
