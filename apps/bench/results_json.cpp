#include "apps/bench/results_json.hpp"

#include <boost/json.hpp>

#include "apps/bench/text_file.hpp"

namespace okmpc::bench {
namespace json = boost::json;
namespace {

json::value summary(const Summary& s) {
  if (s.count == 0) return nullptr;
  return json::object{{"min", s.min}, {"median", s.median}, {"max", s.max}};
}

json::value error_json(const Error& e) {
  json::array culprits;
  for (uint32_t c : e.culprits) culprits.emplace_back(c);
  return json::object{{"code", std::string(to_string(e.code))}, {"message", e.message}, {"culprits", culprits}};
}

json::object trial_json(const TrialRecord& t) {
  json::object o{{"repeat", t.repeat},
                 {"seed", t.seed},
                 {"finished", t.measurement.has_value()},
                 {"error", t.error ? error_json(*t.error) : json::value(nullptr)}};
  const char* fields[] = {"rounds", "messages", "bytes_total", "bytes_per_party",
                          "compute_ms_total", "compute_ms_per_party", "wall_ms"};
  if (!t.measurement) {
    for (const char* f : fields) o[f] = nullptr;
    return o;
  }
  const TrialMeasurement& m = *t.measurement;
  o["rounds"] = m.rounds;
  o["messages"] = m.messages;
  o["bytes_total"] = m.bytes_total;
  o["bytes_per_party"] = m.bytes_per_party;
  o["compute_ms_total"] = m.compute_ms_total;
  o["compute_ms_per_party"] = m.compute_ms_per_party;
  o["wall_ms"] = m.wall_ms;
  return o;
}

json::object row_json(const ResultRow& row) {
  const TrialPoint& p = row.point;
  json::array trials;
  for (const TrialRecord& t : row.trials) trials.push_back(trial_json(t));
  return json::object{{"protocol", p.protocol},
                      {"curve", p.curve},
                      {"variant", p.variant},
                      {"parties", p.parties},
                      {"threshold", p.threshold},
                      {"threshold_rule", p.threshold_rule},
                      {"latency_ms", p.latency_ms},
                      {"bandwidth_mbit", p.bandwidth_mbit},
                      {"drop", p.drop},
                      {"crash", p.crash},
                      {"output", row.output},
                      {"repeats", row.trials.size()},
                      {"finished_runs", row.finished_runs()},
                      {"outcome", row.outcome()},
                      {"rounds", summary(row.rounds)},
                      {"messages", summary(row.messages)},
                      {"bytes_total", summary(row.bytes_total)},
                      {"bytes_per_party", summary(row.bytes_per_party)},
                      {"compute_ms_total", summary(row.compute_ms_total)},
                      {"compute_ms_per_party", summary(row.compute_ms_per_party)},
                      {"wall_ms", summary(row.wall_ms)},
                      {"baseline_ms", row.baseline_ms},
                      {"ratio", row.ratio ? json::value(*row.ratio) : json::value(nullptr)},
                      {"trials", std::move(trials)}};
}

json::object spec_json(const SweepSpec& s) {
  json::array parties, thresholds, latencies;
  for (uint32_t n : s.parties) parties.emplace_back(n);
  for (const ThresholdRule& t : s.thresholds) thresholds.emplace_back(t.to_string());
  for (double l : s.latencies_ms) latencies.emplace_back(l);
  return json::object{{"protocol", s.protocol},         {"curve", s.curve},    {"variant", s.variant},
                      {"parties", parties},             {"thresholds", thresholds},
                      {"latencies_ms", latencies},      {"bandwidth_mbit", s.bandwidth_mbit},
                      {"drop", s.drop},                 {"crash", s.crash},    {"repeat", s.repeat}};
}

// Boost.JSON serializes compactly; indent for people who read the file.
void pretty(std::string& out, const json::value& v, int depth) {
  const std::string pad(static_cast<size_t>(depth) * 2, ' ');
  const std::string inner(static_cast<size_t>(depth + 1) * 2, ' ');
  if (v.is_object()) {
    const auto& o = v.get_object();
    if (o.empty()) {
      out += "{}";
      return;
    }
    out += "{\n";
    size_t i = 0;
    for (const auto& kv : o) {
      out += inner + json::serialize(json::string(kv.key())) + ": ";
      pretty(out, kv.value(), depth + 1);
      out += (++i < o.size() ? ",\n" : "\n");
    }
    out += pad + "}";
  } else if (v.is_array()) {
    const auto& a = v.get_array();
    bool scalars = true;
    for (const auto& e : a) scalars &= !e.is_object() && !e.is_array();
    if (scalars) {
      out += json::serialize(a);
      return;
    }
    out += "[\n";
    for (size_t i = 0; i < a.size(); ++i) {
      out += inner;
      pretty(out, a[i], depth + 1);
      out += (i + 1 < a.size() ? ",\n" : "\n");
    }
    out += pad + "]";
  } else {
    out += json::serialize(v);
  }
}

}  // namespace

std::string results_json(const BenchReport& report) {
  json::array parameters, baselines, rows;
  for (const PlannedSweep& s : report.plan) parameters.push_back(spec_json(s.spec));
  for (const auto& [curve, b] : report.baselines) {
    baselines.push_back(json::object{
        {"curve", b.curve}, {"operation", b.operation}, {"ms_per_op", b.ms_per_op}, {"operations", b.operations}});
  }
  for (const ResultRow& row : report.rows) rows.push_back(row_json(row));
  const MachineInfo& m = report.machine;
  json::value scenario = nullptr;
  if (!report.scenario_name.empty()) {
    scenario = json::object{
        {"name", report.scenario_name}, {"title", report.scenario_title}, {"file", report.scenario_file}};
  }
  json::object root{
      {"schema", "okmpc-bench-results/1"},
      {"started_utc", report.started_utc},
      {"elapsed_s", report.elapsed_s},
      {"seed", report.seed},
      {"scenario", scenario},
      {"machine", json::object{{"cpu_model", m.cpu_model},
                               {"cores", m.cores},
                               {"os", m.os},
                               {"load_average", m.load_average}}},
      {"build", json::object{{"compiler", m.compiler},
                             {"build_type", m.build_type},
                             {"sanitizers", m.sanitizers},
                             {"okmpc_version", m.okmpc_version},
                             {"git_commit", m.git_commit},
                             {"git_dirty", m.git_dirty}}},
      {"parameters", std::move(parameters)},
      {"baselines", std::move(baselines)},
      {"rows", std::move(rows)},
  };
  std::string out;
  pretty(out, root, 0);
  return out + "\n";
}

Status write_results_json(const BenchReport& report, const std::string& path) {
  return write_text_file(path, results_json(report));
}

}  // namespace okmpc::bench
