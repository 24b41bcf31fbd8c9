import { z } from 'zod';
import type { LooseTextParams } from '../i18n/errorText';

/**
 * The values of a catalogue message: numbers (written in the reader's format), text shown as it
 * is, or a message of its own ({ key, params }) written in the same language.
 */
export const TextParams: z.ZodType<LooseTextParams> = z.lazy(() =>
  z.record(z.string(), z.union([z.string(), z.number(), z.object({ key: z.string(), params: TextParams.optional() })])),
);

/**
 * Fields added to a problem that carries English text (`message`, `reason`): its catalogue key
 * ('errors:fields.dateInvalid') and values, so the UI words it in the reader's language. Optional,
 * and the English text stays as the fallback for a key the UI does not know.
 */
export const LocalText = { key: z.string().optional(), params: TextParams.optional() };
