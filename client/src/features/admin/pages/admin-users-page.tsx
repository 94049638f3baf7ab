import { ADMIN_USER_SORTS, type AdminUserDTO } from '@coachhub/shared/admin';
import { ROLES, USER_STATUSES } from '@coachhub/shared/roles';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { Pagination } from '@/components/ui/pagination';
import { PageTitle } from '@/components/ui/page-title';
import { formatDateTime } from '@/lib/format';
import { useFormatContext } from '@/lib/use-format-context';

import { useAdminUsers } from '../api/get-admin-users';
import { useModerateUser, type UserModeration } from '../api/moderate-user';
import { ListState } from '../components/list-state';
import { AdminTable } from '../components/admin-table';
import { ReasonDialog } from '../components/reason-dialog';
import { SearchForm } from '../components/search-form';
import { FilterSelect } from '../components/filter-select';
import { oneOf, useSearchState, withoutEmpty } from '../components/use-search-state';
import '../components/admin-layout.css';

const FILTERS = ['q', 'role', 'status', 'sort'] as const;

interface Pending {
  user: AdminUserDTO;
  action: UserModeration;
}

/** `/admin/users`: every account, searched, filtered and sorted by the server; suspend, reinstate, warn. */
export const AdminUsersPage = () => {
  const { t } = useTranslation();
  const format = useFormatContext();
  const { values, page, update } = useSearchState(FILTERS);
  const query = withoutEmpty({
    q: values.q,
    role: oneOf(values.role, ROLES),
    status: oneOf(values.status, USER_STATUSES),
    sort: oneOf(values.sort, ADMIN_USER_SORTS),
    page,
  });
  const users = useAdminUsers(query);
  const moderate = useModerateUser();
  const [pending, setPending] = useState<Pending | null>(null);

  const close = () => {
    setPending(null);
    moderate.reset();
  };
  const nameOf = (user: AdminUserDTO) => `${user.firstName} ${user.lastName}`;

  return (
    <div className="admin-page">
      <PageTitle title={t('admin.users.title')} />
      <header className="page-header">
        <h1>{t('admin.users.title')}</h1>
        <p className="page-header__lead">{t('admin.users.lead')}</p>
      </header>
      <div className="admin-filters" role="search" aria-label={t('admin.users.filters')}>
        <SearchForm
          label={t('admin.users.search')}
          value={values.q}
          onSearch={(q) => update({ q })}
        />
        <FilterSelect
          label={t('admin.users.role')}
          value={values.role}
          onChange={(role) => update({ role })}
          allLabel={t('admin.users.allRoles')}
          options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
        />
        <FilterSelect
          label={t('admin.users.status')}
          value={values.status}
          onChange={(status) => update({ status })}
          allLabel={t('admin.users.allStatuses')}
          options={USER_STATUSES.map((status) => ({
            value: status,
            label: t(`admin.users.statuses.${status}`),
          }))}
        />
        <FilterSelect
          label={t('admin.users.sort')}
          value={values.sort}
          onChange={(sort) => update({ sort })}
          options={ADMIN_USER_SORTS.map((sort) => ({
            value: sort,
            label: t(`admin.users.sorts.${sort}`),
          }))}
        />
      </div>
      <ListState query={users} emptyKey="admin.users.empty">
        {(data) => (
          <>
            <AdminTable
              testId="admin-users"
              caption={t('admin.users.title')}
              columns={[
                t('admin.users.name'),
                t('admin.users.email'),
                t('admin.users.role'),
                t('admin.users.status'),
                t('admin.users.joined'),
                t('admin.users.actions'),
              ]}
            >
              {data.items.map((user) => (
                <tr key={user._id} data-testid="admin-user" data-user-id={user._id}>
                  <th scope="row">{nameOf(user)}</th>
                  <td data-label={t('admin.users.email')}>{user.email}</td>
                  <td data-label={t('admin.users.role')}>{t(`roles.${user.role}`)}</td>
                  <td data-label={t('admin.users.status')}>
                    {t(`admin.users.statuses.${user.status}`)}
                  </td>
                  <td data-label={t('admin.users.joined')}>
                    {formatDateTime(user.createdAt, format, { dateStyle: 'medium' })}
                  </td>
                  <td>
                    <div className="admin-table__actions">
                      {user.status === 'active' ? (
                        <button
                          type="button"
                          className="button button--secondary"
                          aria-label={t('admin.users.suspendUser', { name: nameOf(user) })}
                          onClick={() => setPending({ user, action: 'suspend' })}
                        >
                          {t('admin.users.suspend')}
                        </button>
                      ) : (
                        <button
                          type="button"
                          className="button button--secondary"
                          aria-label={t('admin.users.reinstateUser', { name: nameOf(user) })}
                          onClick={() => setPending({ user, action: 'reinstate' })}
                        >
                          {t('admin.users.reinstate')}
                        </button>
                      )}
                      <button
                        type="button"
                        className="button button--ghost"
                        aria-label={t('admin.users.warnUser', { name: nameOf(user) })}
                        onClick={() => setPending({ user, action: 'warn' })}
                      >
                        {t('admin.users.warn')}
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </AdminTable>
            <Pagination
              page={data.page}
              limit={data.limit}
              total={data.total}
              onPageChange={(next) => update({ page: next })}
              label={t('admin.users.pages')}
            />
          </>
        )}
      </ListState>
      {pending && (
        <ReasonDialog
          title={t(`admin.users.confirm.${pending.action}.title`, { name: nameOf(pending.user) })}
          description={t(`admin.users.confirm.${pending.action}.text`)}
          confirmLabel={t(`admin.users.confirm.${pending.action}.button`)}
          isBusy={moderate.isPending}
          error={moderate.error}
          onCancel={close}
          onConfirm={(reason) =>
            moderate.mutate(
              { userId: pending.user._id, action: pending.action, reason },
              { onSuccess: close },
            )
          }
        />
      )}
    </div>
  );
};
