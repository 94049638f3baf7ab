import { REVIEW_LIMITS } from '@coachhub/shared/review';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

import { FieldError } from '@/components/form/field-error';
import { Button } from '@/components/ui/button';
import type { FieldProblem } from '@/lib/field-problem';

import './reviews.css';

const STARS = Array.from({ length: REVIEW_LIMITS.ratingMax }, (_, index) => index + 1);

interface StarInputProps {
  legend: string;
  /** The radios' group name, unique in the form. */
  name: string;
  value: number | null;
  onChange: (stars: number | null) => void;
  problem?: FieldProblem | undefined;
  /** An optional rating can be taken back. */
  clearable?: boolean;
}

/**
 * Stars to choose as a radio group: a fieldset named by its legend, one radio per star ("3
 * stars"), so arrow keys move between them and screen readers say what is chosen.
 */
export const StarInput = ({
  legend,
  name,
  value,
  onChange,
  problem,
  clearable = false,
}: StarInputProps) => {
  const { t } = useTranslation();
  const errorId = useId();
  return (
    <fieldset
      className="star-input"
      aria-invalid={problem ? true : undefined}
      aria-describedby={problem ? errorId : undefined}
      data-testid={`star-input-${name}`}
    >
      <legend className="field__label">{legend}</legend>
      <div className="star-input__row">
        <div className="star-input__options">
          {STARS.map((star) => (
            <label
              key={star}
              className={
                value !== null && star <= value
                  ? 'star-input__option star-input__option--on'
                  : 'star-input__option'
              }
            >
              <input
                type="radio"
                className="star-input__radio"
                name={name}
                value={star}
                checked={value === star}
                onChange={() => onChange(star)}
              />
              <span aria-hidden="true">★</span>
              <span className="visually-hidden">{t('reviews.starOption', { count: star })}</span>
            </label>
          ))}
        </div>
        {clearable && value !== null && (
          <Button
            variant="link"
            onClick={() => onChange(null)}
            aria-label={t('reviews.form.clearAspect', { aspect: legend })}
          >
            {t('reviews.form.clear')}
          </Button>
        )}
      </div>
      <FieldError id={errorId} problem={problem} />
    </fieldset>
  );
};
