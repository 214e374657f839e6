/** The toolbar badge: overdue rectifications plus missed patrols, coloured by the worst severity. */
import type { Severity } from '../../../shared/index.ts';
import { t } from '../common/i18n.ts';
import { totals, type ExtState } from '../common/state.ts';

export const BADGE_COLOURS: Record<Severity | 'none' | 'offline', string> = {
  urgent: '#c62828',
  important: '#ef6c00',
  general: '#1565c0',
  none: '#2e7d32',
  offline: '#757575',
};

export async function renderBadge(state: ExtState): Promise<void> {
  if (state.connection === 'signedOut' || state.connection === 'authExpired') {
    await chrome.action.setBadgeText({ text: state.connection === 'authExpired' ? '?' : '' });
    await chrome.action.setBadgeBackgroundColor({ color: BADGE_COLOURS.offline });
    await chrome.action.setTitle({ title: t(state.connection === 'authExpired' ? 'signInAgain' : 'signIn') });
    return;
  }
  if (state.connection === 'offline') {
    // Show that we do not know, rather than numbers that may be stale.
    await chrome.action.setBadgeText({ text: '!' });
    await chrome.action.setBadgeBackgroundColor({ color: BADGE_COLOURS.offline });
    await chrome.action.setTitle({ title: `${t('serverUnreachable')}${state.lastError ? ` (${state.lastError})` : ''}` });
    return;
  }
  const sum = totals(state);
  await chrome.action.setBadgeText({ text: sum.badge === 0 ? '' : sum.badge > 999 ? '999+' : String(sum.badge) });
  await chrome.action.setBadgeBackgroundColor({ color: BADGE_COLOURS[sum.worst ?? 'none'] });
  await chrome.action.setTitle({
    title: [
      t('extName'),
      `${t('overdue')}: ${sum.overdue}`,
      `${t('missed')}: ${sum.missed}`,
      `${t('dueNow')}: ${sum.due}`,
      `${t('dueSoon')}: ${sum.dueSoon}`,
      `${t('toAccept')}: ${sum.awaitingAcceptance}`,
      `${t('toDispatch')}: ${sum.awaitingDispatch}`,
    ].join('\n'),
  });
}
