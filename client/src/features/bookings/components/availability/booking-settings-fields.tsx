import { useTranslation } from 'react-i18next';

import { SwitchField } from '@/components/form/switch-field';
import { TextField } from '@/components/form/text-field';

import { settingPath } from './availability-values';
import type { AvailabilityProblems, NumberSetting, SettingsValues } from './availability-values';
import '../settings-group.css';

interface BookingSettingsFieldsProps {
  settings: SettingsValues;
  onChange: (settings: SettingsValues) => void;
  problems: AvailabilityProblems;
}

const SCHEDULING: readonly NumberSetting[] = [
  'bufferBeforeMinutes',
  'bufferAfterMinutes',
  'minNoticeHours',
  'maxDaysAhead',
  'dailyLimit',
];
const CANCELLATION: readonly NumberSetting[] = ['freeUntilHours', 'feePercent'];

/** Buffers, notice, horizon, daily limit, approval and the cancellation policy. */
export const BookingSettingsFields = ({
  settings,
  onChange,
  problems,
}: BookingSettingsFieldsProps) => {
  const { t } = useTranslation();
  const numberField = (setting: NumberSetting) => (
    <TextField
      key={setting}
      label={t(`practice.availability.settings.${setting}`)}
      hint={t(`practice.availability.settings.${setting}Hint`)}
      inputMode="numeric"
      name={setting}
      value={settings[setting]}
      onChange={(event) => onChange({ ...settings, [setting]: event.target.value })}
      problem={problems[settingPath(setting)]}
    />
  );
  return (
    <>
      <fieldset className="settings-group">
        <legend className="settings-group__legend">
          {t('practice.availability.settings.schedulingHeading')}
        </legend>
        <div className="form__row">{SCHEDULING.map(numberField)}</div>
        <SwitchField
          label={t('practice.availability.settings.requiresApproval')}
          hint={t('practice.availability.settings.requiresApprovalHint')}
          checked={settings.requiresApproval}
          onChange={(event) => onChange({ ...settings, requiresApproval: event.target.checked })}
        />
      </fieldset>
      <fieldset className="settings-group">
        <legend className="settings-group__legend">
          {t('practice.availability.settings.cancellationHeading')}
        </legend>
        <div className="form__row">{CANCELLATION.map(numberField)}</div>
      </fieldset>
    </>
  );
};
