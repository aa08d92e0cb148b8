import { isSensitive } from './element-description';

/** When the values are compared again after the click. */
const LOOKS_MS = [200, 800, 2500];

/**
 * A control that sets a field's value from script (a quantity stepper's `input.value = n + 1`) changes no attribute
 * and fires no event: the mutation observer sees nothing. So after a click that may be judged, the values of the
 * fields near it are compared a few times, and a change is the page answering. The values are held in memory for
 * those seconds to compare, never kept or sent; password and payment fields are not read at all.
 */
export function watchFieldsNear(control: Element, changed: () => void): void {
  // Without a form around it, a stepper's field sits beside its buttons: two levels up holds − input +.
  const around = control.closest('form') ?? control.parentElement?.parentElement ?? control;
  const fields = [...around.querySelectorAll<HTMLInputElement>('input,select,textarea')].filter((field) => !isSensitive(field));
  const values = () => fields.map((field) => field.value).join('\0');
  if (!fields.length) return;
  const before = values();
  for (const ms of LOOKS_MS) setTimeout(() => values() !== before && changed(), ms);
}
