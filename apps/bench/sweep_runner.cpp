#include "apps/bench/sweep_runner.hpp"

#include "mpc/rng.hpp"

namespace okmpc::bench {

Result<std::vector<PlannedSweep>> plan_sweeps(const std::vector<SweepSpec>& specs) {
  std::vector<PlannedSweep> plan;
  for (const SweepSpec& spec : specs) {
    // Shape first, so a bad parameter is reported even for a protocol that
    // is not in this build.
    OKMPC_TRY(expand(spec));
    OKMPC_ASSIGN_OR_RETURN(const ProtocolAdapter* adapter, find_adapter(spec.protocol, spec.curve, spec.variant));
    PlannedSweep sweep;
    sweep.spec = spec;
    if (sweep.spec.variant.empty() && !adapter->variants.empty()) sweep.spec.variant = adapter->variants.front();
    sweep.adapter = adapter;
    OKMPC_ASSIGN_OR_RETURN(sweep.points, expand(sweep.spec));
    plan.push_back(std::move(sweep));
  }
  return plan;
}

size_t ResultRow::finished_runs() const {
  size_t n = 0;
  for (const TrialRecord& t : trials) n += t.measurement.has_value();
  return n;
}

std::string ResultRow::outcome() const {
  const size_t failed = trials.size() - finished_runs();
  if (failed == 0) return "ok";
  for (const TrialRecord& t : trials) {
    if (t.error) {
      return std::string(to_string(t.error->code)) + " (" + std::to_string(failed) + " of " +
             std::to_string(trials.size()) + " runs)";
    }
  }
  return "failed";
}

uint64_t trial_seed(uint64_t seed, uint32_t repeat) {
  return DeterministicRng(seed).fork("okmpc bench trial", repeat).next_u64();
}

void summarize_row(ResultRow& row) {
  std::vector<double> rounds, messages, bytes_total, bytes_per_party, compute_total, compute_party, wall;
  for (const TrialRecord& t : row.trials) {
    if (!t.measurement) continue;
    const TrialMeasurement& m = *t.measurement;
    rounds.push_back(m.rounds);
    messages.push_back(static_cast<double>(m.messages));
    bytes_total.push_back(static_cast<double>(m.bytes_total));
    bytes_per_party.push_back(m.bytes_per_party);
    compute_total.push_back(m.compute_ms_total);
    compute_party.push_back(m.compute_ms_per_party);
    wall.push_back(m.wall_ms);
  }
  row.rounds = summarize(rounds);
  row.messages = summarize(messages);
  row.bytes_total = summarize(bytes_total);
  row.bytes_per_party = summarize(bytes_per_party);
  row.compute_ms_total = summarize(compute_total);
  row.compute_ms_per_party = summarize(compute_party);
  row.wall_ms = summarize(wall);
  row.ratio.reset();
  if (row.compute_ms_total.count > 0 && row.baseline_ms > 0) row.ratio = row.compute_ms_total.median / row.baseline_ms;
}

std::vector<ResultRow> run_sweeps(const std::vector<PlannedSweep>& plan, uint64_t seed,
                                  const std::map<std::string, Baseline>& baselines, const ProgressFn& progress) {
  size_t total = 0;
  for (const PlannedSweep& s : plan) total += s.points.size() * s.spec.repeat;
  size_t done = 0;
  std::vector<ResultRow> rows;
  for (const PlannedSweep& sweep : plan) {
    for (const TrialPoint& point : sweep.points) {
      ResultRow row;
      row.point = point;
      row.output = sweep.adapter->output;
      if (auto b = baselines.find(point.curve); b != baselines.end()) row.baseline_ms = b->second.ms_per_op;
      for (uint32_t r = 0; r < sweep.spec.repeat; ++r) {
        if (progress) progress(done, total, point);
        TrialRecord record;
        record.repeat = r;
        record.seed = trial_seed(seed, r);
        auto result = sweep.adapter->run(point, record.seed);
        if (result) {
          record.measurement = *result;
        } else {
          record.error = result.error();
        }
        row.trials.push_back(std::move(record));
        ++done;
      }
      summarize_row(row);
      rows.push_back(std::move(row));
    }
  }
  if (progress && !rows.empty()) progress(done, total, rows.back().point);
  return rows;
}

}  // namespace okmpc::bench
