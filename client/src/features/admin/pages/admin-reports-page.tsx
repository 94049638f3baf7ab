import type { AdminReportDTO } from '@coachhub/shared/admin';
import {
  REPORT_ACTIONS,
  REPORT_STATUSES,
  REPORT_TARGET_TYPES,
  type ReportAction,
} from '@coachhub/shared/report';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { SelectField } from '@/components/form/select-field';
import { Button } from '@/components/ui/button';
import { PageTitle } from '@/components/ui/page-title';
import { Pagination } from '@/components/ui/pagination';
import { formatDateTime } from '@/lib/format';
import { useFormatContext } from '@/lib/use-format-context';

import { useAdminReports } from '../api/get-admin-reports';
import { useResolveReport } from '../api/resolve-report';
import { FilterSelect } from '../components/filter-select';
import { ListState } from '../components/list-state';
import { ReasonDialog } from '../components/reason-dialog';
import { ReportContext } from '../components/report-context';
import { oneOf, useSearchState, withoutEmpty } from '../components/use-search-state';
import '../components/admin-layout.css';

const FILTERS = ['status', 'targetType'] as const;

const personName = (person: AdminReportDTO['reporter']) =>
  person ? `${person.firstName} ${person.lastName}` : null;

/** The outcomes a report allows: a person has no content to hide. */
const actionsFor = (report: AdminReportDTO): ReportAction[] =>
  REPORT_ACTIONS.filter((action) => action !== 'hide' || report.targetType !== 'user');

const ReportCard = ({
  report,
  onResolve,
}: {
  report: AdminReportDTO;
  onResolve: (report: AdminReportDTO) => void;
}) => {
  const { t } = useTranslation();
  const format = useFormatContext();
  const headingId = `report-${report._id}`;
  return (
    <li
      className="admin-card"
      aria-labelledby={headingId}
      data-testid="admin-report"
      data-report-id={report._id}
    >
      <h2 id={headingId} className="card__title">
        {t('admin.reports.heading', {
          target: t(`admin.reports.targets.${report.targetType}`),
          reason: t(`admin.reports.reasons.${report.reason}`),
        })}
      </h2>
      <p className="admin-card__meta">
        {t('admin.reports.meta', {
          reporter: personName(report.reporter) ?? t('admin.reports.unknownPerson'),
          reported: personName(report.reportedUser) ?? t('admin.reports.unknownPerson'),
          date: formatDateTime(report.createdAt, format),
        })}{' '}
        · {t(`admin.reports.statuses.${report.status}`)}
      </p>
      {report.details && <blockquote>{report.details}</blockquote>}
      <ReportContext target={report.target} />
      {report.resolution ? (
        <p className="admin-card__meta" data-testid="report-resolution">
          {t('admin.reports.resolution', {
            action: t(`admin.reports.actions.${report.resolution.action}`),
            date: formatDateTime(report.resolution.at, format),
            note: report.resolution.note,
          })}
        </p>
      ) : (
        <div>
          <Button onClick={() => onResolve(report)}>{t('admin.reports.resolve')}</Button>
        </div>
      )}
    </li>
  );
};

/** `/admin/reports`: the report queue, each report with the content it is about. */
export const AdminReportsPage = () => {
  const { t } = useTranslation();
  const { values, page, update } = useSearchState(FILTERS);
  // The queue opens on what needs an answer; "all" is an explicit choice in the URL.
  const status =
    values.status === 'all' ? undefined : (oneOf(values.status, REPORT_STATUSES) ?? 'open');
  const reports = useAdminReports(
    withoutEmpty({ status, targetType: oneOf(values.targetType, REPORT_TARGET_TYPES), page }),
  );
  const resolve = useResolveReport();
  const [resolving, setResolving] = useState<AdminReportDTO | null>(null);
  const [action, setAction] = useState<ReportAction>('dismiss');

  const close = () => {
    setResolving(null);
    resolve.reset();
  };

  return (
    <div className="admin-page">
      <PageTitle title={t('admin.reports.title')} />
      <header className="page-header">
        <h1>{t('admin.reports.title')}</h1>
        <p className="page-header__lead">{t('admin.reports.lead')}</p>
      </header>
      <div className="admin-filters" role="search" aria-label={t('admin.reports.filters')}>
        <FilterSelect
          label={t('admin.reports.status')}
          value={status ?? 'all'}
          onChange={(next) => update({ status: next === 'open' ? undefined : next })}
          options={[
            ...REPORT_STATUSES.map((value) => ({
              value,
              label: t(`admin.reports.statuses.${value}`),
            })),
            { value: 'all', label: t('admin.reports.allStatuses') },
          ]}
        />
        <FilterSelect
          label={t('admin.reports.target')}
          value={values.targetType}
          onChange={(targetType) => update({ targetType })}
          allLabel={t('admin.reports.allTargets')}
          options={REPORT_TARGET_TYPES.map((value) => ({
            value,
            label: t(`admin.reports.targets.${value}`),
          }))}
        />
      </div>
      <ListState query={reports} emptyKey="admin.reports.empty">
        {(data) => (
          <>
            <ul className="admin-cards" aria-label={t('admin.reports.listLabel')}>
              {data.items.map((report) => (
                <ReportCard
                  key={report._id}
                  report={report}
                  onResolve={(chosen) => {
                    setAction('dismiss');
                    setResolving(chosen);
                  }}
                />
              ))}
            </ul>
            <Pagination
              page={data.page}
              limit={data.limit}
              total={data.total}
              onPageChange={(next) => update({ page: next })}
              label={t('admin.reports.pages')}
            />
          </>
        )}
      </ListState>
      {resolving && (
        <ReasonDialog
          title={t('admin.reports.confirm.title')}
          description={t(`admin.reports.confirm.${action}`)}
          confirmLabel={t('admin.reports.confirm.button')}
          reasonLabel={t('admin.reports.note')}
          reasonHint={t('admin.reports.noteHint')}
          isBusy={resolve.isPending}
          error={resolve.error}
          onCancel={close}
          onConfirm={(note) =>
            resolve.mutate({ reportId: resolving._id, action, note }, { onSuccess: close })
          }
        >
          <SelectField
            label={t('admin.reports.outcome')}
            value={action}
            onChange={(event) => setAction(oneOf(event.target.value, REPORT_ACTIONS) ?? 'dismiss')}
            options={actionsFor(resolving).map((value) => ({
              value,
              label: t(`admin.reports.actions.${value}`),
            }))}
          />
        </ReasonDialog>
      )}
    </div>
  );
};
