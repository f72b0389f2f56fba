// `npm run bench`: prints the figures as a table and writes test-results/bench.json. Each figure
// comes with its baseline or target, measured in the same run on the same machine.
//   BENCH_FLAGS   flags in the ingest comparison (default 20,000)
//   BENCH_TOTAL   flags stored for the cold start (default 1,000,000); BENCH_OPEN open among them
//   BENCH_ONLY    some of ingest,cold,latency,frames,report,routing,postgres,room,cluster (default all), e.g. BENCH_ONLY=room
//   BENCH_ALARMS  flags timed feed → alarm on two cores (default 200); BENCH_KILLS takeovers timed (default 20)
//   BENCH_PG_TOTALS  flags stored for PostgreSQL's cold starts (default 100000,1000000)
//   BENCH_TRACE   print each report rendering's marks in the page (report-render-bench.ts)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { benchFrames, benchLatency } from './browser-bench';
import { benchColdStart } from './cold-start-bench';
import { benchIngest } from './ingest-bench';
import { benchReport, withReportStore } from './report-bench';
import { benchReportRender, YEAR } from './report-render-bench';
import { benchRouting } from './routing-bench';
import { benchPostgres } from './postgres-bench';
import { benchRoom } from './room-bench';
import { benchCluster } from './cluster-bench';

async function main() {
  const only = new Set(
    (process.env.BENCH_ONLY ?? 'ingest,cold,latency,frames,report,routing,postgres,room,cluster').split(','),
  );
  // Routing alone runs in this process: no build needed.
  const needsBuild = [...only].some((name) => !['routing', 'postgres'].includes(name));
  if (needsBuild && !fs.existsSync('out/main/cli.js'))
    spawnSync(process.execPath, ['node_modules/electron-vite/bin/electron-vite.js', 'build'], {
      stdio: 'inherit',
    });
  const machine = `${os.cpus()[0]?.model ?? 'cpu'} ×${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  console.log(`Lifeline Console bench — ${machine}\n`);

  const results: Record<string, unknown> = {};

  if (only.has('ingest')) {
    const ingest = benchIngest(Number(process.env.BENCH_FLAGS ?? 20_000));
    console.log(`ingest, ${ingest.flags} synthetic flags in pages of 100 (WAL, synchronous=FULL)`);
    console.log(
      `  bare insert, plain SQLite            ${String(ingest.plainPerS).padStart(7)} flags/s   baseline`,
    );
    console.log(
      `  bare insert, encrypted (AES-256)     ${String(ingest.encryptedPerS).padStart(7)} flags/s   ${ingest.encryptionRatio.toFixed(2)} × plain`,
    );
    console.log(
      `  full ingest pipeline, encrypted      ${String(ingest.pipelinePerS).padStart(7)} flags/s   ${ingest.pipelineRatio.toFixed(2)} × bare encrypted (target ≥ 0.5)`,
    );
    console.log(`  open-queue query over ${ingest.flags} open flags: ${ingest.openQueueMs.toFixed(1)} ms\n`);
    results.ingest = ingest;
  }

  if (only.has('cold')) {
    const total = Number(process.env.BENCH_TOTAL ?? 1_000_000);
    const open = Number(process.env.BENCH_OPEN ?? 10_000);
    const cold = await benchColdStart(total, open);
    console.log(
      `cold start, ${total} stored flags (${open} open), database ${cold.dbMb.toFixed(0)} MB (seeded in ${cold.seedS.toFixed(0)} s)`,
    );
    console.log(`  headless host process ready          ${cold.readyMs.toFixed(0).padStart(7)} ms`);
    console.log(
      `  … to a usable queue (${open} rows)   ${cold.usableMs.toFixed(0).padStart(7)} ms   (target < 2000)`,
    );
    console.log(`  host resident memory, idle           ${cold.rssIdleMb?.toFixed(0).padStart(7)} MB`);
    console.log(`  host resident memory, ${open} open    ${cold.rssOpenMb?.toFixed(0).padStart(7)} MB`);
    console.log(
      `\nshift-handover summary over ${total} stored flags (last full shift: ${cold.summaryFlags} flags received, ${open} open carried over)`,
    );
    console.log(
      `  summary, median of 5                 ${cold.summaryMs.toFixed(1).padStart(7)} ms   (target < 50)`,
    );
    console.log(`  plan: ${cold.summaryPlan}`);
    results.cold = cold;
  }

  if (only.has('latency')) {
    const latency = await benchLatency(50, 1000);
    console.log(
      `\nfeed → desk queue → alarm in Chromium, ${latency.samples} flags, poll interval ${latency.pollIntervalMs} ms (long poll)`,
    );
    console.log(
      `  row on the desk       p50 ${String(latency.queueP50).padStart(5)} ms   p99 ${String(latency.queueP99).padStart(5)} ms`,
    );
    console.log(
      `  alarm sounding        p50 ${String(latency.alarmP50).padStart(5)} ms   p99 ${String(latency.alarmP99).padStart(5)} ms   (target p99 ≤ ${latency.pollIntervalMs + 250})`,
    );

    results.latency = latency;
  }

  if (only.has('frames')) {
    const frames = await benchFrames(10_000, 100, 10);
    console.log(
      `\ndesk with ${frames.openFlags} open flags while ${frames.perSecond} new flags/s arrive (${frames.seconds} s, headless Chromium, no GPU)`,
    );
    console.log(
      `  frame time            p50 ${frames.p50.toFixed(1).padStart(5)} ms   p95 ${frames.p95.toFixed(1).padStart(5)} ms   p99 ${frames.p99.toFixed(1)} ms   (target p95 ≤ 16.7)`,
    );
    console.log(`  rows in the DOM: ${frames.rowsInDom} (virtualised)`);
    results.frames = frames;
  }

  if (only.has('report')) {
    const total = Number(process.env.BENCH_TOTAL ?? 1_000_000);
    // One seeded store for both figures: the query in Node, then the view in Chromium over the host.
    const { r, render } = await withReportStore(total, async (store) => ({
      r: benchReport(store),
      render: await benchReportRender(store),
    }));
    console.log(
      `\nsupervisors' report over ${total} stored flags (seeded in ${r.seedS.toFixed(0)} s), last 30 days: ${r.flagsInRange} flags`,
    );
    console.log(
      `  report, median of 5                  ${r.reportMs.toFixed(0).padStart(7)} ms   (target < 1000)`,
    );
    console.log(`  night shift only, median of 5        ${r.shiftReportMs.toFixed(0).padStart(7)} ms`);
    const line = (label: string, value: number, note = '') =>
      console.log(`  ${label.padEnd(37)}${value.toFixed(0).padStart(7)} ms${note}`);
    line('90 days read live (baseline), med. of 3', r.liveMs);
    line('90 days, the first (makes its days)', r.firstMs);
    line(
      '90 days from kept days, median of 5',
      r.presetMs[90]!,
      `   (${(r.liveMs / r.presetMs[90]!).toFixed(1)}× faster than live)`,
    );
    line('365 days from kept days, median of 3', r.yearMs);
    console.log(
      `  the warmer at start made ${r.warm.days} more days in ${r.warm.calls} calls: ${(r.warm.totalMs / 1000).toFixed(1)} s, longest call ${r.warm.longestCallMs.toFixed(0)} ms`,
    );
    for (const p of render) {
      const label =
        `${p.days}-day report${p.days === YEAR ? ' (dates)' : ''} rendered, median of ${p.runs.length}`.padEnd(
          52,
        );
      console.log(`  ${label}${p.renderedMs.toFixed(0).padStart(7)} ms   (target < 1000)`);
    }
    // Where the time goes (medians, ms): the query alone in Node (no other load), the view's loading
    // render before it asks, the host's answer as the page sees it (its store worker's queue, the
    // query, JSON and the socket), React's render of the tables, recharts' charts, and the paint.
    const widths = { 'query in Node': 15, asks: 7, 'host answers': 14, tables: 8, charts: 8, paint: 7 };
    const cells = (values: (string | number | null)[]) =>
      Object.values(widths)
        .map((w, i) =>
          (typeof values[i] === 'number' ? values[i].toFixed(0) : (values[i] ?? '—')).padStart(w),
        )
        .join('');
    console.log(`  ${'where it goes, ms'.padEnd(18)}${cells(Object.keys(widths))}   page busy`);
    for (const p of render) {
      const queryMs = p.days === YEAR ? r.yearMs : (r.presetMs[p.days] ?? null);
      const split = [queryMs, p.sendMs, p.hostMs, p.commitMs, p.chartsMs, p.paintMs];
      console.log(
        `    ${`${p.days} days`.padEnd(16)}${cells(split)}${p.pageBusyMs.toFixed(0).padStart(12)}   (${p.flags} flags, answer ${p.answerMb?.toFixed(2) ?? '—'} MB)`,
      );
    }
    results.report = { ...r, render };
  }

  if (only.has('routing')) {
    const routing = benchRouting(Number(process.env.BENCH_FLAGS ?? 20_000));
    console.log(
      `\nrouting ${routing.flags} flags' locations with the gazetteer loaded once (${routing.places} places, index built in ${routing.buildMs.toFixed(0)} ms)`,
    );
    console.log(
      `  route a flag          p50 ${routing.p50Ms.toFixed(3)} ms   p99 ${routing.p99Ms.toFixed(3)} ms   max ${routing.maxMs.toFixed(2)} ms   (target p99 < 1)`,
    );
    results.routing = routing;
  }

  if (only.has('room')) {
    const room = await benchRoom();
    const { baseline: one, room: many } = room;
    console.log(
      `\nthe room: lifeline serve over TLS 1.3 on loopback, ${room.open} open flags, ${room.samples} flags per phase`,
    );
    console.log(
      `  ${''.padEnd(44)}${'1 desk'.padStart(12)}${`${many.desks} desks + ${many.walls} walls`.padStart(22)}   ratio`,
    );
    const row = (label: string, a: number, b: number, unit: string, target = '') =>
      console.log(
        `  ${label.padEnd(44)}${`${a.toFixed(1)} ${unit}`.padStart(12)}${`${b.toFixed(1)} ${unit}`.padStart(22)}   ${(b / a).toFixed(2)}×${target}`,
      );
    row('feed → alarm on every desk, p50', one.feedToAlarmP50, many.feedToAlarmP50, 'ms');
    row(
      'feed → alarm on every desk, p99',
      one.feedToAlarmP99,
      many.feedToAlarmP99,
      'ms',
      '   (target ≤ 250)',
    );
    row('acknowledge → alarm stopped at the others, p50', one.ackToStopP50, many.ackToStopP50, 'ms');
    row(
      'acknowledge → alarm stopped at the others, p99',
      one.ackToStopP99,
      many.ackToStopP99,
      'ms',
      '   (target ≤ 250)',
    );
    row(
      `a desk's resync (${many.resyncRows} rows), median of 5`,
      one.resyncMedianMs,
      many.resyncMedianMs,
      'ms',
    );
    row("a desk's resync, slowest of 5", one.resyncMaxMs, many.resyncMaxMs, 'ms', '   (target < 1000)');
    row('core resident memory', one.rssMb, many.rssMb, 'MB');
    console.log(
      `  core resident memory per client added: ${room.rssPerClientMb.toFixed(1)} MB (with one desk, "the others" are the desk itself)`,
    );
    results.room = room;
  }

  fs.mkdirSync('test-results', { recursive: true });
  if (only.has('postgres')) {
    const totals = (process.env.BENCH_PG_TOTALS ?? '100000,1000000').split(',').map(Number);
    const open = Number(process.env.BENCH_OPEN ?? 10_000);
    const p = await benchPostgres(Number(process.env.BENCH_FLAGS ?? 20_000), totals, open);
    console.log(`\nPostgreSQL store, ${p.flags} synthetic flags in pages of 100`);
    console.log(
      `  bare insert, personal fields plain   ${String(p.barePerS).padStart(7)} flags/s   baseline`,
    );
    console.log(
      `  bare insert, fields sealed (GCM)     ${String(p.bareSealedPerS).padStart(7)} flags/s   ${p.encryptionRatio.toFixed(2)} × plain`,
    );
    console.log(
      `  sealing a flag's personal fields     ${p.sealUsPerFlag.toFixed(1).padStart(7)} µs per flag (5 fields, AES-256-GCM, in process)`,
    );
    console.log(
      `  bare insert, sealed, a page at once  ${String(p.bareBatchedPerS).padStart(7)} flags/s   strictest baseline`,
    );
    console.log(
      `  full ingest pipeline                 ${String(p.pipelinePerS).padStart(7)} flags/s   ${p.pipelineRatio.toFixed(2)} × bare sealed row by row, ${p.pipelineBatchedRatio.toFixed(2)} × a page at once (target ≥ 0.5)`,
    );
    for (const c of p.cold)
      console.log(
        `  cold start over ${c.total} flags (${c.open} open; seeded in ${c.seedS.toFixed(0)} s): ${c.usableMs.toFixed(0)} ms to a usable queue (query ${c.queueMs.toFixed(0)} ms; target < 2000)`,
      );
    results.postgres = p;
  }

  if (only.has('cluster')) {
    const c = await benchCluster(
      Number(process.env.BENCH_ALARMS ?? 200),
      Number(process.env.BENCH_KILLS ?? 20),
    );
    console.log(`\nTwo cores on one PostgreSQL, ${c.samples} flags, ${c.kills} kills`);
    console.log(
      `  feed → alarm on the polling core      p50 ${c.pollingAlarmMs.p50.toFixed(1)} ms, p99 ${c.pollingAlarmMs.p99.toFixed(1)} ms   baseline`,
    );
    console.log(
      `  feed → alarm on the other core        p50 ${c.otherAlarmMs.p50.toFixed(1)} ms, p99 ${c.otherAlarmMs.p99.toFixed(1)} ms, max ${c.otherAlarmMs.max.toFixed(1)} ms   (target p99 < 250)`,
    );
    console.log(
      `  the other core after the polling one  p50 ${c.lagMs.p50.toFixed(1)} ms, p99 ${c.lagMs.p99.toFixed(1)} ms, max ${c.lagMs.max.toFixed(1)} ms   (NOTIFY → change feed → alarm)`,
    );
    const k = c.clients;
    console.log(
      `  over TLS, a desk at each core: feed → alarm at the polling core's desk p50 ${k.feedToAlarmPolling.p50.toFixed(1)} ms, p99 ${k.feedToAlarmPolling.p99.toFixed(1)} ms (baseline); at the other core's desk p50 ${k.feedToAlarmOther.p50.toFixed(1)} ms, p99 ${k.feedToAlarmOther.p99.toFixed(1)} ms; acknowledged at one, stopped at the other p50 ${k.ackToStopOther.p50.toFixed(1)} ms, p99 ${k.ackToStopOther.p99.toFixed(1)} ms`,
    );
    console.log(
      `  takeover after SIGKILL of the poller  median ${c.takeoverMs.median.toFixed(0)} ms, max ${c.takeoverMs.max.toFixed(0)} ms   (target ≤ 10000)`,
    );
    results.cluster = c;
  }

  fs.writeFileSync(
    'test-results/bench.json',
    JSON.stringify({ machine, at: new Date().toISOString(), ...results }, null, 2),
  );
}

void main();
