import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventLink, NewsEventDetail } from '@shared/api/news';
import { EventImpactPanel } from '@renderer/features/charts/EventImpactPanel';
import { useLocale } from '@renderer/stores/settingsStore';
import { Banner, Loading } from '@renderer/ui/components';
import { bodyBlocks, claimPhrase, describeReasons, eventWhen, groupClaims, isWebAddress, shortName, isSponsored, sourceName } from './newsFormat';
import { NewsEntryForm } from './NewsEntryForm';
import { useNewsStore } from './newsStore';

export function NewsDetailPane(): ReactElement {
  const { t } = useTranslation('news');
  const detail = useNewsStore((s) => s.detail);
  const status = useNewsStore((s) => s.detailStatus);
  const error = useNewsStore((s) => s.detailError);

  if (status === 'loading') {
    return (
      <section className="card news-detail">
        <Loading label={t('detail.opening')} />
      </section>
    );
  }
  if (status === 'error') {
    return (
      <section className="card news-detail card-body">
        <Banner kind="error" title={t('detail.openFailed')}>
          {error}
        </Banner>
      </section>
    );
  }
  if (!detail) {
    return (
      <section className="card news-detail news-detail-empty">
        <p className="muted">{t('detail.choose')}</p>
      </section>
    );
  }
  return <EventDetail key={detail.id} detail={detail} />;
}

function EventDetail({ detail }: { detail: NewsEventDetail }): ReactElement {
  const { t } = useTranslation(['news', 'common']);
  const locale = useLocale();
  const busy = useNewsStore((s) => s.busy);
  const actionError = useNewsStore((s) => s.actionError);
  const deleteSelected = useNewsStore((s) => s.deleteSelected);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [editing, setEditing] = useState(false);
  const blocks = bodyBlocks(detail.body);
  const sponsored = detail.tags.includes('sponsored');

  if (editing) return <NewsEntryForm initial={detail} onDone={() => setEditing(false)} />;

  return (
    <article className="card news-detail" aria-labelledby="news-detail-headline">
      <header className="news-detail-head">
        <div className="news-detail-meta">
          <time dateTime={detail.date}>{eventWhen(detail, locale, true)}</time>
          {detail.source ? <span>{sourceName(detail.source)}</span> : null}
          {detail.label ? (
            <span className="badge badge-warning">
              {detail.label}
              {isSponsored(detail) ? t('sponsoredSuffix') : ''}
            </span>
          ) : null}
          {detail.tags
            .filter((tag) => tag !== 'sponsored' || !detail.label)
            .map((tag) => (
              <span key={tag} className="badge">
                {tag}
              </span>
            ))}
        </div>
        <h2 id="news-detail-headline">{detail.headline}</h2>
        {sponsored ? <p className="news-sponsored-note">{t('detail.paidNote')}</p> : null}
        <div className="news-detail-actions">
          {isWebAddress(detail.url) ? (
            <a className="btn btn-small" href={detail.url} target="_blank" rel="noreferrer">
              {t('detail.openOriginal')}
            </a>
          ) : null}
          <button type="button" className="btn btn-small" onClick={() => setEditing(true)}>
            {t('common:edit')}
          </button>
          {confirmDelete ? (
            <>
              <span className="muted">{t('detail.confirmDelete')}</span>
              <button type="button" className="btn btn-small btn-danger" disabled={busy} onClick={() => void deleteSelected()}>
                {t('common:delete')}
              </button>
              <button type="button" className="btn btn-small" onClick={() => setConfirmDelete(false)}>
                {t('common:keep')}
              </button>
            </>
          ) : (
            <button type="button" className="btn btn-small btn-ghost" onClick={() => setConfirmDelete(true)}>
              {t('detail.deleteEvent')}
            </button>
          )}
        </div>
      </header>
      {actionError ? <Banner kind="error">{actionError}</Banner> : null}

      <LinksSection detail={detail} />

      <section className="news-section" aria-labelledby="news-move-title">
        <h3 id="news-move-title">{t('detail.priceMove')}</h3>
        <ClaimsList detail={detail} locale={locale} />
        <EventImpactPanel eventId={detail.id} />
      </section>

      <section className="news-section news-body" aria-label={t('detail.articleText')}>
        {blocks.length === 0 ? <p className="muted">{detail.summary || t('detail.noText')}</p> : null}
        {blocks.map((b, i) => (b.kind === 'heading' ? <h4 key={i}>{b.text}</h4> : <p key={i}>{b.text}</p>))}
      </section>
    </article>
  );
}

function ClaimsList({ detail, locale }: { detail: NewsEventDetail; locale: string }): ReactElement {
  const { t } = useTranslation('news');
  const groups = groupClaims(detail.claims, detail.links);
  if (groups.length === 0) {
    return <p className="muted">{t('detail.noClaims')}</p>;
  }
  return (
    <ul className="news-claims">
      {groups.map((g) => (
        <li key={g.key} className="news-claim">
          <div className="news-claim-line">
            <span className="news-claim-who">{g.names.join(', ')}</span>
            <span className={`news-claim-value num ${g.claim.direction === 'up' ? 'positive' : 'negative'}`}>
              {t('detail.claimed', { claim: claimPhrase(g.claim, locale) })}
            </span>
            <span className="subtle">{g.claim.horizon === 'day' ? t('detail.onTheDay') : t('detail.longer')}</span>
            <span className="news-chips">
              {g.symbols.map((s) => (
                <span key={s} className="news-chip">
                  {s}
                </span>
              ))}
            </span>
          </div>
          <q className="news-claim-quote">{g.claim.text}</q>
        </li>
      ))}
    </ul>
  );
}

function LinksSection({ detail }: { detail: NewsEventDetail }): ReactElement {
  const { t } = useTranslation('news');
  const securities = useNewsStore((s) => s.securities);
  const busy = useNewsStore((s) => s.busy);
  const changeLinks = useNewsStore((s) => s.changeLinks);
  const [adding, setAdding] = useState('');
  const active = detail.links.filter((l) => l.state === 'linked');
  const removed = detail.links.filter((l) => l.state === 'removed');
  const linkedIds = new Set(detail.links.map((l) => l.securityId));
  const addable = securities.filter((s) => !linkedIds.has(s.securityId));

  return (
    <section className="news-section" aria-labelledby="news-links-title">
      <h3 id="news-links-title">{t('links.title')}</h3>
      {active.length === 0 ? <p className="muted">{t('links.none')}</p> : null}
      <ul className="news-links">
        {active.map((l) => (
          <LinkRow key={l.securityId} link={l} busy={busy} onToggle={() => void changeLinks({ remove: [l.securityId] })} />
        ))}
      </ul>
      {removed.length > 0 ? (
        <>
          <h4 className="news-subhead">{t('links.removedByYou')}</h4>
          <ul className="news-links news-links-removed">
            {removed.map((l) => (
              <LinkRow key={l.securityId} link={l} busy={busy} onToggle={() => void changeLinks({ add: [l.securityId] })} />
            ))}
          </ul>
        </>
      ) : null}
      <form
        className="news-add-link"
        onSubmit={(e) => {
          e.preventDefault();
          if (adding === '') return;
          void changeLinks({ add: [Number(adding)] });
          setAdding('');
        }}
      >
        <label htmlFor="news-add-link" className="field-label">
          {t('links.linkAnother')}
        </label>
        <select id="news-add-link" className="select" value={adding} onChange={(e) => setAdding(e.target.value)} disabled={addable.length === 0}>
          <option value="">{addable.length === 0 ? t('links.noOthers') : t('links.choose')}</option>
          {addable.map((s) => (
            <option key={s.securityId} value={s.securityId}>
              {s.symbol} — {s.name}
            </option>
          ))}
        </select>
        <button type="submit" className="btn btn-small" disabled={busy || adding === ''}>
          {t('links.add')}
        </button>
      </form>
    </section>
  );
}

function LinkRow({ link, busy, onToggle }: { link: EventLink; busy: boolean; onToggle(): void }): ReactElement {
  const { t } = useTranslation('news');
  const linked = link.state === 'linked';
  return (
    <li className="news-link" data-testid={`link-${link.symbol}`}>
      <span className="news-chip news-chip-strong">{link.symbol}</span>
      <span className="news-link-text">
        <span className="news-link-name">{shortName(link.name)}</span>
        <span className="news-link-why">
          {linked
            ? link.origin === 'user' && link.reasons.length === 0
              ? t('reason.addedByYou')
              : t('links.why', { reasons: describeReasons(link.reasons) })
            : t('links.staysUnlinked')}
        </span>
      </span>
      <button
        type="button"
        className="btn btn-small btn-ghost"
        disabled={busy}
        onClick={onToggle}
        aria-label={linked ? t('links.removeLabel', { symbol: link.symbol }) : t('links.linkAgainLabel', { symbol: link.symbol })}
      >
        {linked ? t('links.remove') : t('links.linkAgain')}
      </button>
    </li>
  );
}
