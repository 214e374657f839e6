import { ErrorBoundary } from './ErrorBoundary.tsx';
import { useHashPath } from './router.ts';
import { useEstate, useSession } from './session.ts';
import { tx } from '../common/i18n.ts';
import { w, type WordKey } from './words.ts';
import IssuesPage from './pages/IssuesPage.tsx';
import IssueDetail from './pages/IssueDetail.tsx';
import SettingsPage from './pages/SettingsPage.tsx';

const NAV: [string, WordKey][] = [
  ['issues', 'issues'],
  ['settings', 'settings'],
];

/** The supervisor console: full pages opened from the popup, one section per part of the plan. */
export function App() {
  const path = useHashPath();
  const session = useSession();
  const [estateId, setEstate] = useEstate(session);
  const section = path[0] ?? 'issues';
  if (session === undefined) return <p class="pad">{w('loading')}</p>;
  if (!session) return <p class="pad notice" data-testid="not-signed-in">{w('notSignedIn')}</p>;
  return (
    <div class="console">
      <nav class="side">
        <h1>{w('title')}</h1>
        {session.estates.length > 1 ? (
          <select value={estateId ?? ''} onChange={(e) => setEstate(e.currentTarget.value)} aria-label={w('estate')}>
            {session.estates.map((e) => (
              <option key={e.id} value={e.id}>{tx(e.name)}</option>
            ))}
          </select>
        ) : (
          <p class="estate">{tx(session.estates[0]?.name)}</p>
        )}
        {NAV.map(([id, key]) => (
          <a key={id} href={`#/${id}`} class={section === id ? 'on' : ''}>{w(key)}</a>
        ))}
        <p class="who">{session.user.displayName}</p>
      </nav>
      <main class="content">
        <ErrorBoundary>
          {!estateId ? null : section === 'issues' && path[1] ? (
            <IssueDetail key={path[1]} issueId={path[1]} session={session} />
          ) : section === 'issues' ? (
            <IssuesPage estateId={estateId} />
          ) : section === 'settings' ? (
            <SettingsPage session={session} />
          ) : (
            <IssuesPage estateId={estateId} />
          )}
        </ErrorBoundary>
      </main>
    </div>
  );
}

