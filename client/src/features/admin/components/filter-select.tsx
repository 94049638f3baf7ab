import { SelectField } from '@/components/form/select-field';

interface FilterSelectProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly { value: string; label: string }[];
  /** The first option, for no filter (left out for a choice that always has a value). */
  allLabel?: string;
}

/** A list filter bound to one search param. */
export const FilterSelect = ({ label, value, onChange, options, allLabel }: FilterSelectProps) => (
  <SelectField
    label={label}
    value={value}
    onChange={(event) => onChange(event.target.value)}
    options={allLabel ? [{ value: '', label: allLabel }, ...options] : options}
  />
);
