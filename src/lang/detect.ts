// Language identification with CLD3 (cld3-asm, WebAssembly): ISO 639-1 code + probability.
// Knows ~100 languages; whether Dossier has full support for one is a separate question
// (src/lang/registry.ts).
import { loadModule } from 'cld3-asm';

export interface LanguageGuess {
  /** ISO 639-1 code, or "und" when the text is too short or unclear. */
  language: string;
  confidence: number;
}

export type LanguageDetector = (text: string, hint?: string) => LanguageGuess;

/** Characters of text looked at: enough for a confident guess, bounded for speed. */
const SAMPLE_CHARS = 4000;

let detectorPromise: Promise<LanguageDetector> | null = null;

/** Loads CLD3 once per process and returns a synchronous detector. */
export function languageDetector(): Promise<LanguageDetector> {
  detectorPromise ??= loadModule().then((factory) => {
    const identifier = factory.create(0, SAMPLE_CHARS);
    return (text: string, hint?: string): LanguageGuess => {
      const sample = text.slice(0, SAMPLE_CHARS);
      const hintCode = normaliseHint(hint);
      if (sample.trim().length === 0) return { language: hintCode ?? 'und', confidence: 0 };
      const r = identifier.findLanguage(sample);
      const raw = String(r.language).split('-')[0];
      const code = LEGACY_CODES[raw] ?? raw;
      const known = code !== 'und' && code.length <= 3;
      // An unreliable guess yields to the language the source declared (html lang, JSON field).
      if ((!known || !r.is_reliable) && hintCode) return { language: hintCode, confidence: 0.5 };
      if (!known) return { language: 'und', confidence: 0 };
      return { language: code, confidence: Math.round(r.probability * 1000) / 1000 };
    };
  });
  return detectorPromise;
}

/** CLD3 still answers with some withdrawn ISO 639-1 codes. */
const LEGACY_CODES: Record<string, string> = { iw: 'he', ji: 'yi', jw: 'jv', in: 'id' };

/** "en-US" -> "en", "NL" -> "nl"; anything else -> undefined. */
function normaliseHint(hint?: string): string | undefined {
  const m = /^([a-z]{2,3})(?:[-_]|$)/i.exec(hint?.trim() ?? '');
  return m ? m[1].toLowerCase() : undefined;
}
