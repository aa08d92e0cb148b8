import { isSensitive } from './element-description';

/** How far up from a control its fields may sit when there is no form around it (a stepper's − input +). */
const LEVELS_UP = 3;
/** When the values are compared again after the click. */
const LOOKS_MS = [200, 800, 2500];

/**
 * A control that sets a field's value from script (a quantity stepper's `input.value = n + 1`) changes no attribute
 * and fires no event: the mutation observer sees nothing. So after a click that may be judged, the values of the
 * fields near it are compared a few times, and a change is the page answering. The values are held in memory for
 * those seconds to compare, never kept or sent; password and payment fields are not read at all.
 */
export function watchFieldsNear(control: Element, changed: () => void): void {
  const form = control.closest('form');
  let around: Element = form ?? control;
  if (!form) for (let i = 0; i < LEVELS_UP && around.parentElement && around.parentElement !== document.body; i++) around = around.parentElement;
  const fields = [...around.querySelectorAll<HTMLInputElement>('input,select,textarea')].filter((field) => !isSensitive(field));
  const values = () => fields.map((field) => field.value).join('\0');
  if (!fields.length) return;
  const before = values();
  for (const ms of LOOKS_MS) setTimeout(() => values() !== before && changed(), ms);
}
