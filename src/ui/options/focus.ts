/**
 * Focus an element by id once the pending render has reached the DOM. Falls back when the element is gone or
 * disabled (e.g. "Move up" on what just became the first item).
 */
export function focusById(id: string, fallbackId?: string): void {
  requestAnimationFrame(() => {
    const element = document.getElementById(id);
    const usable = element && !(element as HTMLButtonElement).disabled ? element : null;
    const target = usable ?? (fallbackId ? document.getElementById(fallbackId) : null);
    target?.focus();
  });
}

/** Focus a field now, opening the collapsed section (friction settings) that would keep it from taking focus. */
export function revealById(id: string): void {
  const field = document.getElementById(id);
  const details = field?.closest('details');
  if (details) details.open = true;
  field?.focus();
}
