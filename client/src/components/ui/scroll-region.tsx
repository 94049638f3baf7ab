import type { ReactNode } from 'react';

interface ScrollRegionProps {
  /** The feature's class: it sets `overflow-x: auto` (and what printing or width need). */
  className: string;
  /** Names the region, or `labelledBy` points at what names it (a table's caption). */
  label?: string;
  labelledBy?: string;
  children: ReactNode;
}

/**
 * A wide table's own region: at 360 px the table scrolls sideways inside it and the page does
 * not; focusable, so keyboards can scroll it too.
 */
export const ScrollRegion = ({ className, label, labelledBy, children }: ScrollRegionProps) => (
  <div
    className={className}
    role="region"
    aria-label={label}
    aria-labelledby={labelledBy}
    tabIndex={0}
  >
    {children}
  </div>
);
