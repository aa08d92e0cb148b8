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
});
