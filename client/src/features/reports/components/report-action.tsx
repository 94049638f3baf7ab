import type { ReportTargetType } from '@coachhub/shared/report';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';
import { useCurrentUser } from '@/lib/auth/session';

import './reports.css';

// The dialog and its form load when someone is about to open it: the action shows on every
// profile and review a signed-in reader sees, and few of them report anything.
const loadReportDialog = () => import('./report-dialog');
const ReportDialog = lazy(() =>
  loadReportDialog().then(({ ReportDialog: Dialog }) => ({ default: Dialog })),
);
const preloadReportDialog = () => void loadReportDialog().catch(() => undefined);

interface ReportActionProps {
  targetType: ReportTargetType;
  targetId: string;
  /** Whose it is (the person, the coach, the sender, the author): they never see the action. */
  ownerId: string;
  /** Their name, for the dialog's title and the button's accessible name. */
  name: string;
  /** `link`: a small text button (profile, review); `ghost`: among other actions (a message). */
  variant?: 'link' | 'ghost';
  className?: string;
}

/**
 * A discreet "Report" that opens the report dialog. Only for signed-in people, never on their
 * own profile or content, and not for admins, who act in the admin area instead.
 */
export const ReportAction = ({
  targetType,
  targetId,
  ownerId,
  name,
  variant = 'link',
  className,
}: ReportActionProps) => {
  const { t } = useTranslation();
  const viewer = useCurrentUser();
  const [open, setOpen] = useState(false);
  const [reported, setReported] = useState(false);

  if (!viewer || viewer._id === ownerId || viewer.role === 'admin') return null;
  const label = t(`reports.action.${targetType}`);
  const accessibleName = t(`reports.actionName.${targetType}`, { name });
  return (
    <>
      <Button
        variant={variant}
        className={[variant === 'link' && 'report-action', className].filter(Boolean).join(' ')}
        // Once reported it says so and stays where it was, so focus can come back to it from the
        // dialog; a second report of the same thing would only be refused.
        aria-disabled={reported || undefined}
        aria-haspopup={reported ? undefined : 'dialog'}
        // A bare "Report" does not say what is reported; the name starts with the visible word.
        aria-label={reported || label === accessibleName ? undefined : accessibleName}
        onPointerEnter={preloadReportDialog}
        onFocus={preloadReportDialog}
        onClick={() => {
          if (!reported) setOpen(true);
        }}
      >
        {reported ? t('reports.reported') : label}
      </Button>
      {open && (
        <Suspense fallback={null}>
          <ReportDialog
            target={{ type: targetType, id: targetId }}
            name={name}
            onClose={() => setOpen(false)}
            onReported={() => setReported(true)}
          />
        </Suspense>
      )}
    </>
  );
};
