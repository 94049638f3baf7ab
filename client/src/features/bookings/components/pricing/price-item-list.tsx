import { useEffect, useId, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';

import { PRICE_ITEM_TEXTS } from './price-item-kinds';
import type { PriceItemKind } from './price-item-kinds';

export interface PriceItem {
  id: string;
  title: string;
  active: boolean;
  detail: ReactNode;
  /** Accessible name of its remove button, naming the item. */
  removeLabel: string;
  /** The question asked before it is removed, naming the item. */
  removeQuestion: string;
}

interface PriceItemListProps {
  kind: PriceItemKind;
  items: readonly PriceItem[];
  onRemove: (id: string) => void;
  /** The form adding an item; it calls `done` when saved or cancelled. */
  renderForm: (done: () => void) => ReactNode;
}

/**
 * Asks before an item goes: "Yes, remove" or "Keep" (Escape keeps too). The question takes the
 * focus, so a screen reader reads it; keeping returns the focus to the item's remove button.
 */
const RemoveConfirmation = ({
  question,
  onConfirm,
  onKeep,
}: {
  question: string;
  onConfirm: () => void;
  onKeep: () => void;
}) => {
  const { t } = useTranslation();
  const questionId = useId();
  const questionRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => questionRef.current?.focus(), []);
  return (
    <div
      className="price-item__confirm"
      role="group"
      aria-labelledby={questionId}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onKeep();
      }}
    >
      <p id={questionId} ref={questionRef} tabIndex={-1}>
        {question}
      </p>
      <div className="price-item__confirm-actions">
        <Button variant="secondary" onClick={onConfirm}>
          {t('practice.pricing.confirmRemove')}
        </Button>
        <Button variant="ghost" onClick={onKeep}>
          {t('practice.pricing.keepItem')}
        </Button>
      </div>
    </div>
  );
};

/** The list of a coach's discounts or packages, each removable after a question, with a form to add one. */
export const PriceItemList = ({ kind, items, onRemove, renderForm }: PriceItemListProps) => {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [confirming, setConfirming] = useState<string | null>(null);
  const removeButtons = useRef(new Map<string, HTMLButtonElement>());
  const texts = PRICE_ITEM_TEXTS[kind];

  const keep = (id: string) => {
    setConfirming(null);
    // After the re-render that brings the remove button back.
    requestAnimationFrame(() => removeButtons.current.get(id)?.focus());
  };

  return (
    <div className="price-items">
      {items.length === 0 ? (
        <p className="field__hint">{t(texts.empty)}</p>
      ) : (
        <ul className="price-item-list" aria-label={t(texts.listLabel)}>
          {items.map((item) => (
            <li key={item.id} className="price-item" data-testid={kind}>
              <div>
                <p className="price-item__name">
                  {item.title}
                  {!item.active && ` · ${t('practice.sessionTypes.inactive')}`}
                </p>
                <p className="price-item__detail">{item.detail}</p>
              </div>
              {confirming === item.id ? (
                <RemoveConfirmation
                  question={item.removeQuestion}
                  onConfirm={() => {
                    setConfirming(null);
                    onRemove(item.id);
                  }}
                  onKeep={() => keep(item.id)}
                />
              ) : (
                <Button
                  variant="ghost"
                  ref={(button: HTMLButtonElement | null) => {
                    if (button) removeButtons.current.set(item.id, button);
                    else removeButtons.current.delete(item.id);
                  }}
                  onClick={() => setConfirming(item.id)}
                  aria-label={item.removeLabel}
                >
                  {t('practice.availability.remove')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {adding ? (
        renderForm(() => setAdding(false))
      ) : (
        <div>
          <Button variant="secondary" onClick={() => setAdding(true)}>
            {t(texts.add)}
          </Button>
        </div>
      )}
    </div>
  );
};
