// Human-readable views of a bench run: an aligned text table for the
// terminal, and the same table in Markdown (table.md in the output
// directory, pasted into papers/results.md). Columns: protocol, curve,
// variant, n, t, latency (plus bandwidth/drop/crash when any row uses them),
// rounds, messages, bytes/party, compute ms over all parties as
// min/median/max, median compute ms per party, simulated wall ms as
// min/median/max, ratio to the single-party baseline, outcome.
#pragma once

#include <string>

#include "apps/bench/bench_report.hpp"

namespace okmpc::bench {

std::string results_table(const BenchReport& report);
// Markdown: a line naming machine, build, commit and seed; the baselines;
// then the table.
std::string results_markdown(const BenchReport& report);

}  // namespace okmpc::bench
