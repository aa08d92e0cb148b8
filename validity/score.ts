import { SignalKind } from '../src/core/records/signal';

/** A signal an episode must produce: its kind, the page (path) of the visit it belongs to, and what it must say. */
export interface Plant {
  kind: SignalKind;
  path: string;
  detail?: Record<string, string | number | boolean>;
  /** The element's CSS selector as stored (clicks only). */
  selector?: string;
}

export interface StoredSignal {
  id: string;
  kind: SignalKind;
  visitId: string;
  pageKey: string;
  element: { selector: string } | null;
  detail: Record<string, unknown>;
}

export interface StoredVisit {
  id: string;
  tabId: number;
  url: string;
}

/** A walk in its own tabs: planted episodes list what they must produce; normal walks plant nothing. */
export interface Lane {
  name: string;
  normal: boolean;
  tabIds: number[];
  plants: Plant[];
  /** Tabs of an earlier try that broke off before the walk was done (it was walked again): nothing stored there is scored. */
  setAside?: number[];
}

export interface KindScore {
  planted: number;
  found: number;
  missed: number;
  falseAlarms: number;
}

export interface LaneResult {
  name: string;
  normal: boolean;
  found: Plant[];
  missed: Plant[];
  /** Each with the stored signal itself, for whoever fixes the detector. */
  falseAlarms: Array<{ kind: string; path: string; selector: string | null; detail: Record<string, unknown>; stored: StoredSignal }>;
}

const pathOf = (url: string) => new URL(url).pathname;

function matches(plant: Plant, signal: StoredSignal, visit: StoredVisit): boolean {
  if (plant.kind !== signal.kind || plant.path !== pathOf(visit.url)) return false;
  if (plant.selector !== undefined && signal.element?.selector !== plant.selector) return false;
  return Object.entries(plant.detail ?? {}).every(([key, value]) => signal.detail[key] === value);
}

/**
 * Matches the stored signals to the lanes by the tab their visit was in, then each lane's plants to its signals one
 * to one. A plant with no signal is a miss; a signal no plant takes — in a normal walk, in a planted episode, or
 * in no lane at all — is a false alarm. Signals in a set-aside tab are not scored: a walk cut short plants only part
 * of what it lists, and its closing would read as an exit.
 */
export function score(lanes: readonly Lane[], signals: readonly StoredSignal[], visits: readonly StoredVisit[]): { kinds: Record<SignalKind, KindScore>; lanes: LaneResult[] } {
  const kinds = Object.fromEntries(SignalKind.options.map((kind) => [kind, { planted: 0, found: 0, missed: 0, falseAlarms: 0 }])) as Record<SignalKind, KindScore>;
  const visitById = new Map(visits.map((v) => [v.id, v]));
  const laneOfTab = new Map(lanes.flatMap((lane) => lane.tabIds.map((tab) => [tab, lane] as const)));
  const setAside = new Set(lanes.flatMap((lane) => lane.setAside ?? []));
  const byLane = new Map<Lane | null, Array<{ signal: StoredSignal; visit: StoredVisit | undefined }>>();
  for (const signal of signals) {
    const visit = visitById.get(signal.visitId);
    if (visit && setAside.has(visit.tabId)) continue;
    const lane = (visit && laneOfTab.get(visit.tabId)) ?? null;
    byLane.set(lane, [...(byLane.get(lane) ?? []), { signal, visit }]);
  }
  const describe = ({ signal, visit }: { signal: StoredSignal; visit: StoredVisit | undefined }) => ({
    kind: signal.kind,
    path: visit ? pathOf(visit.url) : `(no visit; page key ${signal.pageKey})`,
    selector: signal.element?.selector ?? null,
    detail: signal.detail,
    stored: signal,
  });
  const results: LaneResult[] = [];
  for (const lane of [...lanes, null]) {
    const left = [...(byLane.get(lane) ?? [])];
    const result: LaneResult = { name: lane?.name ?? '(signals in no walk)', normal: lane?.normal ?? false, found: [], missed: [], falseAlarms: [] };
    for (const plant of lane?.plants ?? []) {
      kinds[plant.kind].planted++;
      const at = left.findIndex(({ signal, visit }) => visit !== undefined && matches(plant, signal, visit));
      if (at < 0) {
        result.missed.push(plant);
        kinds[plant.kind].missed++;
        continue;
      }
      left.splice(at, 1);
      result.found.push(plant);
      kinds[plant.kind].found++;
    }
    for (const extra of left) {
      result.falseAlarms.push(describe(extra));
      kinds[extra.signal.kind].falseAlarms++;
    }
    if (lane || left.length) results.push(result);
  }
  return { kinds, lanes: results };
}

/** The per-kind table, as printed and as put in the README. */
export function table(kinds: Record<SignalKind, KindScore>): string {
  const rows = Object.entries(kinds).map(([kind, s]) => `| ${kind} | ${s.planted} | ${s.found} | ${s.missed} | ${s.falseAlarms} |`);
  const total = Object.values(kinds).reduce((sum, s) => ({ planted: sum.planted + s.planted, found: sum.found + s.found, missed: sum.missed + s.missed, falseAlarms: sum.falseAlarms + s.falseAlarms }));
  return ['| signal | planted | found | missed | false alarms |', '|---|---|---|---|---|', ...rows, `| **all** | ${total.planted} | ${total.found} | ${total.missed} | ${total.falseAlarms} |`].join('\n');
}
