// autocannon ships no types; this is the part of its API the benchmark uses.
declare module "autocannon" {
  type Histogram = { average: number; mean: number; p50: number; p90: number; p99: number; max: number; total: number };
  export type Result = { requests: Histogram; latency: Histogram; throughput: Histogram; non2xx: number; errors: number; timeouts: number };
  export type Options = { url: string; connections?: number; duration?: number; amount?: number; headers?: Record<string, string> };
  export default function autocannon(options: Options): Promise<Result>;
}
