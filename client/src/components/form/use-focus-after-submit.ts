import { useEffect, useRef, useState } from 'react';

/**
 * Each time `requests` grows, moves focus to the container's first invalid field, or else to
 * its alert, so keyboard and screen-reader users land on what needs fixing. Focus moves after
 * React has rendered the error state, hence the effect.
 */
export const useFocusFirstProblem = <Element extends HTMLElement = HTMLFormElement>(
  requests: number,
) => {
  const containerRef = useRef<Element>(null);

  useEffect(() => {
    if (requests === 0) return;
    const target = containerRef.current?.querySelector<HTMLElement>(
      '[aria-invalid="true"], [role="alert"]',
    );
    target?.focus();
  }, [requests]);

  return containerRef;
};

/** The same for a form that keeps its own state (`useFormState` forms get it from `FormFrame`). */
export const useFocusAfterSubmit = <Element extends HTMLElement = HTMLFormElement>() => {
  const [failedSubmits, setFailedSubmits] = useState(0);
  const containerRef = useFocusFirstProblem<Element>(failedSubmits);
  return { containerRef, focusFirstProblem: () => setFailedSubmits((count) => count + 1) };
};
