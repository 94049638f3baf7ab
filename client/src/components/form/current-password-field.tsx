import type { ComponentProps } from 'react';

import { TextField } from './text-field';

type CurrentPasswordFieldProps = Omit<
  ComponentProps<typeof TextField>,
  'type' | 'autoComplete' | 'required'
>;

/** The password the user has now (logging in, confirming a change): password managers fill it in. */
export const CurrentPasswordField = (props: CurrentPasswordFieldProps) => (
  <TextField type="password" autoComplete="current-password" required {...props} />
);
