// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchFieldsNear } from '../../../src/content/nearby-fields';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('fields near a clicked control', () => {
  it('answer the click when a stepper sets its field from script (no event, no attribute)', () => {
    document.body.innerHTML = '<div class="qty"><button>+</button><input value="1"></div>';
    const changed = vi.fn();
    watchFieldsNear(document.querySelector('button')!, changed);
    document.querySelector('input')!.value = '2';
    vi.advanceTimersByTime(300);
    expect(changed).toHaveBeenCalled();
  });

  it('say nothing when no value changed', () => {
    document.body.innerHTML = '<form><input value="a"><button>Apply</button></form>';
    const changed = vi.fn();
    watchFieldsNear(document.querySelector('button')!, changed);
    vi.advanceTimersByTime(3000);
    expect(changed).not.toHaveBeenCalled();
  });

  it('never read a password or card field', () => {
    document.body.innerHTML = '<form><input type="password" value="a"><input name="cc-number" value="4111"><button>Show</button></form>';
    const changed = vi.fn();
    watchFieldsNear(document.querySelector('button')!, changed);
    document.querySelector<HTMLInputElement>('input[type=password]')!.value = 'b';
    document.querySelector<HTMLInputElement>('input[name=cc-number]')!.value = '4242';
    vi.advanceTimersByTime(3000);
    expect(changed).not.toHaveBeenCalled();
  });

  it('read the fields once for a burst on one control, and look again after its latest click', () => {
    document.body.innerHTML = '<div class="qty"><button>+</button><input value="1"></div>';
    const button = document.querySelector('button')!;
    const changed = vi.fn();
    const read = vi.spyOn(Element.prototype, 'querySelectorAll');
    for (let i = 0; i < 20; i++) {
      watchFieldsNear(button, changed);
      vi.advanceTimersByTime(150);
    }
    expect(read).toHaveBeenCalledTimes(1);
    // 3 s after the first click, past its last look: a look after the burst's latest click still hears it.
    document.querySelector('input')!.value = '2';
    vi.advanceTimersByTime(300);
    expect(changed).toHaveBeenCalledTimes(1);
    read.mockRestore();
  });

  it('set no timer for a burst’s later clicks, and none at all for a control with no field near it', () => {
    document.body.innerHTML = '<div class="qty"><button>+</button><input value="1"></div><main><p><button id="alone">Go</button></p></main>';
    const timers = vi.spyOn(globalThis, 'setTimeout');
    for (let i = 0; i < 20; i++) watchFieldsNear(document.querySelector('button')!, vi.fn());
    expect(timers).toHaveBeenCalledTimes(1);
    timers.mockClear();
    for (let i = 0; i < 20; i++) watchFieldsNear(document.querySelector('#alone')!, vi.fn());
    expect(timers).not.toHaveBeenCalled();
    timers.mockRestore();
  });

  it('read a control with no field near it afresh once its last look would have passed', () => {
    document.body.innerHTML = '<main><p><button>Go</button></p></main>';
    const button = document.querySelector('button')!;
    const read = vi.spyOn(Element.prototype, 'querySelectorAll');
    watchFieldsNear(button, vi.fn());
    vi.advanceTimersByTime(3000);
    // Fields may have been rendered beside it since.
    button.closest('main')!.insertAdjacentHTML('beforeend', '<input value="1">');
    const changed = vi.fn();
    watchFieldsNear(button, changed);
    expect(read).toHaveBeenCalledTimes(2);
    document.querySelector('input')!.value = '2';
    vi.advanceTimersByTime(300);
    expect(changed).toHaveBeenCalled();
    read.mockRestore();
  });
});
