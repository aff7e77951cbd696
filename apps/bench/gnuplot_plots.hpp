// Plots of a bench run, drawn by gnuplot (Debian's gnuplot-nox) as PNG and
// SVG next to the result files:
//   cost_vs_parties   compute time of all parties per run vs n (log-log),
//                     median with min–max bars, single-party baseline lines
//   bytes_vs_parties  bytes sent per party vs n (log-log)
//   wall_vs_latency   simulated wall time vs one-way link latency, per n
// One line per series (protocol, curve, variant, threshold rule and fault
// model). Compute and bytes do not depend on latency, so the vs-parties plots
// use each point's lowest latency. The self-contained script plots.gp (data
// inline) is kept so a figure can be restyled and redrawn by hand.
#pragma once

#include <string>
#include <vector>

#include "apps/bench/bench_report.hpp"
#include "mpc/error.hpp"

namespace okmpc::bench {

// The gnuplot script for `report`, writing its images into the current
// directory. Plots with no finished run to show are left out.
std::string plot_script(const BenchReport& report);

// Writes DIR/plots.gp and runs gnuplot in DIR. Returns the image file names
// written (relative to DIR). kIo if gnuplot is missing or fails (its stderr
// is in the message).
Result<std::vector<std::string>> write_plots(const BenchReport& report, const std::string& dir);

}  // namespace okmpc::bench
