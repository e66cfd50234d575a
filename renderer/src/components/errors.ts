import { DomainError, type Bilingual, type Issue } from '@/domain/bilingual';

/** Any thrown value as a message in both languages: domain refusals keep their own words. */
export function errorMessage(e: unknown): Bilingual {
  if (e instanceof DomainError) return e.bilingual;
  const text = e instanceof Error ? e.message : String(e);
  return { hi: `कुछ गलत हो गया: ${text}`, en: `Something went wrong: ${text}` };
}

/** The field-level issues a refusal carries (empty for refusals about the whole entry). */
export function errorIssues(e: unknown): Issue[] {
  return e instanceof DomainError ? e.issues : [];
}
