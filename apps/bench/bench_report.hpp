// Everything one `okmpc bench` invocation measured, in the form the writers
// (table, CSV, JSON, plots) consume.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "apps/bench/baseline.hpp"
#include "apps/bench/machine_info.hpp"
#include "apps/bench/sweep_runner.hpp"

namespace okmpc::bench {

struct BenchReport {
  std::string started_utc;     // ISO 8601, UTC
  double elapsed_s = 0;        // real time of the whole invocation
  uint64_t seed = 0;           // the run's seed (trial seeds derive from it)
  std::string scenario_name;   // "" when the sweep came from command-line options
  std::string scenario_title;
  std::string scenario_file;
  std::vector<PlannedSweep> plan;
  std::map<std::string, Baseline> baselines;  // by curve
  MachineInfo machine;
  std::vector<ResultRow> rows;
};

// Fixed-point text for result files: `decimals` digits after the point.
std::string fixed(double value, int decimals);

}  // namespace okmpc::bench
