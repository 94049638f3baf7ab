import type { NotificationDTO } from '@coachhub/shared/notification';
import { useEffect, useId, useRef, useState } from 'react';
import type { FocusEvent, KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { Icon } from '@/components/ui/icon';

import { useUnreadNotificationCount } from '../api/get-notifications';
import { useMarkAllNotificationsRead } from '../api/mark-all-notifications-read';
import { useMarkNotificationRead } from '../api/mark-notification-read';
import { inAppPath } from './notification-item';
import { NotificationList } from './notification-list';
import './notification-bell.css';

const MAX_BADGE = 99;

/**
 * The header's bell: the unread count on a button that opens the newest notifications. The
 * panel is a non-modal dialog: focus moves into it, Escape closes it and returns focus to the
 * bell, and a click or focus outside closes it.
 */
export const NotificationBell = () => {
  const { t } = useTranslation();
  const unreadCount = useUnreadNotificationCount();
  const markRead = useMarkNotificationRead();
  const markAllRead = useMarkAllNotificationsRead();
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const panelId = useId();
  const titleId = useId();

  useEffect(() => {
    if (!open) return;
    panelRef.current?.focus();
    const closeOnOutsidePointer = (event: PointerEvent) => {
      if (event.target instanceof Node && !rootRef.current?.contains(event.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', closeOnOutsidePointer);
    return () => document.removeEventListener('pointerdown', closeOnOutsidePointer);
  }, [open]);

  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    event.stopPropagation();
    setOpen(false);
    buttonRef.current?.focus();
  };

  const closeOnFocusOutside = (event: FocusEvent) => {
    const next = event.relatedTarget;
    if (next instanceof Node && !rootRef.current?.contains(next)) setOpen(false);
  };

  const openNotification = (notification: NotificationDTO) => {
    if (notification.readAt === null) markRead.mutate(notification._id);
    // Following its link leaves for another page: the panel closes.
    if (inAppPath(notification.link)) setOpen(false);
  };

  const label =
    unreadCount > 0
      ? t('notifications.center.buttonUnread', { count: unreadCount })
      : t('notifications.center.button');

  return (
    <div
      ref={rootRef}
      className="notification-bell"
      onKeyDown={closeOnEscape}
      onBlur={closeOnFocusOutside}
    >
      <button
        ref={buttonRef}
        type="button"
        className="notification-bell__button"
        aria-label={label}
        aria-expanded={open}
        aria-controls={panelId}
        data-testid="notification-bell"
        onClick={() => setOpen((isOpen) => !isOpen)}
      >
        <Icon name="bell" className="notification-bell__icon" />
        {unreadCount > 0 && (
          <span className="notification-bell__badge" aria-hidden="true" data-testid="unread-badge">
            {unreadCount > MAX_BADGE ? `${MAX_BADGE}+` : unreadCount}
          </span>
        )}
      </button>
      <div
        ref={panelRef}
        id={panelId}
        className="notification-panel"
        role="dialog"
        aria-labelledby={titleId}
        tabIndex={-1}
        hidden={!open}
      >
        <div className="notification-panel__header">
          <h2 id={titleId} className="notification-panel__title">
            {t('notifications.center.title')}
          </h2>
          <Button
            variant="link"
            className="notification-panel__mark-all"
            disabled={unreadCount === 0}
            isBusy={markAllRead.isPending}
            // The button turns disabled under the focus: the focus stays in the panel.
            onClick={() =>
              markAllRead.mutate(undefined, { onSuccess: () => panelRef.current?.focus() })
            }
          >
            {t('notifications.center.markAllRead')}
          </Button>
        </div>
        {open && <NotificationList onOpen={openNotification} />}
      </div>
    </div>
  );
};
