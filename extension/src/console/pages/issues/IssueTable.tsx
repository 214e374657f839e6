/** The issue board's rows: most urgent first, deadlines counting down, each row selectable. */
import { useMemo } from 'preact/hooks';
import { CATEGORY_LABELS, SEVERITY_LABELS, STATUS_LABELS, isOpen, type Issue } from '../../../../../shared/index.ts';
import { tx } from '../../../common/i18n.ts';
import { estateZone, type Setup } from '../../data.ts';
import { Countdown } from '../../ui.tsx';
import { t } from '../../words.ts';

interface Props {
  estateId: string;
  issues: Issue[];
  setup: Setup | null;
  now: number;
  selected: ReadonlySet<string>;
  onSelect: (ids: Set<string>) => void;
}

export function IssueTable({ estateId, issues, setup, now, selected, onSelect }: Props) {
  // Made once per set-up, not on every tick of the countdowns.
  const locations = useMemo(() => new Map(setup?.locations.map((l) => [l.id, l]) ?? []), [setup]);
  const departments = useMemo(() => new Map(setup?.departments.map((d) => [d.id, d]) ?? []), [setup]);
  const select = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    onSelect(next);
  };
  return (
    <table class="grid" data-testid="issue-table">
      <thead>
        <tr>
          <th>
            <input
              type="checkbox"
              aria-label={t('selectAll')}
              onChange={(e) => onSelect(e.currentTarget.checked ? new Set(issues.map((i) => i.id)) : new Set())}
            />
          </th>
          <th>{t('severity')}</th>
          <th>{t('location')}</th>
          <th>{t('category')}</th>
          <th>{t('description')}</th>
          <th>{t('department')}</th>
          <th>{t('status')}</th>
          <th>{t('deadline')}</th>
        </tr>
      </thead>
      <tbody>
        {issues.map((i) => {
          const open = isOpen(i);
          return (
            <tr key={i.id} class={`${open && now > i.deadline && i.status !== 'rectified' ? 'overdue' : ''}`} data-issue={i.id}>
              <td>
                <input
                  type="checkbox"
                  aria-label={`${t('select')} ${tx(locations.get(i.locationId ?? '')?.name) || ''} ${i.description.slice(0, 30)}`}
                  checked={selected.has(i.id)}
                  onChange={(e) => select(i.id, e.currentTarget.checked)}
                />
              </td>
              <td>
                <span class={`sev sev-${i.severity}`}>{tx(SEVERITY_LABELS[i.severity])}</span>
              </td>
              <td>{tx(locations.get(i.locationId ?? '')?.name)}</td>
              <td>{tx(CATEGORY_LABELS[i.category])}</td>
              <td class="text clip">
                <a href={`#/issues/${i.id}`}>{i.description}</a>
              </td>
              <td>{tx(departments.get(i.departmentId ?? '')?.name)}</td>
              <td>
                {tx(STATUS_LABELS[i.status])}
                {i.verified ? '' : ` · ${t('unverified')}`}
              </td>
              <td>
                <Countdown deadline={i.deadline} now={now} open={open && i.status !== 'rectified'} timeZone={estateZone(estateId)} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
