/** The forms' keys: Esc cancels, Ctrl (⌘) + Enter sends; Enter alone adds a line to the text. */
export function formKeys(onCancel: () => void, send: (event: Event) => void) {
  return (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      send(event);
    }
  };
}
