import { SESSION_MODES, SESSION_TYPE_LIMITS } from '@coachhub/shared/booking';
import type {
  CreateSessionTypeRequest,
  SessionMode,
  SessionTypeDTO,
} from '@coachhub/shared/booking';

import type { FieldProblems } from '@/lib/field-problem';
import { checkTextLength } from '@/lib/validation';

export interface SessionTypeValues {
  title: string;
  durationMinutes: string;
  mode: SessionMode;
  description: string;
  active: boolean;
}

export type SessionTypeField = Exclude<keyof SessionTypeValues, 'active'>;

export const EMPTY_SESSION_TYPE: SessionTypeValues = {
  title: '',
  durationMinutes: '60',
  mode: 'video',
  description: '',
  active: true,
};

export const toSessionTypeValues = (type: SessionTypeDTO): SessionTypeValues => ({
  title: type.title,
  durationMinutes: String(type.durationMinutes),
  mode: type.mode,
  description: type.description,
  active: type.active,
});

const L = SESSION_TYPE_LIMITS;

export const validateSessionType = (values: SessionTypeValues): FieldProblems<SessionTypeField> => {
  const duration = /^\d+$/.test(values.durationMinutes.trim())
    ? Number(values.durationMinutes.trim())
    : NaN;
  return {
    title:
      values.title.trim() === ''
        ? { key: 'practice.sessionTypes.titleRequired' }
        : checkTextLength(values.title, L.titleMax),
    durationMinutes:
      Number.isInteger(duration) &&
      duration >= L.minDurationMinutes &&
      duration <= L.maxDurationMinutes
        ? undefined
        : {
            key: 'validation.wholeNumber',
            values: { min: L.minDurationMinutes, max: L.maxDurationMinutes },
          },
    mode: SESSION_MODES.includes(values.mode) ? undefined : { key: 'validation.invalidValue' },
    description: checkTextLength(values.description, L.descriptionMax),
  };
};

export const toSessionTypeRequest = (values: SessionTypeValues): CreateSessionTypeRequest => ({
  title: values.title.trim(),
  durationMinutes: Number(values.durationMinutes.trim()),
  mode: values.mode,
  description: values.description.trim(),
  active: values.active,
});
