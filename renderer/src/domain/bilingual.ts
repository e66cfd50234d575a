/** Every message a user can see exists in Hindi and English (design §3.10). */
export interface Bilingual {
  hi: string;
  en: string;
}

export function bi(hi: string, en: string): Bilingual {
  return { hi, en };
}

/** A problem with one field (or the whole record when `field` is absent). */
export interface Issue {
  field?: string;
  /** Stable machine code, e.g. 'required', 'mobile.invalid'. */
  code: string;
  message: Bilingual;
  /** Warnings are shown but do not block saving. */
  severity: 'error' | 'warning';
}

/** A refusal by the domain layer. Nothing was written when this is thrown. */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly bilingual: Bilingual,
    readonly issues: Issue[] = [],
  ) {
    super(`${bilingual.en} / ${bilingual.hi}`);
    this.name = 'DomainError';
  }
}

export function errorsOf(issues: Issue[]): Issue[] {
  return issues.filter((i) => i.severity === 'error');
}

export function assertNoErrors(issues: Issue[]): void {
  const errors = errorsOf(issues);
  if (errors.length) {
    throw new DomainError('validation', bi('प्रविष्टि में त्रुटियाँ हैं, कृपया सुधारें', 'The entry has errors, please correct them'), errors);
  }
}
