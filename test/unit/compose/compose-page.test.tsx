// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../../src/shared/i18n', () => ({ t: (key: string) => key, uiLanguage: () => 'en', failureText: (f: unknown) => String(f) }));
// The worker's answers to the form's checks (`ui.compose.open`), one per check, in order.
const checks: (() => Promise<unknown>)[] = [];
vi.mock('../../../src/ui/api', () => ({ api: () => (checks.shift() ?? (() => new Promise(() => undefined)))() }));

const { Compose } = await import('../../../src/ui/compose/Compose');

const note = { kind: 'note', target: { tag: 'button', name: 'Apply coupon' }, initial: null } as const;
let mount: HTMLElement;
let closed: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  vi.useFakeTimers();
  history.replaceState(null, '', '?tab=7&id=form-1');
  closed = vi.spyOn(window, 'close').mockImplementation(() => undefined);
  mount = document.createElement('div');
  document.body.append(mount);
});
afterEach(() => {
  render(null, mount);
  mount.remove();
  closed.mockRestore();
  vi.useRealTimers();
});

/** The next check, and its answer applied. */
const tick = async () => {
  await act(async () => void vi.advanceTimersByTime(1000));
  await act(async () => undefined);
};

describe('a form written outside the page', () => {
  it('stays when a check fails, is drawn once a check answers, and goes when the page says it is gone', async () => {
    checks.push(() => Promise.reject(new Error('The message port closed before a response was received.')));
    await act(() => render(<Compose />, mount));
    await act(async () => undefined);
    expect(closed).not.toHaveBeenCalled();
    expect(mount.querySelector('textarea')).toBeNull();

    checks.push(async () => note);
    await tick();
    expect(mount.querySelector('textarea')).not.toBeNull();

    // A failed check with the form drawn leaves it, and what is typed, as it is.
    mount.querySelector('textarea')!.value = 'half a sentence';
    checks.push(() => Promise.reject(new Error('Receiving end does not exist.')));
    await tick();
    expect(closed).not.toHaveBeenCalled();
    expect(mount.querySelector('textarea')!.value).toBe('half a sentence');

    checks.push(async () => null);
    await tick();
    expect(closed).toHaveBeenCalled();
  });
});
