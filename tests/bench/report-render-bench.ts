// The supervisors' report as a supervisor sees it: the built headless host over the seeded
// 1,000,000-flag store (report-bench.ts), the Reports view in headless Chromium, and for each preset
// of its range (7, 30, 90 days) the time from choosing it to the new report on screen with its
// charts painted. Measured inside the page with performance.now(), on DOM events, never a sleep:
//   asks     the choice → getReport sent (the view drops the old report and renders "loading")
//   host     → its answer handled in the page (the store worker's queue, the query, JSON, socket)
//   tables   → the view's data-loaded="true" again (the answer checked, React renders the tables)
//   charts   → every recharts chart with its bars (ResponsiveContainer measures, then draws)
//   painted  → two animation frames later: the frame with the report has been painted.
import { chromium } from '@playwright/test';
// @ts-expect-error plain .mjs helper shared with scripts/test.mjs
import { CHROMIUM_ARGS, findChromium } from '../../scripts/find-chromium.mjs';
import { startSimulator } from '../../electron/main/core/simulator/simulator-server';
import { getAccount } from '../../electron/main/core/store/sqlite/account-queries';
import { SqliteStore } from '../../electron/main/core/store/sqlite/sqlite-store';
import { startHostProcess } from '../e2e/host-process';
import { addTestAccount, TEST_PASSWORD } from '../helpers/accounts';
import type { ReportStore } from './report-bench';

export const PRESETS = [7, 30, 90] as const;
/** Beside the presets, a year chosen with the date inputs (the longest period a report may cover). */
export const YEAR = 365;
const PERIODS = [...PRESETS, YEAR];
const SUPERVISOR = 'Bench Supervisor';

// Page scripts are strings: the TypeScript loader would wrap named functions in a helper the page lacks.
/** Before the app loads: when each getReport goes out, and when its answer reaches the page. */
const RECORD_MESSAGES = `(() => {
  const log = { sent: {}, reports: [] };
  globalThis.__benchMessages = log;
  const idOf = (data) => /"id":(\\d+)/.exec(data.slice(0, 64))?.[1];
  const Base = WebSocket;
  globalThis.WebSocket = class extends Base {
    constructor(...args) {
      super(...args);
      log.socket = this;
      this.addEventListener('message', (e) => {
        const id = typeof e.data === 'string' ? idOf(e.data) : undefined;
        if (id in log.sent) log.reports.push({ sent: log.sent[id], at: performance.now(), chars: e.data.length });
      });
    }
    send(data) {
      if (typeof data === 'string' && data.includes('"getReport"')) log.sent[idOf(data)] = performance.now();
      return super.send(data);
    }
  };
  // Resolves once the host's store worker has answered everything asked before (it answers in
  // order): a cheap store query on the page's own connection, its answer dropped by the app.
  let barrier = 1e9;
  globalThis.__benchDrained = () => new Promise((resolve) => {
    const id = String(++barrier);
    const done = (e) => {
      if (typeof e.data !== 'string' || idOf(e.data) !== id) return;
      log.socket.removeEventListener('message', done);
      resolve();
    };
    log.socket.addEventListener('message', done);
    log.socket.send(JSON.stringify({ type: 'invoke', id: Number(id), channel: 'getAlarmKpis', payload: {} }));
  });
  log.longTasks = [];
  new PerformanceObserver((list) => {
    for (const t of list.getEntries()) log.longTasks.push({ start: t.startTime, ms: t.duration });
  }).observe({ type: 'longtask' });
})()`;

/**
 * Chooses `days` in the range select — or, for a period the select does not offer, the IST date
 * `days` days back in the "from" input — and resolves with the marks of that report's rendering.
 */
const MEASURE = `(days) => new Promise((resolve, reject) => {
  const view = document.querySelector('[data-testid="reports-view"]');
  const select = view.querySelector('[data-testid="report-days"]');
  // Every recharts figure, with as many bars drawn as its table has non-zero figures (zeros draw
  // none), or its line (a long series, BarFigure's LINE_AFTER_POINTS).
  const charts = () => [...view.querySelectorAll('.report-figure')].filter((f) => f.querySelector('.report-chart'))
    .map((f) => ({ id: f.getAttribute('data-testid'), bars: f.querySelectorAll('.recharts-bar-rectangle').length,
      line: !!f.querySelector('path.recharts-line-curve[d]'), surface: !!f.querySelector('svg.recharts-surface'),
      figures: [...f.querySelectorAll('table tbody td:last-child')].filter((td) => Number(td.textContent) > 0).length }));
  const drawn = (c) => c.surface && (c.line || c.bars >= c.figures);
  // The new range's figures: one row per IST day of the period in the per-day table (days or days + 1).
  const dayRows = () => view.querySelectorAll('[data-testid="report-per-day-table"] tbody tr').length;
  const loaded = () => view.getAttribute('data-loaded') === 'true';
  const rendered = () => loaded() && dayRows() >= days && dayRows() <= days + 1 &&
    charts().length > 0 && charts().every(drawn);
  let unloaded = false;
  let committed = 0;
  const timer = setTimeout(() => {
    observer.disconnect();
    reject(new Error('no ' + days + '-day report after 60 s: data-loaded=' + loaded() + ', ' + dayRows() +
      ' day rows, charts ' + JSON.stringify(charts())));
  }, 60000);
  const failed = () => view.querySelector('[role="alert"]')?.textContent;
  const observer = new MutationObserver(() => {
    if (failed()) {
      observer.disconnect();
      clearTimeout(timer);
      reject(new Error('the ' + days + '-day report failed after ' + Math.round(performance.now() - started) + ' ms: ' + failed()));
      return;
    }
    if (!loaded()) unloaded = true;
    else if (unloaded && !committed) committed = performance.now();
    if (!rendered()) return;
    observer.disconnect();
    const shown = performance.now();
    requestAnimationFrame(() => requestAnimationFrame(() => {
      clearTimeout(timer);
      const painted = performance.now();
      const log = globalThis.__benchMessages;
      const answer = log.reports.find((m) => m.sent >= started);
      const busy = log.longTasks.filter((t) => t.start >= started && t.start <= painted).reduce((a, t) => a + t.ms, 0);
      const flags = view.querySelector('[data-testid="report-totals"] td')?.textContent ?? '';
      resolve({ started, sent: answer?.sent ?? null, answered: answer?.at ?? null, chars: answer?.chars ?? null, busy,
        committed: committed || shown, shown, painted, flags, dayRows: dayRows(), charts: charts().length });
    }));
  });
  observer.observe(view, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-loaded'] });
  const started = performance.now();
  if ([...select.options].some((o) => o.value === String(days))) {
    select.value = String(days);
    select.dispatchEvent(new Event('change', { bubbles: true }));
  } else {
    const from = view.querySelector('[data-testid="report-from"]');
    const ist = new Date(Date.now() + 5.5 * 3600000 - days * 86400000).toISOString().slice(0, 10);
    // React tracks the input's value: set it as the browser would, then say so.
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(from, ist);
    from.dispatchEvent(new Event('input', { bubbles: true }));
  }
  if (!loaded()) unloaded = true; // React applies a choice at once: the old report is gone
})`;

interface Marks {
  started: number;
  sent: number | null;
  answered: number | null;
  chars: number | null;
  /** Long tasks on the page's main thread between the choice and the paint, ms. */
  busy: number;
  committed: number;
  shown: number;
  painted: number;
  flags: string;
  dayRows: number;
  charts: number;
}

export interface PresetRender {
  days: number;
  /** Choice → report painted, median of the repetitions, ms; `runs` sorted. */
  renderedMs: number;
  runs: number[];
  /** Medians, ms: choice → getReport sent (the view's loading render), sent → answer in the page. */
  sendMs: number | null;
  hostMs: number | null;
  /** Answer → data-loaded="true", → every chart drawn, → painted. */
  commitMs: number | null;
  chartsMs: number;
  paintMs: number;
  /** Page main thread in long tasks during the measurement (median), ms. */
  pageBusyMs: number;
  answerMb: number | null;
  flags: number;
  charts: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function summarise(days: number, m: Marks[]): PresetRender {
  const answered = m.every((x) => x.answered !== null && x.sent !== null);
  const split = (f: (x: Marks) => number) => (answered ? median(m.map(f)) : null);
  const runs = m.map((x) => x.painted - x.started).sort((a, b) => a - b);
  return {
    days,
    renderedMs: median(runs),
    runs,
    sendMs: split((x) => x.sent! - x.started),
    hostMs: split((x) => x.answered! - x.sent!),
    commitMs: split((x) => x.committed - x.answered!),
    chartsMs: median(m.map((x) => x.shown - x.committed)),
    paintMs: median(m.map((x) => x.painted - x.shown)),
    pageBusyMs: median(m.map((x) => x.busy)),
    answerMb: answered ? median(m.map((x) => x.chars!)) / 2 ** 20 : null,
    flags: Number(m[0]!.flags.replace(/\D/g, '')),
    charts: m[0]!.charts,
  };
}

export async function benchReportRender(store: ReportStore, repetitions = 5): Promise<PresetRender[]> {
  const sync = SqliteStore.open(store.file, store.key, { createIfMissing: false });
  if (!getAccount(sync.database, SUPERVISOR)) addTestAccount(sync.database, SUPERVISOR, 'supervisor');
  sync.close();
  const sim = await startSimulator({ token: 'bench', runId: 'rr' });
  const host = await startHostProcess(
    [
      ...['--data-dir', store.dataDir, '--key-file', store.keyFile],
      ...['--feed-url', sim.url],
      '--init', // the key file is the bench's own, written before the database
      // The seed is a year of flags none of which retention has erased yet: at the default 90 days the
      // host would spend its first minutes purging that backlog (500 flags a batch) and every report
      // would queue behind it. A console that has run all year has no such backlog.
      ...['--retention-days', '3650'],
    ],
    { LIFELINE_FEED_TOKEN: 'bench' },
  );
  const browser = await chromium.launch({
    executablePath: (findChromium() as string | null) ?? undefined,
    args: CHROMIUM_ARGS as string[],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.addInitScript(RECORD_MESSAGES);
    const url = new URL(host.url);
    const hash = new URLSearchParams(url.hash.slice(1));
    hash.set('view', 'reports');
    url.hash = hash.toString();
    await page.goto(url.href);
    await page.getByTestId('logon-accept').check();
    await page.getByTestId('logon-name').fill(SUPERVISOR);
    await page.getByTestId('logon-password').fill(TEST_PASSWORD);
    await page.getByTestId('logon-send').click();
    // The view opens on the last 30 days.
    await page.locator('[data-testid="reports-view"][data-loaded="true"]').waitFor({ timeout: 120_000 });
    // Each choice is made once the host has caught up with the one before (no backlog of its own).
    const measure = async (days: number) => {
      await page.evaluate('__benchDrained()');
      return (await page.evaluate(`(${MEASURE})(${days})`)) as Marks;
    };
    for (const days of PERIODS) await measure(days); // one round to warm the host's page cache
    const marks = new Map<number, Marks[]>(PERIODS.map((d) => [d, []]));
    for (let i = 0; i < repetitions; i++)
      for (const days of PERIODS) {
        const m = await measure(days);
        if (process.env.BENCH_TRACE) console.log(`  ${days} days: ${JSON.stringify(m)}`);
        marks.get(days)!.push(m);
      }
    return PERIODS.map((days) => summarise(days, marks.get(days)!));
  } finally {
    await browser.close();
    await host.stop();
    await sim.close();
  }
}
