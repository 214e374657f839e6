/**
 * When a code or a link leads nowhere, not a dead end: whom to call (the estate's service desk, when the server can
 * tell which), a report form with no code (the estate chosen, the place said in words), and a way back to scanning.
 */
import { useEffect, useState } from 'preact/hooks';
import { API, type ServiceHelp as Help } from '../../../shared/index.ts';
import { call } from '../api/http.ts';
import { brandOf, t, tx } from '../i18n.ts';
import { OwnerReport } from '../pages/OwnerReport.tsx';

/** The brand an owner's page carries when a code or link leads nowhere: the company, or the one estate it can name. */
export function helpBrand(help: Help | null): string {
  if (!help) return '';
  return help.estates.length === 1 ? brandOf({ name: help.estates[0].name, company: help.company }) : (help.company ?? '');
}

export function ServiceHelp({ code, onHelp }: { code?: string; onHelp?: (help: Help) => void }) {
  const [help, setHelp] = useState<Help | null>(null);
  const [reporting, setReporting] = useState(false);
  useEffect(() => {
    call(API.serviceHelp, { query: code ? { code } : {}, auth: false }).then(
      (h) => {
        setHelp(h);
        onHelp?.(h);
      },
      () => setHelp(null),
    );
  }, [code]);
  const phones = help?.estates.filter((e) => e.servicePhone) ?? [];
  return (
    <section class="card" data-testid="service-help">
      <p>{t('helpIntro')}</p>
      {phones.length ? (
        <ul class="plain">
          {phones.map((e) => (
            <li key={e.servicePhone}>
              {tx(e.name)} · {t('serviceDesk')}:{' '}
              <a href={`tel:${e.servicePhone.replace(/[^\d+]/g, '')}`} data-testid="service-phone">
                {e.servicePhone}
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{help?.company ? `${help.company} · ${t('helpAskDesk')}` : t('helpAskDesk')}</p>
      )}
      {help?.estates.length ? (
        reporting ? (
          <OwnerReport to={{ kind: 'estate', estates: help.estates }} />
        ) : (
          <p>
            <button type="button" class="primary wide" onClick={() => setReporting(true)} data-testid="report-anyway">
              {t('reportWithoutCode')}
            </button>
          </p>
        )
      ) : null}
      <a class="button secondary" href="/">
        {t('scanAgain')}
      </a>
    </section>
  );
}
