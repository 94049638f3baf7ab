import { useEffect, useEffectEvent, useState } from 'react';

const DEFAULT_DELAY_MS = 350;

interface UrlDraftOptions<Committed> {
  /** The value in the URL. */
  committed: Committed;
  /** What the field shows for a committed value. */
  toDraft: (value: Committed) => string;
  /** What a typed text means; compared with `committed` to know whether to commit. */
  fromDraft: (draft: string) => Committed;
  commit: (value: Committed) => void;
  delayMs?: number;
}

/**
 * A text field backed by the URL: typing changes a draft, which is committed once the user
 * pauses, so the URL (and the request) do not follow every keystroke. When the URL changes
 * from elsewhere (back button, "clear filters"), the field shows the new value, unless it
 * already means the same (so a pause after "50." does not rewrite it to "50").
 */
export const useUrlDraft = <Committed>({
  committed,
  toDraft,
  fromDraft,
  commit,
  delayMs = DEFAULT_DELAY_MS,
}: UrlDraftOptions<Committed>) => {
  const [draft, setDraft] = useState(() => toDraft(committed));
  const [seen, setSeen] = useState(committed);

  // Adjusting state while rendering (React's documented pattern) avoids a flash of the old text.
  if (!Object.is(seen, committed)) {
    setSeen(committed);
    if (!Object.is(fromDraft(draft), committed)) setDraft(toDraft(committed));
  }

  const wanted = fromDraft(draft);
  const pending = !Object.is(wanted, committed);
  // The latest `commit` without restarting the pause whenever the page re-renders.
  const commitLater = useEffectEvent((value: Committed) => commit(value));
  useEffect(() => {
    if (!pending) return;
    const timer = setTimeout(() => commitLater(wanted), delayMs);
    return () => clearTimeout(timer);
  }, [pending, wanted, delayMs]);

  /** Commits at once, e.g. when the user presses Enter. */
  const flush = () => {
    if (pending) commit(wanted);
  };

  return { draft, setDraft, flush };
};
