// results.json (and `okmpc bench --json` on stdout): the full record of a
// run. Top-level fields:
//   schema "okmpc-bench-results/1", started_utc, elapsed_s, seed,
//   scenario (null or {name, title, file}),
//   machine {cpu_model, cores, os, load_average},
//   build {compiler, build_type, sanitizers, okmpc_version, git_commit, git_dirty},
//   parameters [{protocol, curve, variant, parties[], thresholds[],
//                latencies_ms[], bandwidth_mbit, drop, crash, repeat}],
//   baselines [{curve, operation, ms_per_op, operations}],
//   rows [{protocol, curve, variant, parties, threshold, threshold_rule,
//          latency_ms, bandwidth_mbit, drop, crash, output, repeats,
//          finished_runs, outcome, rounds, messages, bytes_total,
//          bytes_per_party, compute_ms_total, compute_ms_per_party, wall_ms
//          (each {min, median, max} or null when no run finished),
//          baseline_ms, ratio (number or null),
//          trials [{repeat, seed, finished, error (null or {code, message,
//                   culprits[]}), rounds, messages, bytes_total,
//                   bytes_per_party, compute_ms_total, compute_ms_per_party,
//                   wall_ms}]}]
// The schema is tested by tests/apps/bench_cli_test.cpp.
#pragma once

#include <string>

#include "apps/bench/bench_report.hpp"
#include "mpc/error.hpp"

namespace okmpc::bench {

// Pretty-printed JSON text (two-space indent, trailing newline).
std::string results_json(const BenchReport& report);
Status write_results_json(const BenchReport& report, const std::string& path);

}  // namespace okmpc::bench
