import { ChoiceGroupFrame, type ChoiceGroupProps } from './choice-group';

interface CheckboxGroupProps extends ChoiceGroupProps {
  value: readonly string[];
  onChange: (value: string[]) => void;
}

/**
 * A list to pick several from (specialties, languages). A fieldset with a legend, so each box
 * is read as "Career, checkbox, Specialties"; the group's hint and error describe every box.
 * Choices keep the options' order, whatever order they were ticked in.
 */
export const CheckboxGroup = ({ value, onChange, ...group }: CheckboxGroupProps) => {
  const toggle = (option: string, checked: boolean) => {
    const chosen = new Set(value);
    if (checked) chosen.add(option);
    else chosen.delete(option);
    onChange(group.options.map((candidate) => candidate.value).filter((v) => chosen.has(v)));
  };

  return (
    <ChoiceGroupFrame
      {...group}
      type="checkbox"
      describe="group"
      inputFor={(option) => ({
        checked: value.includes(option.value),
        onChange: (event) => toggle(option.value, event.target.checked),
      })}
    />
  );
};
