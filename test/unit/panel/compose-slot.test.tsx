// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../../src/shared/i18n', () => ({ t: (key: string) => key }));
// The worker's answers to `ui.compose.pending`, released by the test in the order it chooses.
const answers: { resolve: (open: { id: string } | null) => void }[] = [];
vi.mock('../../../src/ui/api', () => ({ api: () => new Promise((resolve) => answers.push({ resolve })) }));

const { ComposeSlot } = await import('../../../src/ui/panel/ComposeSlot');

let mount: HTMLElement;
beforeEach(() => {
  answers.length = 0;
  mount = document.createElement('div');
  document.body.append(mount);
});
afterEach(() => {
  render(null, mount);
  mount.remove();
});

const frame = () => mount.querySelector('iframe')?.getAttribute('src') ?? null;

describe('the panel’s form slot', () => {
  it('keeps the form being written when an earlier refresh’s answer comes last', async () => {
    await act(() => render(<ComposeSlot tabId={7} version={1} />, mount));
    // Asked before the page asked for a form, answered late.
    const early = answers[0]!;
    await act(() => render(<ComposeSlot tabId={7} version={2} />, mount));
    await act(async () => answers[1]!.resolve({ id: 'answer-2' }));
    expect(frame()).toContain('id=answer-2');
    await act(async () => early.resolve(null));
    expect(frame()).toContain('id=answer-2');
  });

  it('shows the form the latest refresh names, and drops it when that refresh names none', async () => {
    await act(() => render(<ComposeSlot tabId={7} version={1} />, mount));
    await act(async () => answers[0]!.resolve({ id: 'note-1' }));
    expect(frame()).toContain('tab=7&id=note-1');
    await act(() => render(<ComposeSlot tabId={7} version={2} />, mount));
    await act(async () => answers[1]!.resolve(null));
    expect(frame()).toBeNull();
  });
});
