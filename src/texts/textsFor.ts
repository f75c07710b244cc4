import { en } from './en';
import { es } from './es';
import { ko } from './ko';
import { OperatorTexts } from './OperatorTexts';
import { ptBR } from './ptBR';
import { th } from './th';

/** The languages the app speaks to operators: those of its settings page (i18n/). */
const LANGUAGES: Record<string, OperatorTexts> = { 'en': en, 'es': es, 'pt-BR': ptBR, 'ko': ko, 'th': th };

/**
 * The texts for a Rocket.Chat language code ('pt-BR', 'es', 'ko', …): the exact language, else
 * one of the same primary language ('pt' or 'pt-PT' → pt-BR, 'es-MX' → es), else English.
 */
export function textsFor(language: string | undefined): OperatorTexts {
    const wanted = (language ?? '').trim();
    const exact = Object.keys(LANGUAGES).find((code) => code.toLowerCase() === wanted.toLowerCase());
    const primary = wanted.split(/[-_]/)[0].toLowerCase();
    const sameLanguage = Object.keys(LANGUAGES).find((code) => code.split('-')[0].toLowerCase() === primary);
    return LANGUAGES[exact ?? sameLanguage ?? 'en'];
}
