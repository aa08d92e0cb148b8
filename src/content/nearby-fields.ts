import { isSensitive } from './element-description';

/** When the values are compared again after the latest click. */
const LOOKS_MS = [200, 800, 2500];

interface Watch {
  control: Element;
  timer?: ReturnType<typeof setTimeout>;
  /** The control was clicked again: the looks start over from this click, against the values before the first. */
  again(): void;
}

/** One control at a time: a burst of clicks on it reads its fields once, and a click elsewhere takes over. */
let watched: Watch | null = null;

/**
 * A control that sets a field's value from script (a quantity stepper's `input.value = n + 1`) changes no attribute
 * and fires no event: the mutation observer sees nothing. So after a click that may be judged, the values of the
 * fields near it are compared a few times, and a change is the page answering. The values are held in memory for
 * those seconds to compare, never kept or sent; password and payment fields are not read at all.
 */
export function watchFieldsNear(control: Element, changed: () => void): void {
  if (watched?.control === control) return watched.again();
  clearTimeout(watched?.timer);
  // Without a form around it, a stepper's field sits beside its buttons: two levels up holds − input +.
  const around = control.closest('form') ?? control.parentElement?.parentElement ?? control;
  const fields = [...around.querySelectorAll<HTMLInputElement>('input,select,textarea')].filter((field) => !isSensitive(field));
  const values = () => fields.map((field) => field.value).join('\0');
  const before = values();
  // Each look is timed from the one before it, the first from the click.
  const look = (next: number) => {
    clearTimeout(watch.timer);
    watch.timer = setTimeout(() => {
      const done = values() !== before;
      if (done) changed();
      if (done || next + 1 === LOOKS_MS.length) watched = null;
      else look(next + 1);
    }, LOOKS_MS[next]! - (LOOKS_MS[next - 1] ?? 0));
  };
  const watch: Watch = { control, again: () => look(0) };
  watched = watch;
  look(0);
}
