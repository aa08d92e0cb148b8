import { isSensitive } from './element-description';

/** When the values are compared again after the latest click. */
const LOOKS_MS = [200, 800, 2500];

interface Watch {
  control: Element;
  /** The latest click on the control: the looks are timed from it. */
  clickedAt: number;
}

/** One control at a time: a burst of clicks on it reads its fields once, and a click elsewhere takes over. */
let watched: Watch | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;

/**
 * A control that sets a field's value from script (a quantity stepper's `input.value = n + 1`) changes no attribute
 * and fires no event: the mutation observer sees nothing. So after a click that may be judged, the values of the
 * fields near it are compared a few times, and a change is the page answering. The values are held in memory for
 * those seconds to compare, never kept or sent; password and payment fields are not read at all.
 *
 * A click in a burst on the watched control only moves its time: a timer set in the observer's world costs more
 * than the rest of a click's handling, so the pending look puts itself off instead.
 */
export function watchFieldsNear(control: Element, changed: () => void): void {
  const now = Date.now();
  // A control with no fields near it stays watched without a timer: after the last look's time, it is read afresh.
  if (watched?.control === control && now - watched.clickedAt <= LOOKS_MS.at(-1)!) {
    watched.clickedAt = now;
    return;
  }
  clearTimeout(timer);
  // Without a form around it, a stepper's field sits beside its buttons: two levels up holds − input +.
  const around = control.closest('form') ?? control.parentElement?.parentElement ?? control;
  const fields = [...around.querySelectorAll<HTMLInputElement>('input,select,textarea')].filter((field) => !isSensitive(field));
  const watch: Watch = { control, clickedAt: now };
  watched = watch;
  // Nothing near it to change: the burst's next clicks find it watched and read nothing.
  if (!fields.length) return;
  const values = () => fields.map((field) => field.value).join('\0');
  const before = values();
  // Each look is due LOOKS_MS[next] after the latest click; one due before a later click is put off to after it.
  const look = (next: number, since: number) => {
    // A click elsewhere clears this timer, so when it fires the watch is still this one.
    timer = setTimeout(() => {
      if (watch.clickedAt !== since) return look(0, watch.clickedAt);
      const done = values() !== before;
      if (done) changed();
      if (done || next + 1 === LOOKS_MS.length) watched = null;
      else look(next + 1, since);
    }, since + LOOKS_MS[next]! - Date.now());
  };
  look(0, now);
}
