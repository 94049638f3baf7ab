import { ChoiceGroupFrame, type ChoiceGroupProps } from './choice-group';

interface RadioGroupProps extends ChoiceGroupProps {
  /** Null while nothing is chosen. */
  value: string | null;
  onChange: (value: string) => void;
}

/**
 * A list to pick one from, as a fieldset with a legend. The problem marks each radio, so a failed
 * submit focuses the first one and the error is read with it.
 */
export const RadioGroup = ({ value, onChange, ...group }: RadioGroupProps) => (
  <ChoiceGroupFrame
    {...group}
    type="radio"
    describe="each"
    className="radio-group__options"
    inputFor={(option) => ({
      checked: value === option.value,
      onChange: () => onChange(option.value),
    })}
  />
);
