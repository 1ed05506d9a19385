/**
 * One autocannon run, in a process of its own so the load generator does not share the server's
 * event loop (bench/server.ts starts it). Input: a LoadPlan as JSON in argv[2]; output: a
 * LoadResult as JSON on stdout. Latencies are every response's time, so p95 is exact (autocannon's
 * own summary has p90 and p97.5, not p95).
 */
import autocannon from "autocannon";

export interface LoadPlan {
  /** `http://127.0.0.1:PORT`: only the loopback server the benchmark started. */
  origin: string;
  connections: number;
  seconds: number;
  /**
   * The requests each connection cycles through. Connection i sends `cookies[i % cookies.length]`
   * of each target, so concurrent requests come from different sessions as they would from people.
   */
  targets: { path: string; cookies: string[] }[];
}

export interface LoadResult {
  requests: number;
  /** Responses other than 2xx, plus connection errors and timeouts. */
  failures: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

export async function runLoad(plan: LoadPlan): Promise<LoadResult> {
  if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(plan.origin)) throw new Error("load: only 127.0.0.1 is allowed");
  let nextConnection = 0;
  const latencies: number[] = [];
  let finish: (result: autocannon.Result) => void = () => {};
  let fail: (error: unknown) => void = () => {};
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const options: autocannon.Options = {
    url: plan.origin,
    connections: plan.connections,
    duration: plan.seconds,
    requests: plan.targets.map((target) => ({
      method: "GET" as const,
      path: target.path,
      setupRequest: (request: autocannon.Request, context: { connection?: number }) => {
        context.connection ??= nextConnection++;
        const cookie = target.cookies[context.connection % target.cookies.length]!;
        return { ...request, headers: { ...request.headers, cookie } };
      },
    })),
  };
  const instance = autocannon(options, (error: unknown, result) => {
    if (error) fail(error);
    else finish(result);
  });
  instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  const result = await done;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    failures: result.non2xx + result.errors + result.timeouts,
    perSecond: latencies.length / (result.duration || plan.seconds),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
  };
}

if (process.argv[1] === import.meta.filename) {
  const plan = JSON.parse(process.argv[2] ?? "{}") as LoadPlan;
  process.stdout.write(JSON.stringify(await runLoad(plan)));
}
