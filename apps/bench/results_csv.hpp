// results.csv: one line per parameter point, header first. Columns (stable,
// tested by tests/apps/bench_cli_test.cpp):
//   protocol,curve,variant,parties,threshold,threshold_rule,latency_ms,
//   bandwidth_mbit,drop,crash,repeats,finished_runs,outcome,rounds,messages,
//   bytes_total,bytes_per_party,compute_ms_total_min,compute_ms_total_median,
//   compute_ms_total_max,compute_ms_per_party_median,wall_ms_min,
//   wall_ms_median,wall_ms_max,baseline_ms,ratio
// rounds, messages and bytes are medians over finished runs; they and the
// time columns are empty when no run of the point finished. Fields that could
// hold a comma or quote are quoted per RFC 4180.
#pragma once

#include <string>

#include "apps/bench/bench_report.hpp"
#include "mpc/error.hpp"

namespace okmpc::bench {

std::string results_csv(const BenchReport& report);
// Writes results_csv(report) to `path`; kIo naming the path on failure.
Status write_results_csv(const BenchReport& report, const std::string& path);

}  // namespace okmpc::bench
