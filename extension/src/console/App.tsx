import { ErrorBoundary } from './ErrorBoundary.tsx';
import { useHashPath } from './router.ts';
import { useEstate, useSession } from './session.ts';
import { estateZone, useEstateSetup } from './data.ts';
import { tx } from '../common/i18n.ts';
import { t, type WordKey } from './words.ts';
import AdminPage from './pages/AdminPage.tsx';
import AnalysisPage from './pages/AnalysisPage.tsx';
import GroupPage from './pages/GroupPage.tsx';
import IssueDetail from './pages/IssueDetail.tsx';
import IssuesPage from './pages/IssuesPage.tsx';
import KpiPage from './pages/KpiPage.tsx';
import LabelsPage from './pages/LabelsPage.tsx';
import MonthlyPage from './pages/MonthlyPage.tsx';
import RecordsPage from './pages/RecordsPage.tsx';
import ReviewPage from './pages/ReviewPage.tsx';
import SettingsPage from './pages/SettingsPage.tsx';
import SurveysPage from './pages/SurveysPage.tsx';

const NAV: [string, WordKey][] = [
  ['issues', 'issues'],
  ['monthly', 'monthly'],
  ['surveys', 'surveys'],
  ['analysis', 'analysis'],
  ['kpi', 'kpi'],
  ['records', 'records'],
  ['review', 'improvement'],
  ['admin', 'admin'],
  ['labels', 'labels'],
  ['settings', 'alertSettings'],
];

const PAGES: Record<string, (p: { estateId: string }) => preact.JSX.Element> = {
  issues: IssuesPage,
  monthly: MonthlyPage,
  surveys: SurveysPage,
  analysis: AnalysisPage,
  kpi: KpiPage,
  records: RecordsPage,
  review: ReviewPage,
  admin: AdminPage,
  labels: LabelsPage,
};

/** The supervisor console: full pages opened from the popup, one section per part of the plan. */
export function App() {
  const path = useHashPath();
  const session = useSession();
  const [estateId, setEstate] = useEstate(session);
  // Pages read the estate's zone for their defaults, so they wait for its setup.
  const { setup, error: setupError, retry } = useEstateSetup(estateId);
  const section = path[0] ?? 'issues';
  if (session === undefined) return <p class="pad">{t('loading')}</p>;
  if (!session)
    return (
      <p class="pad notice" data-testid="not-signed-in">
        {t('notSignedIn')}
      </p>
    );
  return (
    <div class="console">
      <nav class="side">
        <h1>{t('title')}</h1>
        {session.estates.length > 1 ? (
          <select value={estateId ?? ''} onChange={(e) => setEstate(e.currentTarget.value)} aria-label={t('estate')}>
            {session.estates.map((e) => (
              <option key={e.id} value={e.id}>
                {tx(e.name)}
              </option>
            ))}
          </select>
        ) : (
          <p class="estate">{tx(session.estates[0]?.name)}</p>
        )}
        {session.user.groupRole ? (
          <a href="#/group" class={section === 'group' ? 'on' : ''}>
            {t('group')}
          </a>
        ) : null}
        {NAV.map(([id, key]) => (
          <a key={id} href={`#/${id}`} class={section === id ? 'on' : ''}>
            {t(key)}
          </a>
        ))}
        <p class="who">{session.user.displayName}</p>
      </nav>
      <main class="content">
        <ErrorBoundary>
          {!estateId ? null : setupError ? (
            <p class="error" role="alert">
              {t('setupFailed')}: {setupError}{' '}
              <button type="button" onClick={retry}>
                {t('retry')}
              </button>
            </p>
          ) : !setup ? (
            <p>{t('loading')}</p>
          ) : section === 'issues' && path[1] ? (
            <IssueDetail key={path[1]} issueId={path[1]} session={session} />
          ) : section === 'group' && session.user.groupRole ? (
            <GroupPage
              groupRole={session.user.groupRole}
              zone={estateZone(estateId)}
              onOpenEstate={(id) => {
                setEstate(id);
                location.hash = '#/analysis';
              }}
            />
          ) : section === 'settings' ? (
            <SettingsPage session={session} />
          ) : (
            (() => {
              const Page = PAGES[section] ?? IssuesPage;
              return <Page key={`${section}-${estateId}`} estateId={estateId} />;
            })()
          )}
        </ErrorBoundary>
      </main>
    </div>
  );
}
