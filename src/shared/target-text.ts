import type { TargetLabel } from '../core/messages';

const NAME_CHARS = 60;

/** "button · Add to cart": the tag, then the element's name, shortened. */
export function targetText({ tag, name }: TargetLabel): string {
  if (!name) return tag;
  const short = name.length > NAME_CHARS ? `${name.slice(0, NAME_CHARS - 1)}…` : name;
  return `${tag} · ${short}`;
}
