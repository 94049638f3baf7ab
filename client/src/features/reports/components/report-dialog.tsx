import { REPORT_LIMITS, REPORT_REASONS } from '@coachhub/shared/report';
import type { CreateReportRequest, ReportReason, ReportTargetType } from '@coachhub/shared/report';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';

import { FormAlert } from '@/components/form/form-alert';
import { RadioGroup } from '@/components/form/radio-group';
import { TextAreaField } from '@/components/form/text-area-field';
import { useFocusFirstProblem } from '@/components/form/use-focus-after-submit';
import { useFormState } from '@/components/form/use-form-state';
import { Button } from '@/components/ui/button';
import { DialogFrame } from '@/components/ui/dialog-frame';
import { toApiError } from '@/lib/api-error';
import type { FieldProblem } from '@/lib/field-problem';
import { formatWait, useErrorMessage } from '@/lib/i18n/use-error-message';
import { checkTextLength } from '@/lib/validation';

import { useCreateReport } from '../api/create-report';
import './reports.css';

const DETAILS_MAX = REPORT_LIMITS.detailsMax;

export interface ReportTarget {
  type: ReportTargetType;
  id: string;
}

interface ReportValues {
  reason: ReportReason | '';
  details: string;
}

const INITIAL: ReportValues = { reason: '', details: '' };

const validate = (values: ReportValues) => ({
  reason: values.reason === '' ? ({ key: 'reports.reasonMissing' } as FieldProblem) : undefined,
  details: checkTextLength(values.details, DETAILS_MAX),
});

/** What the API is sent: the details trimmed, and left out when empty. */
export const toReportRequest = (
  target: ReportTarget,
  reason: ReportReason,
  details: string,
): CreateReportRequest => ({
  targetType: target.type,
  targetId: target.id,
  reason,
  ...(details.trim() ? { details: details.trim() } : {}),
});

/** A refusal in words that say what to do next. */
const useReportErrorMessage = () => {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  return (error: unknown): string => {
    const apiError = toApiError(error);
    if (apiError.code === 'RATE_LIMITED') {
      const wait = apiError.retryAfterSeconds;
      return wait === null
        ? t('reports.tooMany')
        : t('reports.tooManyWait', { when: formatWait(wait, i18n.language) });
    }
    if (apiError.code === 'NOT_FOUND') return t('reports.gone');
    if (apiError.fieldIssues.some((issue) => issue.field === 'targetId')) {
      return t('reports.ownContent');
    }
    return errorMessage(error);
  };
};

/** After the report: thanks, or that an earlier one is still open. Focused, so it is read out. */
const ReportOutcome = ({ message }: { message: string }) => {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <p ref={ref} className="report-outcome" role="status" tabIndex={-1} data-testid="report-sent">
      {message}
    </p>
  );
};

interface ReportDialogProps {
  target: ReportTarget;
  /** Whom or whose content it is about, for the title. */
  name: string;
  onClose: () => void;
  /** The report was taken, or one of the viewer's is still open. */
  onReported?: () => void;
}

/**
 * Reporting something to the admins: a reason (required), details in one's own words (optional,
 * with a counter), then thanks. A report still open from before is said, not refused.
 */
export const ReportDialog = ({ target, name, onClose, onReported }: ReportDialogProps) => {
  const { t, i18n } = useTranslation();
  const reasonName = useId();
  const reportErrorMessage = useReportErrorMessage();
  const create = useCreateReport();
  const form = useFormState({
    initialValues: INITIAL,
    validate,
    submission: create,
    onValid: ({ reason, details }, helpers) => {
      // `validate` has asked for a reason already; this only tells the types.
      if (reason === '') return;
      create.mutate(toReportRequest(target, reason, details), {
        onSuccess: () => onReported?.(),
        onError: (error) => {
          if (toApiError(error).code === 'ALREADY_REPORTED') onReported?.();
          else helpers.focusFirstProblem();
        },
      });
    },
  });
  const fieldsRef = useFocusFirstProblem<HTMLDivElement>(form.failedSubmits);
  const title = t(`reports.title.${target.type}`, { name });

  const alreadyOpen = create.isError && toApiError(create.error).code === 'ALREADY_REPORTED';
  if (create.isSuccess || alreadyOpen) {
    return (
      <DialogFrame
        role="dialog"
        title={title}
        description={t(create.isSuccess ? 'reports.sentDescription' : 'reports.alreadyDescription')}
        onDismiss={onClose}
        actions={
          <Button variant="secondary" onClick={onClose}>
            {t('reports.close')}
          </Button>
        }
        data-testid="report-dialog"
      >
        <ReportOutcome message={t(create.isSuccess ? 'reports.sent' : 'reports.already')} />
      </DialogFrame>
    );
  }

  const used = form.values.details.trim().length;
  return (
    <DialogFrame
      role="dialog"
      title={title}
      description={t('reports.description')}
      onDismiss={onClose}
      onSubmit={form.submit}
      actions={
        <>
          <Button variant="secondary" onClick={onClose}>
            {t('reports.cancel')}
          </Button>
          <Button type="submit" isBusy={create.isPending} busyLabel={t('reports.sending')}>
            {t('reports.submit')}
          </Button>
        </>
      }
      data-testid="report-dialog"
    >
      <div ref={fieldsRef} className="report-fields">
        <FormAlert message={create.isError ? reportErrorMessage(create.error) : null} />
        <RadioGroup
          legend={t('reports.reason')}
          name={reasonName}
          options={REPORT_REASONS.map((reason) => ({
            value: reason,
            label: t(`reports.reasons.${reason}`),
          }))}
          value={form.values.reason || null}
          onChange={(reason) => form.setValue('reason', reason as ReportReason)}
          problem={form.problems.reason}
        />
        <TextAreaField
          label={t('reports.details')}
          hint={t('reports.counter', {
            used: used.toLocaleString(i18n.language),
            max: DETAILS_MAX.toLocaleString(i18n.language),
          })}
          rows={4}
          maxLength={DETAILS_MAX + 100}
          {...form.field('details')}
        />
      </div>
    </DialogFrame>
  );
};
