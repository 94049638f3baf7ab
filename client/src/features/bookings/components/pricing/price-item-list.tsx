import { useState } from 'react';
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
}

interface PriceItemListProps {
  kind: PriceItemKind;
  items: readonly PriceItem[];
  onRemove: (id: string) => void;
  /** The form adding an item; it calls `done` when saved or cancelled. */
  renderForm: (done: () => void) => ReactNode;
}

/** The list of a coach's discounts or packages, each removable, with a form to add one. */
export const PriceItemList = ({ kind, items, onRemove, renderForm }: PriceItemListProps) => {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const texts = PRICE_ITEM_TEXTS[kind];
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
              <Button
                variant="ghost"
                onClick={() => onRemove(item.id)}
                aria-label={item.removeLabel}
              >
                {t('practice.availability.remove')}
              </Button>
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
