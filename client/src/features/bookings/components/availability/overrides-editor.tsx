import { useTranslation } from 'react-i18next';

import { FieldError } from '@/components/form/field-error';
import { Button } from '@/components/ui/button';

import { newRowId } from './availability-values';
import type { AvailabilityProblems, OverrideRow, RowPaths } from './availability-values';
import { DateOverrideFields } from './date-override-fields';

interface OverridesEditorProps {
  overrides: OverrideRow[];
  onChange: (overrides: OverrideRow[]) => void;
  problems: AvailabilityProblems;
  paths: RowPaths;
  /** Today in the coach's zone, `YYYY-MM-DD`: a new exception starts there. */
  today: string;
}

/** Single dates that differ from the week: a day off, or other hours. */
export const OverridesEditor = ({
  overrides,
  onChange,
  problems,
  paths,
  today,
}: OverridesEditorProps) => {
  const { t } = useTranslation();
  const update = (id: string, change: Partial<OverrideRow>) =>
    onChange(
      overrides.map((override) => (override.id === id ? { ...override, ...change } : override)),
    );

  return (
    <div className="overrides-editor">
      <FieldError problem={problems.overrides} />
      {overrides.length === 0 && (
        <p className="field__hint">{t('practice.availability.noOverrides')}</p>
      )}
      {overrides.map((override, index) => (
        <DateOverrideFields
          key={override.id}
          override={override}
          number={index + 1}
          problems={problems}
          paths={paths}
          onChange={(change) => update(override.id, change)}
          onRemove={() => onChange(overrides.filter((candidate) => candidate.id !== override.id))}
        />
      ))}
      <div>
        <Button
          variant="secondary"
          onClick={() =>
            onChange([...overrides, { id: newRowId(), date: today, dayOff: true, intervals: [] }])
          }
        >
          {t('practice.availability.addOverride')}
        </Button>
      </div>
    </div>
  );
};
