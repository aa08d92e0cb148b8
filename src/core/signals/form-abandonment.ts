import type { ElementDescription } from '../records/signal';
import type { DetectorFactory, SignalDraft } from './observation';

/** Bounds that keep memory O(1) on pages that build forms endlessly; real forms stay far below them. */
const MAX_FORMS = 20;
const MAX_FIELDS = 200;

interface FormProgress {
  /** Selectors of the fields that received input: the fact only, never a value. */
  fields: Set<string>;
  last: ElementDescription;
  /** Its first input. */
  at: number;
}

/**
 * Form abandonment (Hotjar, Clarity form analytics): a form whose fields received input and that is left without a
 * submit, or a click on one of its buttons (apps send from a click handler). One signal per form at leave, with how many distinct fields were touched and the last one as element.
 * Needs no threshold, so it ignores the settings every other detector gets.
 */
export const createFormAbandonmentDetector: DetectorFactory = () => {
  const forms = new Map<string, FormProgress>();
  return {
    observe(o) {
      switch (o.type) {
        case 'input': {
          let form = forms.get(o.form);
          if (!form) {
            if (forms.size >= MAX_FORMS) return [];
            form = { fields: new Set(), last: o.description, at: o.at };
            forms.set(o.form, form);
          }
          if (form.fields.size < MAX_FIELDS) form.fields.add(o.description.selector);
          form.last = o.description;
          return [];
        }
        case 'submit':
          // Input after a submit (a rejected submit, then more typing) starts the form's progress afresh.
          forms.delete(o.form);
          return [];
        // A button of the form clicked: the person tried to send it (a login whose button fetches, with no submit).
        case 'click':
          if (o.target.sends) forms.delete(o.target.sends);
          return [];
        // A route change is left at its time but settled a little later: a form typed into since is the next
        // route's (a person quick to its first field), not one this visit left.
        case 'leave': {
          const found: SignalDraft[] = [];
          for (const [key, form] of forms) {
            if (form.at >= o.at) continue;
            found.push({ kind: 'form_abandonment', at: o.at, element: form.last, detail: { fields: form.fields.size } });
            forms.delete(key);
          }
          return found;
        }
        default:
          return [];
      }
    },
  };
};
