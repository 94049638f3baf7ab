import { AUDIT_ACTIONS, AUDIT_TARGET_TYPES } from '@coachhub/shared/admin';
import { useTranslation } from 'react-i18next';

import { PageTitle } from '@/components/ui/page-title';
import { Pagination } from '@/components/ui/pagination';
import { formatDateTime } from '@/lib/format';
import { useFormatContext } from '@/lib/use-format-context';

import { useAuditLog } from '../api/get-audit-log';
import { FilterSelect } from '../components/filter-select';
import { ListState } from '../components/list-state';
import { AdminTable } from '../components/admin-table';
import { SearchForm } from '../components/search-form';
import { oneOf, useSearchState, withoutEmpty } from '../components/use-search-state';
import '../components/admin-layout.css';

const FILTERS = ['action', 'actorId', 'targetType', 'targetId', 'from', 'to'] as const;
const OBJECT_ID = /^[0-9a-f]{24}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A calendar day typed in the admin's zone as the instant it starts (`to` is the day after the
 * last one shown, since the API's `to` is exclusive).
 */
const dayStart = (date: string, timeZone: string, plusDays = 0): string | undefined => {
  if (!DATE.test(date)) return undefined;
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const utc = Date.UTC(year, month - 1, day + plusDays);
  // The zone's offset at that moment, read from Intl (no date library in the first load).
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(utc));
  const part = (type: string) => Number(parts.find((item) => item.type === type)?.value);
  const asUtc = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
  );
  return new Date(utc - (asUtc - utc)).toISOString();
};

/** `/admin/audit-log`: what admins did, filtered by action, actor, target and dates. */
export const AdminAuditLogPage = () => {
  const { t } = useTranslation();
  const format = useFormatContext();
  const { values, page, update } = useSearchState(FILTERS);
  const log = useAuditLog(
    withoutEmpty({
      action: oneOf(values.action, AUDIT_ACTIONS),
      actorId: OBJECT_ID.test(values.actorId) ? values.actorId : undefined,
      targetType: oneOf(values.targetType, AUDIT_TARGET_TYPES),
      targetId: values.targetId,
      from: dayStart(values.from, format.timeZone),
      to: dayStart(values.to, format.timeZone, 1),
      page,
    }),
  );
  const dateField = (name: 'from' | 'to', label: string) => (
    <div className="field">
      <label className="field__label" htmlFor={`audit-${name}`}>
        {label}
      </label>
      <input
        id={`audit-${name}`}
        type="date"
        className="field__control"
        value={values[name]}
        onChange={(event) => update({ [name]: event.target.value })}
      />
    </div>
  );

  return (
    <div className="admin-page">
      <PageTitle title={t('admin.audit.title')} />
      <header className="page-header">
        <h1>{t('admin.audit.title')}</h1>
        <p className="page-header__lead">{t('admin.audit.lead')}</p>
      </header>
      <div className="admin-filters" role="search" aria-label={t('admin.audit.filters')}>
        <FilterSelect
          label={t('admin.audit.action')}
          value={values.action}
          onChange={(action) => update({ action })}
          allLabel={t('admin.audit.allActions')}
          options={AUDIT_ACTIONS.map((value) => ({
            value,
            label: t(`admin.audit.actions.${value}`),
          }))}
        />
        <FilterSelect
          label={t('admin.audit.targetType')}
          value={values.targetType}
          onChange={(targetType) => update({ targetType })}
          allLabel={t('admin.audit.allTargets')}
          options={AUDIT_TARGET_TYPES.map((value) => ({
            value,
            label: t(`admin.audit.targets.${value}`),
          }))}
        />
        <SearchForm
          label={t('admin.audit.actorId')}
          value={values.actorId}
          onSearch={(actorId) => update({ actorId })}
        />
        <SearchForm
          label={t('admin.audit.targetId')}
          value={values.targetId}
          onSearch={(targetId) => update({ targetId })}
        />
        {dateField('from', t('admin.audit.from'))}
        {dateField('to', t('admin.audit.to'))}
      </div>
      <ListState query={log} emptyKey="admin.audit.empty">
        {(data) => (
          <>
            <AdminTable
              testId="audit-log"
              caption={t('admin.audit.title')}
              columns={[
                t('admin.audit.when'),
                t('admin.audit.actor'),
                t('admin.audit.action'),
                t('admin.audit.target'),
                t('admin.audit.reason'),
              ]}
            >
              {data.items.map((entry) => (
                <tr key={entry._id} data-testid="audit-entry">
                  <td data-label={t('admin.audit.when')}>{formatDateTime(entry.at, format)}</td>
                  <td data-label={t('admin.audit.actor')}>
                    {entry.actor
                      ? `${entry.actor.firstName} ${entry.actor.lastName}`
                      : t('admin.audit.unknownActor')}
                  </td>
                  <td data-label={t('admin.audit.action')}>
                    {t(`admin.audit.actions.${entry.action}`)}
                  </td>
                  <td data-label={t('admin.audit.target')}>
                    {t(`admin.audit.targets.${entry.targetType}`)} <code>{entry.targetId}</code>
                  </td>
                  <td data-label={t('admin.audit.reason')}>{entry.reason}</td>
                </tr>
              ))}
            </AdminTable>
            <Pagination
              page={data.page}
              limit={data.limit}
              total={data.total}
              onPageChange={(next) => update({ page: next })}
              label={t('admin.audit.pages')}
            />
          </>
        )}
      </ListState>
    </div>
  );
};
