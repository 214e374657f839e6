/** 开通清单: what is left before the estate's first patrol, each step with where to do it. */
import { API, type ReadinessStep } from '../../../../../shared/index.ts';
import { call } from '../../../common/api.ts';
import { useAsync } from '../../ui.tsx';
import { t, type WordKey } from '../../words.ts';

const STEP: Record<ReadinessStep, { label: WordKey; missing: WordKey }> = {
  locations: { label: 'stepLocations', missing: 'stepLocationsMissing' },
  labels: { label: 'stepLabels', missing: 'stepLabelsMissing' },
  staff: { label: 'stepStaff', missing: 'stepStaffMissing' },
  invitations: { label: 'stepInvitations', missing: 'stepInvitationsMissing' },
  schedules: { label: 'stepSchedules', missing: 'stepSchedulesMissing' },
  channels: { label: 'stepChannels', missing: 'stepChannelsMissing' },
};

/** `revision` reloads it after a change on the page. */
export function Readiness({ estateId, revision }: { estateId: string; revision: unknown }) {
  const { data } = useAsync(() => call(API.readiness, { params: { estateId } }), [estateId, revision]);
  if (!data || data.steps.every((s) => s.done)) return null;
  return (
    <section class="readiness" data-testid="readiness">
      <h3>{t('readiness')}</h3>
      <ol>
        {data.steps.map((s) => (
          <li key={s.step} class={s.done ? 'done' : 'todo'} data-step={s.step} data-done={String(s.done)}>
            <span aria-hidden="true">{s.done ? '✓' : '○'}</span> {t(STEP[s.step].label)}
            {s.done ? ` · ${s.count}` : ` · ${t(STEP[s.step].missing)} ${s.missing}`}
          </li>
        ))}
      </ol>
    </section>
  );
}
