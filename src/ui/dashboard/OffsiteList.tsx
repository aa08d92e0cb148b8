import { useMemo, useState } from 'preact/hooks';
import type { JourneyMapData } from '../../core/journey-map/map-data';
import { api } from '../api';
import { useAction } from '../components/use-async';
import { t } from '../../shared/i18n';
import { ConfirmDialog } from '../options/ConfirmDialog';
import type { Persona } from '../../core/records/persona';
import { dateTime } from './date-format';
import { CHANNEL_LABEL } from './labels';

interface Props {
  map: JourneyMapData;
  personas: readonly Pick<Persona, 'id' | 'name'>[];
  onDeleted: (name: string) => void;
}

interface Item {
  id: string;
  name: string;
  channel: keyof typeof CHANNEL_LABEL;
  note: string;
  stageName: string;
  /** Who met it and when, as the filters read them. */
  who: string | null;
  at: number | null;
}

/** The off-site touchpoints logged for the study, in journey order, each with Delete. */
export function OffsiteList({ map, personas, onDeleted }: Props) {
  const [deleting, setDeleting] = useState<Item | null>(null);
  const removal = useAction();
  const items = useMemo(() => {
    const stages = new Map(map.study.stages.map((s) => [s.id, s.name]));
    const names = new Map(personas.map((p) => [p.id, p.name]));
    return map.aggregate.touchpoints.flatMap((tp): Item[] => {
      const o = tp.offsite;
      if (!o) return [];
      const stageName = (tp.stageId && stages.get(tp.stageId)) || t('dashboardUntagged');
      return [{ id: o.id, name: o.name, channel: o.channel, note: o.note, stageName, who: o.personaId === null ? null : (names.get(o.personaId) ?? null), at: o.at }];
    });
  }, [map, personas]);

  if (!items.length) return <p class="muted">{t('dashboardOffsiteNone')}</p>;
  return (
    <>
      <ul class="plain offsite-list" data-testid="offsite-list">
        {items.map((item) => (
          <li key={item.id}>
            <div>
              <strong>
                {t(CHANNEL_LABEL[item.channel])}: {item.name}
              </strong>{' '}
              <span class="muted">
                · {item.stageName}
                {item.who && ` · ${item.who}`}
                {item.at !== null && ` · ${dateTime(item.at)}`}
              </span>
              {item.note && <p class="muted offsite-note">{item.note}</p>}
            </div>
            <button type="button" class="danger" aria-label={t('dashboardOffsiteDeleteNamed', item.name)} onClick={() => setDeleting(item)}>
              {t('optionsDelete')}
            </button>
          </li>
        ))}
      </ul>
      {deleting && (
        <ConfirmDialog
          title={t('dashboardOffsiteDeleteTitle', deleting.name)}
          confirmLabel={t('dashboardOffsiteDeleteConfirm')}
          busy={removal.busy}
          error={removal.error}
          onConfirm={() =>
            void removal.run(async () => {
              await api({ type: 'ui.offsite.delete', id: deleting.id });
              setDeleting(null);
              onDeleted(deleting.name);
            })
          }
          onCancel={() => setDeleting(null)}
        >
          <p>{t('dashboardOffsiteDeleteBody')}</p>
        </ConfirmDialog>
      )}
    </>
  );
}
