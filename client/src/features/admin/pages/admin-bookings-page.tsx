import { BOOKING_STATUSES } from '@coachhub/shared/scheduling';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { TextField } from '@/components/form/text-field';
import { Button } from '@/components/ui/button';
import { PageTitle } from '@/components/ui/page-title';
import { Pagination } from '@/components/ui/pagination';
import { formatDateTime } from '@/lib/format';
import { formatMoney } from '@/lib/money';
import { useFormatContext } from '@/lib/use-format-context';

import { useBookingLookup } from '../api/lookup-bookings';
import { FilterSelect } from '../components/filter-select';
import { ListState } from '../components/list-state';
import { AdminTable } from '../components/admin-table';
import { oneOf, useSearchState, withoutEmpty } from '../components/use-search-state';
import '../components/admin-layout.css';

const FIELDS = ['id', 'clientId', 'coachId', 'q'] as const;
const FILTERS = [...FIELDS, 'status'] as const;
type Field = (typeof FIELDS)[number];
const OBJECT_ID = /^[0-9a-f]{24}$/i;

/** `/admin/bookings`: look a booking up by its id, a participant's id, or a name or e-mail. Read only. */
export const AdminBookingsPage = () => {
  const { t, i18n } = useTranslation();
  const format = useFormatContext();
  const { values, page, update } = useSearchState(FILTERS);
  const [draft, setDraft] = useState<Record<Field, string>>(values);
  const [invalid, setInvalid] = useState<Field | null>(null);
  const idOrEmpty = (value: string) => (OBJECT_ID.test(value) ? value : undefined);
  const query = withoutEmpty({
    id: idOrEmpty(values.id),
    clientId: idOrEmpty(values.clientId),
    coachId: idOrEmpty(values.coachId),
    q: values.q,
    status: oneOf(values.status, BOOKING_STATUSES),
    page,
  });
  const asked = Boolean(query.id ?? query.clientId ?? query.coachId ?? query.q);
  const bookings = useBookingLookup(query, asked);
  // The URL may change under the form (back button, a link): follow it, while rendering.
  const [shown, setShown] = useState(values);
  if (FIELDS.some((name) => shown[name] !== values[name])) {
    setShown(values);
    setDraft(values);
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const wrong = (['id', 'clientId', 'coachId'] as const).find(
      (field) => draft[field].trim() !== '' && !OBJECT_ID.test(draft[field].trim()),
    );
    setInvalid(wrong ?? null);
    if (wrong) return;
    update({
      id: draft.id.trim(),
      clientId: draft.clientId.trim(),
      coachId: draft.coachId.trim(),
      q: draft.q.trim(),
    });
  };
  const field = (name: Field) => ({
    value: draft[name],
    onChange: (event: { target: { value: string } }) =>
      setDraft((current) => ({ ...current, [name]: event.target.value })),
    problem: invalid === name ? { key: 'admin.bookings.invalidId' as const } : undefined,
  });

  return (
    <div className="admin-page">
      <PageTitle title={t('admin.bookings.title')} />
      <header className="page-header">
        <h1>{t('admin.bookings.title')}</h1>
        <p className="page-header__lead">{t('admin.bookings.lead')}</p>
      </header>
      <form
        className="admin-filters"
        role="search"
        aria-label={t('admin.bookings.filters')}
        onSubmit={submit}
        noValidate
      >
        <TextField label={t('admin.bookings.id')} {...field('id')} />
        <TextField label={t('admin.bookings.clientId')} {...field('clientId')} />
        <TextField label={t('admin.bookings.coachId')} {...field('coachId')} />
        <TextField label={t('admin.bookings.q')} {...field('q')} />
        <FilterSelect
          label={t('admin.bookings.status')}
          value={values.status}
          onChange={(status) => update({ status })}
          allLabel={t('bookings.status.all')}
          options={BOOKING_STATUSES.map((value) => ({
            value,
            label: t(`bookings.status.${value}`),
          }))}
        />
        <Button type="submit">{t('admin.bookings.lookUp')}</Button>
      </form>
      {!asked ? (
        <p className="admin-empty">{t('admin.bookings.hint')}</p>
      ) : (
        <ListState query={bookings} emptyKey="admin.bookings.empty">
          {(data) => (
            <>
              <AdminTable
                testId="admin-bookings"
                caption={t('admin.bookings.title')}
                columns={[
                  t('admin.bookings.when'),
                  t('admin.bookings.session'),
                  t('admin.bookings.client'),
                  t('admin.bookings.coach'),
                  t('admin.bookings.status'),
                  t('admin.bookings.price'),
                  t('admin.bookings.id'),
                ]}
              >
                {data.items.map((booking) => (
                  <tr key={booking._id} data-testid="admin-booking">
                    <td data-label={t('admin.bookings.when')}>
                      {formatDateTime(booking.start, format)}
                    </td>
                    <td data-label={t('admin.bookings.session')}>{booking.sessionType.title}</td>
                    <td data-label={t('admin.bookings.client')}>
                      {booking.client.firstName} {booking.client.lastName}
                    </td>
                    <td data-label={t('admin.bookings.coach')}>
                      {booking.coach.firstName} {booking.coach.lastName}
                    </td>
                    <td data-label={t('admin.bookings.status')}>
                      {t(`bookings.status.${booking.status}`)}
                    </td>
                    <td data-label={t('admin.bookings.price')}>
                      {formatMoney(booking.quote, i18n.language)}
                    </td>
                    <td data-label={t('admin.bookings.id')}>
                      <code>{booking._id}</code>
                    </td>
                  </tr>
                ))}
              </AdminTable>
              <Pagination
                page={data.page}
                limit={data.limit}
                total={data.total}
                onPageChange={(next) => update({ page: next })}
                label={t('admin.bookings.pages')}
              />
            </>
          )}
        </ListState>
      )}
    </div>
  );
};
