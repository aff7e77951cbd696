// Runs bench sweeps: checks every experiment up front (so a bad parameter
// fails before any minute is spent), then runs each point `repeat` times
// with seeds derived from the run's seed, and summarizes the repeats.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "apps/bench/baseline.hpp"
#include "apps/bench/protocol_adapter.hpp"
#include "apps/bench/summary_stats.hpp"
#include "apps/bench/sweep_spec.hpp"
#include "mpc/error.hpp"

namespace okmpc::bench {

// A validated experiment: its adapter is available and its points expand.
struct PlannedSweep {
  SweepSpec spec;
  const ProtocolAdapter* adapter = nullptr;
  std::vector<TrialPoint> points;  // spec.variant resolved to the adapter's default if empty
};

// Validates each spec (find_adapter + expand). The first error is returned
// unchanged (kInvalidArgument: the CLI turns it into exit code 2).
Result<std::vector<PlannedSweep>> plan_sweeps(const std::vector<SweepSpec>& specs);

// One run of one point.
struct TrialRecord {
  uint32_t repeat = 0;  // 0-based repeat index
  uint64_t seed = 0;    // the seed the adapter got
  std::optional<TrialMeasurement> measurement;  // set when the run finished
  std::optional<Error> error;                   // set when it aborted
};

// All repeats of one point and their summaries (over finished runs only).
struct ResultRow {
  TrialPoint point;
  std::string output;  // "key" | "signature"
  std::vector<TrialRecord> trials;
  Summary rounds, messages, bytes_total, bytes_per_party, compute_ms_total, compute_ms_per_party, wall_ms;
  double baseline_ms = 0;        // single-party sign on point.curve, same run
  std::optional<double> ratio;   // median compute_ms_total / baseline_ms; none if no run finished

  size_t finished_runs() const;
  // "ok" when every repeat finished, else "<error kind> (k of R runs)" for
  // the first error seen.
  std::string outcome() const;
};

// The derived seed for repeat `r` of a run seeded with `seed`: the same for
// every point, so points differ only in their parameters.
uint64_t trial_seed(uint64_t seed, uint32_t repeat);

// Progress callback: `done` of `total` trials finished, `current` is the
// point being run next (or last run when done == total).
using ProgressFn = std::function<void(size_t done, size_t total, const TrialPoint& current)>;

// Runs every point of every planned sweep (in order) and returns one row per
// point. `baselines` must hold an entry per curve used (see measure_baseline).
std::vector<ResultRow> run_sweeps(const std::vector<PlannedSweep>& plan, uint64_t seed,
                                  const std::map<std::string, Baseline>& baselines, const ProgressFn& progress);

// Summaries of a row recomputed from its trials (used by run_sweeps; public
// so result readers and tests can rely on one definition).
void summarize_row(ResultRow& row);

}  // namespace okmpc::bench
