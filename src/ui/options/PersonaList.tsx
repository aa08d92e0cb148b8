import type { Persona } from '../../core/records/persona';
import { t } from '../../shared/i18n';
import { byName } from '../by-name';
import { LIST_FIELDS, LIST_LABEL } from './persona-draft';

interface Props {
  personas: Persona[];
  onEdit: (persona: Persona) => void;
  onDelete: (persona: Persona) => void;
}

export function PersonaList({ personas, onEdit, onDelete }: Props) {
  const sorted = byName(personas);
  return (
    <ul class="plain cards">
      {sorted.map((persona) => {
        const facts = [persona.age === null ? null : t('optionsPersonaAgeShown', persona.age), persona.job || null].filter(Boolean).join(' · ');
        return (
          <li key={persona.id} class="card" data-testid="persona-item">
            <div class="card-body">
              <h3>{persona.name}</h3>
              {facts && <p class="muted">{facts}</p>}
              {persona.description && <p>{persona.description}</p>}
              <p class="muted">
                {LIST_FIELDS.filter((field) => persona[field].length > 0)
                  .map((field) => t('optionsPersonaListCount', t(LIST_LABEL[field]), persona[field].length))
                  .join(' · ')}
              </p>
            </div>
            <div class="actions">
              <button type="button" aria-label={t('optionsEditNamed', persona.name)} onClick={() => onEdit(persona)}>
                {t('optionsEdit')}
              </button>
              <button type="button" class="danger" aria-label={t('optionsDeleteNamed', persona.name)} onClick={() => onDelete(persona)}>
                {t('optionsDelete')}
              </button>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
