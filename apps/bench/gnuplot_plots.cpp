#include "apps/bench/gnuplot_plots.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include "apps/bench/subprocess.hpp"
#include "apps/bench/text_file.hpp"

namespace okmpc::bench {
namespace {

struct PlotPoint {
  double x = 0;
  double median = 0, min = 0, max = 0;
};

struct Series {
  std::string label;
  std::vector<PlotPoint> points;  // sorted by x
};

// Parameters that separate lines in a plot, except n and latency.
std::string series_label(const TrialPoint& p) {
  std::string s = p.protocol + " " + p.curve;
  if (!p.variant.empty()) s += " " + p.variant;
  s += ", t = " + p.threshold_rule + (p.threshold_rule.find('/') != std::string::npos ? " n" : "");
  if (p.bandwidth_mbit != 0) s += ", " + fixed(p.bandwidth_mbit, 0) + " Mbit/s";
  if (p.drop != 0) s += ", drop " + fixed(p.drop, 3);
  if (p.crash != 0) s += ", " + std::to_string(p.crash) + " crashed";
  return s;
}

using Metric = const Summary ResultRow::*;

// Series of `metric` vs n, each (series, n) taken at its lowest latency.
std::vector<Series> versus_parties(const BenchReport& report, Metric metric) {
  std::map<std::string, std::map<uint32_t, const ResultRow*>> chosen;
  std::vector<std::string> order;
  for (const ResultRow& row : report.rows) {
    if (!(row.*metric).count) continue;
    const std::string label = series_label(row.point);
    if (!chosen.count(label)) order.push_back(label);
    const ResultRow*& slot = chosen[label][row.point.parties];
    if (!slot || row.point.latency_ms < slot->point.latency_ms) slot = &row;
  }
  std::vector<Series> out;
  for (const std::string& label : order) {
    Series s{label, {}};
    for (const auto& [n, row] : chosen[label]) {
      const Summary& m = row->*metric;
      s.points.push_back({static_cast<double>(n), m.median, m.min, m.max});
    }
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<Series> wall_versus_latency(const BenchReport& report) {
  std::map<std::string, Series> by_label;
  std::vector<std::string> order;
  for (const ResultRow& row : report.rows) {
    if (!row.wall_ms.count) continue;
    const TrialPoint& p = row.point;
    const std::string label = p.protocol + " " + p.curve + (p.variant.empty() ? "" : " " + p.variant) + ", " +
                              std::to_string(p.threshold) + "-of-" + std::to_string(p.parties) +
                              (p.bandwidth_mbit != 0 ? ", " + fixed(p.bandwidth_mbit, 0) + " Mbit/s" : "") +
                              (p.drop != 0 ? ", drop " + fixed(p.drop, 3) : "") +
                              (p.crash != 0 ? ", " + std::to_string(p.crash) + " crashed" : "");
    if (!by_label.count(label)) order.push_back(label);
    Series& s = by_label[label];
    s.label = label;
    s.points.push_back({p.latency_ms, row.wall_ms.median, row.wall_ms.min, row.wall_ms.max});
  }
  std::vector<Series> out;
  for (const std::string& label : order) {
    Series s = std::move(by_label[label]);
    std::sort(s.points.begin(), s.points.end(), [](const PlotPoint& a, const PlotPoint& b) { return a.x < b.x; });
    out.push_back(std::move(s));
  }
  return out;
}

std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

struct Figure {
  std::string file;  // base name without extension
  std::string title, xlabel, ylabel;
  bool logx = false, logy = false;
  std::vector<Series> series;
  std::vector<std::pair<std::string, double>> hlines;  // horizontal reference lines
};

void emit_data(std::ostringstream& os, const Figure& f) {
  for (size_t i = 0; i < f.series.size(); ++i) {
    os << "$" << f.file << "_" << i << " << EOD\n";
    for (const PlotPoint& p : f.series[i].points) {
      os << p.x << " " << p.median << " " << p.min << " " << p.max << "\n";
    }
    os << "EOD\n";
  }
}

// An x range a little wider than the data, so end points and their error
// bars are not drawn on the frame (gnuplot's own autoscale would extend a log
// axis to whole decades and a linear one to round, possibly negative, tics).
std::string x_range(const Figure& f) {
  double lo = 0, hi = 0;
  bool first = true;
  for (const Series& s : f.series) {
    for (const PlotPoint& p : s.points) {
      lo = first ? p.x : std::min(lo, p.x);
      hi = first ? p.x : std::max(hi, p.x);
      first = false;
    }
  }
  std::ostringstream os;
  // Tics at the measured x values (n = 3, 5, 10, ... or the latencies).
  std::set<double> xs;
  for (const Series& s : f.series) {
    for (const PlotPoint& p : s.points) xs.insert(p.x);
  }
  if (xs.size() <= 12) {
    os << "set xtics (";
    size_t i = 0;
    for (double x : xs) os << (i++ ? ", " : "") << x;
    os << ")\n";
  } else {
    os << "set xtics autofreq\n";
  }
  if (f.logx) {
    os << "set xrange [" << lo / 1.25 << ":" << hi * 1.25 << "]\n";
  } else {
    const double pad = hi > lo ? (hi - lo) * 0.04 : std::max(1.0, hi * 0.1);
    os << "set xrange [" << lo - pad << ":" << hi + pad << "]\n";
  }
  return os.str();
}

void emit_plot(std::ostringstream& os, const Figure& f) {
  os << "set title " << quoted(f.title) << "\n"
     << "set xlabel " << quoted(f.xlabel) << "\nset ylabel " << quoted(f.ylabel) << "\n"
     << (f.logx ? "set logscale x\n" : "unset logscale x\n") << (f.logy ? "set logscale y\n" : "unset logscale y\n")
     << x_range(f) << "set key top left Left reverse box opaque\nset grid\nset offsets 0, 0, graph 0.05, graph 0.05\n"
     << "plot ";
  for (size_t i = 0; i < f.series.size(); ++i) {
    os << (i ? ", \\\n     " : "") << "$" << f.file << "_" << i
       << " using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title " << quoted(f.series[i].label);
  }
  for (const auto& [label, y] : f.hlines) {
    os << ", \\\n     " << y << " with lines dt 2 lw 2 title " << quoted(label);
  }
  os << "\n";
}

std::vector<Figure> figures(const BenchReport& report) {
  bool repeats = false;
  for (const ResultRow& r : report.rows) repeats |= r.trials.size() > 1;
  const std::string stat = repeats ? " (median, bars: min-max)" : "";
  std::vector<Figure> out;
  Figure cost{"cost_vs_parties",
              "Compute cost vs parties: compute time of all parties for one run" + stat,
              "parties n",
              "compute time, all parties (ms)",
              true,
              true,
              versus_parties(report, &ResultRow::compute_ms_total),
              {}};
  std::map<std::string, bool> curves;
  for (const ResultRow& r : report.rows) curves[r.point.curve] = true;
  for (const auto& [curve, b] : report.baselines) {
    if (curves.count(curve)) cost.hlines.push_back({"baseline: " + b.operation + " (one party)", b.ms_per_op});
  }
  out.push_back(std::move(cost));
  out.push_back(Figure{"bytes_vs_parties",
                       "Communication vs parties: bytes sent per party in one run" + stat,
                       "parties n",
                       "bytes sent per party (bytes)",
                       true,
                       true,
                       versus_parties(report, &ResultRow::bytes_per_party),
                       {}});
  out.push_back(Figure{"wall_vs_latency",
                       "Simulated wall time vs network latency" + stat,
                       "one-way link latency (ms)",
                       "simulated wall time of one run (ms)",
                       false,
                       false,
                       wall_versus_latency(report),
                       {}});
  out.erase(std::remove_if(out.begin(), out.end(), [](const Figure& f) { return f.series.empty(); }), out.end());
  return out;
}

}  // namespace

std::string plot_script(const BenchReport& report) {
  std::ostringstream os;
  os << "# okmpc bench plots (generated; data inline). Redraw with: gnuplot plots.gp\n";
  const std::vector<Figure> figs = figures(report);
  for (const Figure& f : figs) emit_data(os, f);
  os << "set encoding utf8\nset termoption noenhanced\nset datafile separator whitespace\n";
  const std::pair<const char*, const char*> terminals[] = {
      {"png", "set terminal pngcairo size 1200,700 noenhanced font \"DejaVu Sans,11\""},
      {"svg", "set terminal svg size 1200,700 dynamic noenhanced font \"DejaVu Sans,11\""},
  };
  for (const auto& [ext, terminal] : terminals) {
    for (const Figure& f : figs) {
      os << terminal << "\nset output " << quoted(f.file + "." + ext) << "\n";
      emit_plot(os, f);
      os << "unset output\n";
    }
  }
  return os.str();
}

Result<std::vector<std::string>> write_plots(const BenchReport& report, const std::string& dir) {
  const std::string script = plot_script(report);
  OKMPC_TRY(write_text_file((std::filesystem::path(dir) / "plots.gp").string(), script));
  OKMPC_ASSIGN_OR_RETURN(ProcessOutput run, run_process({"gnuplot", "plots.gp"}, dir));
  if (run.exit_code != 0) return fail(ErrorCode::kIo, "gnuplot failed: " + run.err);
  std::vector<std::string> images;
  for (const Figure& f : figures(report)) {
    for (const char* ext : {".png", ".svg"}) {
      const std::string name = f.file + ext;
      if (!std::filesystem::exists(std::filesystem::path(dir) / name)) {
        return fail(ErrorCode::kIo, "gnuplot did not write " + name + ": " + run.err);
      }
      images.push_back(name);
    }
  }
  return images;
}

}  // namespace okmpc::bench
