/**
 * The state every print/export panel shows (which job runs, its error, its last notice), and the
 * one wrapper that runs a job: a cancel aborts the job's signal and ends with a notice, not an
 * error. Used by the register, list, return, document and case-sheet prints alike.
 */
import { ref, shallowRef } from 'vue';
import { bi, DomainError, type Bilingual } from '@/domain/bilingual';
import { ExportCancelled } from '@/export/runner';
import { errorMessage } from '@/components/errors';

export type ExportJob = 'prepare' | 'xlsx' | 'print';

export function useExportJob() {
  const busy = ref<ExportJob | null>(null);
  const error = shallowRef<Bilingual | null>(null);
  const notice = shallowRef<Bilingual | null>(null);
  let controller: AbortController | null = null;

  async function run(job: ExportJob, work: (signal: AbortSignal) => Promise<void>): Promise<void> {
    busy.value = job;
    error.value = null;
    if (job !== 'prepare') notice.value = null;
    controller = new AbortController();
    try {
      await work(controller.signal);
    } catch (e) {
      if (e instanceof ExportCancelled) notice.value = e.bilingual;
      else error.value = errorMessage(e);
    } finally {
      busy.value = null;
      controller = null;
    }
  }

  /** Stops the running job (long exports read the signal between pages). */
  function cancel(): void {
    controller?.abort();
  }

  return { busy, error, notice, run, cancel };
}

/** Who prints, from the station store: refused in Hindi and English when nobody is signed in or the thana has no profile yet. */
export function whoPrints<A, P>(station: { actor: A | null; profile: P | null }): { actor: A; profile: P } {
  if (!station.actor) throw new DomainError('signed-out', bi('प्रिंट/निर्यात के लिए साइन इन करें', 'Sign in to print or export'));
  if (!station.profile) throw new DomainError('no-profile', bi('पहले थाना विवरण भरें', 'Fill in the thana profile first'));
  return { actor: station.actor, profile: station.profile };
}
