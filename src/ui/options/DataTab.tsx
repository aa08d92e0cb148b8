import { useEffect, useState } from 'preact/hooks';
import type { StoreHealth } from '../../core/records/store-health';
import { api } from '../api';
import { StoreHealthNotice } from '../components/StoreHealthNotice';
import type { TabProps } from './tab-props';
import { RetentionSettings } from './RetentionSettings';

/** What is stored: whether the store takes writes, and how long recordings are kept. */
export function DataTab({ announce }: TabProps) {
  const [health, setHealth] = useState<StoreHealth | null>(null);
  useEffect(() => {
    api({ type: 'ui.store.health' }).then(setHealth, () => undefined);
  }, []);
  return (
    <div class="stack">
      <StoreHealthNotice health={health} />
      <RetentionSettings announce={announce} />
    </div>
  );
}
