#include "apps/bench/results_csv.hpp"

#include <sstream>
#include <vector>

#include "apps/bench/text_file.hpp"

namespace okmpc::bench {
namespace {

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string if_finished(const Summary& s, double value, int decimals) {
  return s.count ? fixed(value, decimals) : "";
}

}  // namespace

std::string results_csv(const BenchReport& report) {
  std::ostringstream os;
  os << "protocol,curve,variant,parties,threshold,threshold_rule,latency_ms,bandwidth_mbit,drop,crash,repeats,"
        "finished_runs,outcome,rounds,messages,bytes_total,bytes_per_party,compute_ms_total_min,"
        "compute_ms_total_median,compute_ms_total_max,compute_ms_per_party_median,wall_ms_min,wall_ms_median,"
        "wall_ms_max,baseline_ms,ratio\n";
  for (const ResultRow& row : report.rows) {
    const TrialPoint& p = row.point;
    std::vector<std::string> f{
        csv_field(p.protocol),
        csv_field(p.curve),
        csv_field(p.variant),
        std::to_string(p.parties),
        std::to_string(p.threshold),
        csv_field(p.threshold_rule),
        fixed(p.latency_ms, 3),
        fixed(p.bandwidth_mbit, 3),
        fixed(p.drop, 6),
        std::to_string(p.crash),
        std::to_string(row.trials.size()),
        std::to_string(row.finished_runs()),
        csv_field(row.outcome()),
        if_finished(row.rounds, row.rounds.median, 0),
        if_finished(row.messages, row.messages.median, 0),
        if_finished(row.bytes_total, row.bytes_total.median, 0),
        if_finished(row.bytes_per_party, row.bytes_per_party.median, 1),
        if_finished(row.compute_ms_total, row.compute_ms_total.min, 6),
        if_finished(row.compute_ms_total, row.compute_ms_total.median, 6),
        if_finished(row.compute_ms_total, row.compute_ms_total.max, 6),
        if_finished(row.compute_ms_per_party, row.compute_ms_per_party.median, 6),
        if_finished(row.wall_ms, row.wall_ms.min, 3),
        if_finished(row.wall_ms, row.wall_ms.median, 3),
        if_finished(row.wall_ms, row.wall_ms.max, 3),
        fixed(row.baseline_ms, 6),
        row.ratio ? fixed(*row.ratio, 2) : "",
    };
    for (size_t i = 0; i < f.size(); ++i) os << (i ? "," : "") << f[i];
    os << "\n";
  }
  return os.str();
}

Status write_results_csv(const BenchReport& report, const std::string& path) {
  return write_text_file(path, results_csv(report));
}

}  // namespace okmpc::bench
