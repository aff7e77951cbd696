#include "apps/bench/results_table.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <vector>

namespace okmpc::bench {
namespace {

using Cells = std::vector<std::string>;

// Milliseconds with precision that suits their size.
std::string ms(double v) {
  if (v >= 100) return fixed(v, 1);
  if (v >= 1) return fixed(v, 2);
  return fixed(v, 3);
}

std::string min_med_max(const Summary& s) {
  if (!s.count) return "-";
  if (s.count == 1) return ms(s.median);
  return ms(s.min) + " / " + ms(s.median) + " / " + ms(s.max);
}

std::string count(const Summary& s, int decimals = 0) { return s.count ? fixed(s.median, decimals) : "-"; }

std::string bandwidth(double mbit) { return mbit == 0 ? "unlimited" : fixed(mbit, mbit < 10 ? 2 : 0) + " Mbit/s"; }

struct Table {
  Cells header;
  std::vector<Cells> rows;
};

Table build(const BenchReport& report) {
  const auto& rs = report.rows;
  auto any = [&](auto pred) { return std::any_of(rs.begin(), rs.end(), pred); };
  const bool show_bw = any([](const ResultRow& r) { return r.point.bandwidth_mbit != 0; });
  const bool show_drop = any([](const ResultRow& r) { return r.point.drop != 0; });
  const bool show_crash = any([](const ResultRow& r) { return r.point.crash != 0; });
  const bool repeats = any([](const ResultRow& r) { return r.trials.size() > 1; });
  const std::string spread = repeats ? " (min / median / max)" : "";

  Table t;
  t.header = {"protocol", "curve", "variant", "n", "t", "latency"};
  if (show_bw) t.header.push_back("bandwidth");
  if (show_drop) t.header.push_back("drop");
  if (show_crash) t.header.push_back("crash");
  for (const char* h : {"rounds", "messages", "bytes/party"}) t.header.push_back(h);
  t.header.push_back("compute ms, all parties" + spread);
  t.header.push_back("ms/party");
  t.header.push_back("wall ms" + spread);
  t.header.push_back("ratio");
  t.header.push_back("outcome");
  for (const ResultRow& r : rs) {
    const TrialPoint& p = r.point;
    Cells c{p.protocol, p.curve, p.variant.empty() ? "-" : p.variant, std::to_string(p.parties),
            std::to_string(p.threshold), format_ms(p.latency_ms)};
    if (show_bw) c.push_back(bandwidth(p.bandwidth_mbit));
    if (show_drop) c.push_back(fixed(p.drop, 3));
    if (show_crash) c.push_back(std::to_string(p.crash));
    c.push_back(count(r.rounds));
    c.push_back(count(r.messages));
    c.push_back(count(r.bytes_per_party));
    c.push_back(min_med_max(r.compute_ms_total));
    c.push_back(r.compute_ms_per_party.count ? ms(r.compute_ms_per_party.median) : "-");
    c.push_back(min_med_max(r.wall_ms));
    c.push_back(r.ratio ? fixed(*r.ratio, *r.ratio < 10 ? 2 : 0) + "x" : "-");
    c.push_back(r.outcome());
    t.rows.push_back(std::move(c));
  }
  return t;
}

bool numeric(const std::string& s) { return !s.empty() && (std::isdigit(static_cast<unsigned char>(s[0])) || s == "-"); }

std::string baselines_line(const BenchReport& report) {
  std::string out;
  for (const auto& [curve, b] : report.baselines) {
    out += (out.empty() ? "" : "; ") + b.operation + " = " + fixed(b.ms_per_op * 1000, 1) + " us";
  }
  return out;
}

}  // namespace

std::string results_table(const BenchReport& report) {
  Table t = build(report);
  std::vector<size_t> width(t.header.size());
  for (size_t i = 0; i < t.header.size(); ++i) {
    width[i] = t.header[i].size();
    for (const Cells& r : t.rows) width[i] = std::max(width[i], r[i].size());
  }
  std::ostringstream os;
  auto line = [&](const Cells& cells, bool align_numbers) {
    for (size_t i = 0; i < cells.size(); ++i) {
      const size_t pad = width[i] - cells[i].size();
      const bool right = align_numbers && numeric(cells[i]) && i + 1 < cells.size();
      if (i) os << "  ";
      if (right) os << std::string(pad, ' ');
      os << cells[i];
      if (!right && i + 1 < cells.size()) os << std::string(pad, ' ');
    }
    os << "\n";
  };
  line(t.header, false);
  for (const Cells& r : t.rows) line(r, true);
  if (!report.baselines.empty()) os << "baseline (single party, same run): " << baselines_line(report) << "\n";
  return os.str();
}

std::string results_markdown(const BenchReport& report) {
  Table t = build(report);
  std::ostringstream os;
  const MachineInfo& m = report.machine;
  os << "Machine: " << m.cpu_model << ", " << m.cores << " cores, load average " << fixed(m.load_average, 1)
     << " at start; " << m.compiler << ", " << m.build_type
     << (m.sanitizers ? " (sanitizers on)" : "") << "; commit `" << m.git_commit.substr(0, 12) << "`"
     << (m.git_dirty ? " (with local changes)" : "") << "; seed " << report.seed << ".\n";
  if (!report.baselines.empty()) os << "Baseline (single party, same run): " << baselines_line(report) << ".\n";
  os << "\n|";
  for (const std::string& h : t.header) os << " " << h << " |";
  os << "\n|";
  for (size_t i = 0; i < t.header.size(); ++i) {
    const bool right = !t.rows.empty() && numeric(t.rows.front()[i]);
    os << (right ? " ---: |" : " --- |");
  }
  os << "\n";
  for (const Cells& r : t.rows) {
    os << "|";
    for (const std::string& c : r) os << " " << c << " |";
    os << "\n";
  }
  return os.str();
}

}  // namespace okmpc::bench
