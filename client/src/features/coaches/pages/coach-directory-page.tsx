import { COACH_SORTS } from '@coachhub/shared/coach';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

import { SelectField } from '@/components/form/select-field';
import { buttonClassName } from '@/components/ui/button';
import { HydrateLater } from '@/components/ui/hydrate-later';
import { PageTitle } from '@/components/ui/page-title';
import { Pagination } from '@/components/ui/pagination';
import { paths } from '@/config/paths';

import { useCoaches } from '../api/get-coaches';
import { DirectoryFilters } from '../components/directory-filters';
import { DirectoryResults } from '../components/directory-results';
import { hasActiveFilters, toDirectoryQuery } from '../components/directory-search';
import { useDirectorySearch } from '../components/use-directory-search';
import './coaches.css';

export const CoachDirectoryPage = () => {
  const { t } = useTranslation();
  const { search, update, clearFilters } = useDirectorySearch();
  const coaches = useCoaches(toDirectoryQuery(search));
  const page = coaches.data;

  return (
    <div className="directory">
      <PageTitle title={t('coaches.directory.title')} />
      <header className="page-header directory__header">
        <div>
          <h1>{t('coaches.directory.title')}</h1>
          <p className="page-header__lead">{t('coaches.directory.lead')}</p>
        </div>
        <Link className={buttonClassName('secondary')} to={paths.app.coachMatch.getHref()}>
          {t('coaches.directory.matchCta')}
        </Link>
      </header>
      <div className="directory__layout">
        {/* Filters and results hydrate as separate slices: twelve cards are the page's heaviest part. */}
        <HydrateLater>
          <DirectoryFilters search={search} onChange={update} onClear={clearFilters} />
        </HydrateLater>
        <section className="directory__results" aria-labelledby="directory-results-heading">
          <h2 id="directory-results-heading" className="visually-hidden">
            {t('coaches.directory.results')}
          </h2>
          <div className="directory__toolbar">
            <p className="directory__count" role="status" data-testid="directory-count">
              {page ? t('coaches.directory.resultCount', { count: page.total }) : ''}
            </p>
            <SelectField
              className="directory__sort"
              label={t('coaches.directory.sort')}
              options={COACH_SORTS.map((sort) => ({
                value: sort,
                label: t(`coaches.directory.sorts.${sort}`),
              }))}
              value={search.sort ?? 'relevance'}
              onChange={(event) =>
                update({ sort: COACH_SORTS.find((sort) => sort === event.target.value) })
              }
              data-testid="directory-sort"
            />
          </div>
          <HydrateLater>
            <DirectoryResults
              result={coaches}
              hasFilters={hasActiveFilters(search)}
              onClearFilters={clearFilters}
            />
          </HydrateLater>
          {page && (
            <Pagination
              page={page.page}
              limit={page.limit}
              total={page.total}
              onPageChange={(next) => update({ page: next })}
              label={t('coaches.directory.pages')}
            />
          )}
        </section>
      </div>
    </div>
  );
};
