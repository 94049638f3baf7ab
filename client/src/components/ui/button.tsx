import type { ComponentProps } from 'react';

import './button.css';

type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'link';

export const buttonClassName = (variant: ButtonVariant = 'primary', extra?: string): string =>
  ['button', `button--${variant}`, extra].filter(Boolean).join(' ');

interface ButtonProps extends ComponentProps<'button'> {
  variant?: ButtonVariant;
  /** Keeps the button's name stable for assistive tech while showing progress text. */
  busyLabel?: string;
  isBusy?: boolean;
}

export const Button = ({
  variant = 'primary',
  busyLabel,
  isBusy = false,
  className,
  children,
  type = 'button',
  disabled,
  ...props
}: ButtonProps) => (
  <button
    type={type}
    className={buttonClassName(variant, className)}
    disabled={disabled || isBusy}
    aria-busy={isBusy || undefined}
    {...props}
  >
    {isBusy && <span className="button__spinner" aria-hidden="true" />}
    {isBusy && busyLabel ? busyLabel : children}
  </button>
);
