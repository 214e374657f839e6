/** Today's patrol slots by location kind, as the schedules in force make them. */
import { LOCATION_KIND_LABELS, slotsOfDay, scheduleOf, toLocal } from '../../../../../shared/index.ts';
import { clock, tx } from '../../../common/i18n.ts';
import type { Setup } from '../../data.ts';
import { DataTable } from '../../table.tsx';
import { t } from '../../words.ts';

export function Schedules({ setup }: { setup: Setup }) {
  const today = toLocal(Date.now(), setup.estate.timeZone);
  return (
    <DataTable
      name="schedules"
      header={[t('location'), t('kind'), t('schedules')]}
      rows={setup.locations.map((l) => {
        const s = scheduleOf(l, setup.templates);
        return [
          tx(l.name),
          tx(LOCATION_KIND_LABELS[l.kind]),
          s
            ? slotsOfDay(s, today, setup.estate.timeZone)
                .map((x) => `${clock(x.start, setup.estate.timeZone)}–${clock(x.end, setup.estate.timeZone)}`)
                .join('  ')
            : '—',
        ];
      })}
    />
  );
}
