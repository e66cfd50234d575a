/** The state every print/export panel shows (which job runs, its error, its last notice), and the one wrapper that runs a job. */
import { ref, shallowRef } from 'vue';
import type { Bilingual } from '@/domain/bilingual';
import { errorMessage } from '@/components/errors';

export type ExportJob = 'prepare' | 'xlsx' | 'print';

export function useExportJob() {
  const busy = ref<ExportJob | null>(null);
  const error = shallowRef<Bilingual | null>(null);
  const notice = shallowRef<Bilingual | null>(null);

  async function run(job: ExportJob, work: () => Promise<void>): Promise<void> {
    busy.value = job;
    error.value = null;
    if (job !== 'prepare') notice.value = null;
    try {
      await work();
    } catch (e) {
      error.value = errorMessage(e);
    } finally {
      busy.value = null;
    }
  }

  return { busy, error, notice, run };
}
