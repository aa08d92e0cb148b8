/**
 * Sums the cues of one text with the weight of the clause each stands in: after a contrast ("but", 하지만, -지만)
 * what follows weighs 1.5 and what came before 0.5, as people put their verdict last; a concession ("although")
 * weighs 0.5; a condition or a wish ("if it were faster", 빨랐으면 좋겠어요) judges nothing that is there.
 */
const ALPHA = 15;

export class CueTally {
  #items: Array<{ value: number; weight: number }> = [];
  #weight = 1;
  #after = 1;
  #clauseStart = 0;

  add(value: number): void {
    if (value) this.#items.push({ value, weight: this.#weight });
  }

  /** Drops the last cue when it is positive: "잘 안 돼요" and "마음에 안 들어요" are one negative cue. */
  dropLastPositive(): void {
    const last = this.#items.at(-1);
    if (last && last.value > 0 && this.#items.length > this.#clauseStart) this.#items.pop();
  }

  /** A remedy ("solved my problem", 문제를 해결해): the complaints named in this clause were put right. */
  dropClauseNegatives(): void {
    const kept = this.#items.slice(this.#clauseStart).filter((item) => item.value > 0);
    this.#items.length = this.#clauseStart;
    this.#items.push(...kept);
  }

  /** Turns the clause's last negative cue into praise (불편한 점이 하나도 없었어요); false when there is none. */
  flipLastNegative(): boolean {
    for (let i = this.#items.length - 1; i >= this.#clauseStart; i--) {
      const item = this.#items[i]!;
      if (item.value < 0) {
        item.value = -item.value;
        return true;
      }
    }
    return false;
  }

  contrast(): void {
    for (const item of this.#items) item.weight *= 0.5;
    this.#weight = this.#after = 1.5;
    this.#clauseStart = this.#items.length;
  }

  concede(): void {
    this.#after = 1.5;
    this.#weight = 0.5;
  }

  condition(): void {
    this.#after = this.#weight;
    this.#weight = 0;
  }

  /** The clause so far was a condition (Korean marks it at its end: 빨랐으면). */
  dropClause(): void {
    this.#items.length = this.#clauseStart;
  }

  closeClause(): void {
    this.#weight = this.#after;
    this.#clauseStart = this.#items.length;
  }

  /** The weighted sum squashed into (−1, 1), as VADER normalises: s / √(s² + 15). */
  score(): number {
    const sum = this.#items.reduce((acc, item) => acc + item.value * item.weight, 0);
    return sum / Math.sqrt(sum * sum + ALPHA);
  }
}
