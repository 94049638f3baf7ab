import { useEffect, useRef, useState } from 'react';

/**
 * After a failed submit, moves focus to the first invalid field, or else to the form's alert,
 * so keyboard and screen-reader users land on what needs fixing. Focus moves after React
 * has rendered the error state, hence the effect.
 */
export const useFocusAfterSubmit = <Element extends HTMLElement = HTMLFormElement>() => {
  const containerRef = useRef<Element>(null);
  const [failedSubmits, setFailedSubmits] = useState(0);

  useEffect(() => {
    if (failedSubmits === 0) return;
    const target = containerRef.current?.querySelector<HTMLElement>(
      '[aria-invalid="true"], [role="alert"]',
    );
    target?.focus();
  }, [failedSubmits]);

  return { containerRef, focusFirstProblem: () => setFailedSubmits((count) => count + 1) };
};
