import { ServiceHelp } from './ui/ServiceHelp.tsx';
import { ErrorBoundary, LocationProvider, Route, Router, lazy } from 'preact-iso';
import LocationPage from './pages/LocationPage.tsx';
import { t } from './i18n.ts';
import { Layout } from './ui/Layout.tsx';
import { UpdatePrompt } from './ui/UpdatePrompt.tsx';

// The location page is what a QR code opens, so it ships in the first bundle; the rest loads on demand.
const HomePage = lazy(() => import('./pages/HomePage.tsx'));
const TrackPage = lazy(() => import('./pages/TrackPage.tsx'));
const SurveyPage = lazy(() => import('./pages/SurveyPage.tsx'));
const KioskPage = lazy(() => import('./pages/KioskPage.tsx'));
const NoticesPage = lazy(() => import('./pages/NoticesPage.tsx'));
const MyDayPage = lazy(() => import('./pages/MyDayPage.tsx'));
const OutboxPage = lazy(() => import('./pages/OutboxPage.tsx'));
const LoginPage = lazy(() => import('./pages/LoginPage.tsx'));
const SetupPage = lazy(() => import('./pages/SetupPage.tsx'));
const JoinPage = lazy(() => import('./pages/JoinPage.tsx'));
const RoundPage = lazy(() => import('./pages/RoundPage.tsx'));

function NotFound() {
  return (
    <Layout>
      <p class="card">{t('pageNotFound')}</p>
      <ServiceHelp />
    </Layout>
  );
}

export function App() {
  return (
    <LocationProvider>
      <ErrorBoundary>
        <Router>
          <Route path="/" component={HomePage} />
          <Route path="/l/:code" component={LocationPage} />
          <Route path="/t/:token" component={TrackPage} />
          <Route path="/s/:code" component={SurveyPage} />
          <Route path="/kiosk/:code" component={KioskPage} />
          <Route path="/notices" component={NoticesPage} />
          <Route path="/today" component={MyDayPage} />
          <Route path="/outbox" component={OutboxPage} />
          <Route path="/login" component={LoginPage} />
          <Route path="/setup" component={SetupPage} />
          <Route path="/join" component={JoinPage} />
          <Route path="/round/:estateId/:routeId" component={RoundPage} />
          <Route default component={NotFound} />
        </Router>
      </ErrorBoundary>
      <UpdatePrompt />
    </LocationProvider>
  );
}
