import { describe, expect, it } from 'vitest';

import { notificationsStore, notify } from './notifications-store';

const shown = () =>
  notificationsStore.getSnapshot().map(({ messageKey, params }) => ({ messageKey, params }));

describe('notify', () => {
  it('never stacks the same message twice', () => {
    notify('success', 'account.saved');
    notify('success', 'account.saved');
    expect(shown()).toEqual([{ messageKey: 'account.saved', params: undefined }]);
  });

  it('keeps the values a message is filled with; the same text with other values is another message', () => {
    const ada = { name: 'Ada Lovelace', title: 'Intro', start: 'May 6' };
    notify('info', 'notifications.booking.requested', ada);
    notify('info', 'notifications.booking.requested', { ...ada });
    notify('info', 'notifications.booking.requested', { ...ada, name: 'Grace Hopper' });
    expect(shown().map((message) => message.params?.name)).toEqual([
      'Ada Lovelace',
      'Grace Hopper',
    ]);
  });
});
