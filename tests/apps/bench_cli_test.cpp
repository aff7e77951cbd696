// `okmpc bench` end to end: bad parameters exit 2 with a message naming the
// problem; a tiny DKG sweep writes results.csv / results.json with the
// documented schema, reproduces its counts under the same seed, draws the
// progress bar only on a terminal, and plots PNG + SVG with gnuplot.
#include <boost/json.hpp>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "bench_cli_run.hpp"

namespace okmpc::bench_test {
namespace {

namespace json = boost::json;
using ::testing::HasSubstr;

// Protocols listed under "protocols in this build:" by `okmpc bench --help`.
bool protocol_built(const std::string& protocol) {
  static const std::string help = run_okmpc({"bench", "--help"}).out;
  const auto list = help.find("protocols in this build:");
  return list != std::string::npos && help.find("\n  " + protocol + "  (", list) != std::string::npos;
}

void expect_usage_error(const std::vector<std::string>& args, const std::string& message) {
  std::vector<std::string> full{"bench"};
  full.insert(full.end(), args.begin(), args.end());
  CliRun run = run_okmpc(full);
  std::string joined;
  for (const std::string& a : args) joined += a + " ";
  EXPECT_EQ(run.exit_code, 2) << joined << "\nstderr: " << run.err;
  EXPECT_THAT(run.err, HasSubstr(message)) << joined;
  EXPECT_TRUE(run.out.empty()) << joined << "\nstdout: " << run.out;
}

TEST(BenchCliArgs, HelpDescribesTheCommand) {
  CliRun run = run_okmpc({"bench", "--help"});
  EXPECT_EQ(run.exit_code, 0);
  for (const char* option : {"--protocol", "--curve", "--parties", "--threshold", "--latency", "--bandwidth",
                             "--drop", "--crash", "--repeat", "--seed", "--out", "--json", "--scenario"}) {
    EXPECT_THAT(run.out, HasSubstr(option));
  }
  EXPECT_THAT(run.out, HasSubstr("protocols in this build:"));
}

TEST(BenchCliArgs, ThresholdAbovePartiesIsUsageError) {
  expect_usage_error({"--protocol", "dkg", "--parties", "3,5", "--threshold", "4"},
                     "threshold t = 4 exceeds the number of parties n = 3");
}

TEST(BenchCliArgs, UnknownProtocolIsUsageError) {
  expect_usage_error({"--protocol", "gg18", "--parties", "3"}, "unknown protocol 'gg18'");
}

TEST(BenchCliArgs, NegativeLatencyIsUsageError) {
  expect_usage_error({"--protocol", "dkg", "--parties", "3", "--latency", "0ms,-20ms"}, "negative latency '-20ms'");
}

TEST(BenchCliArgs, UnknownCurveIsUsageError) {
  expect_usage_error({"--protocol", "dkg", "--curve", "p256", "--parties", "3"}, "unknown curve 'p256'");
}

TEST(BenchCliArgs, MalformedValuesAreUsageErrors) {
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{"--parties", "3,,5"}, "malformed --parties list"},
      {{"--parties", "3;5"}, "malformed --parties list"},
      {{"--parties", "0"}, "outside 1..255"},
      {{"--parties", "256"}, "outside 1..255"},
      {{"--parties", "3,3"}, "repeats 3"},
      {{"--threshold", "2/0"}, "--threshold fraction '2/0'"},
      {{"--threshold", "3/2"}, "--threshold fraction '3/2'"},
      {{"--threshold", "two"}, "malformed --threshold"},
      {{"--threshold", "0"}, "--threshold '0' must be in 1..255"},
      {{"--latency", "20"}, "needs a unit"},
      {{"--latency", "fast"}, "malformed duration"},
      {{"--bandwidth", "fast"}, "malformed bandwidth"},
      {{"--bandwidth", "100mb"}, "needs a unit"},
      {{"--drop", "1"}, "--drop '1' must be in [0, 1)"},
      {{"--drop", "-0.1"}, "must be in [0, 1)"},
      {{"--repeat", "0"}, "--repeat must be at least 1"},
      {{"--repeat", "x"}, "malformed --repeat"},
      {{"--seed", "0xzz"}, "malformed --seed"},
      {{"--crash", "3"}, "--crash 3 must be smaller than the number of parties n = 3"},
      {{"--parties"}, "option --parties needs a value"},
      {{"--frobnicate", "1"}, "unknown option --frobnicate"},
  };
  for (const auto& [extra, message] : cases) {
    std::vector<std::string> args{"--protocol", "dkg"};
    if (extra.front() != "--parties") args.insert(args.end(), {"--parties", "3"});
    args.insert(args.end(), extra.begin(), extra.end());
    expect_usage_error(args, message);
  }
}

TEST(BenchCliArgs, ProtocolsMissingFromThisBuildSayNotAvailable) {
  for (const char* protocol : {"dkg", "frost", "ecdsa"}) {
    if (protocol_built(protocol)) continue;
    expect_usage_error({"--protocol", protocol, "--parties", "3"},
                       std::string("protocol '") + protocol + "' is not available in this build");
  }
}

TEST(BenchCliArgs, BadScenarioFilesAreUsageErrors) {
  TempDir dir;
  auto scenario = [&](const std::string& name, const std::string& text) {
    std::ofstream(dir.file(name)) << text;
    return dir.file(name);
  };
  expect_usage_error({"--scenario", dir.file("missing.json")}, "cannot read scenario file");
  expect_usage_error({"--scenario", scenario("broken.json", "{\"name\": ")}, "not valid JSON");
  expect_usage_error(
      {"--scenario",
       scenario("typo.json",
                R"({"name":"x","experiments":[{"protocol":"dkg","curve":"secp256k1","parties":[3],"threshold":"2/3","latncy":"0ms"}]})")},
      "experiments[0]: unknown field 'latncy'");
  expect_usage_error(
      {"--scenario",
       scenario("tn.json", R"({"name":"x","experiments":[{"protocol":"dkg","curve":"secp256k1","parties":[3],"threshold":5}]})")},
      "exceeds the number of parties");
  expect_usage_error(
      {"--scenario",
       scenario("lat.json",
                R"({"name":"x","experiments":[{"protocol":"dkg","curve":"secp256k1","parties":"3","threshold":"2/3","latency":["-1ms"]}]})")},
      "experiments[0].latency: negative latency");
  expect_usage_error({"--scenario", scenario("ok.json", R"({"name":"x","experiments":[]})"), "--parties", "3"},
                     "--parties cannot be combined with --scenario");
}

// ---- runs of a real protocol (the DKG): tiny sweeps so ASan builds stay fast.

class BenchCliRun : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!protocol_built("dkg")) GTEST_SKIP() << "the DKG is not in this build of okmpc";
  }

  // `okmpc bench` on a 2- and 3-point DKG sweep into `dir`.
  static CliRun run_small(const TempDir& dir, const std::string& seed, std::vector<std::string> extra = {},
                          bool terminal = false) {
    std::vector<std::string> args{"bench",    "--protocol", "dkg",      "--curve", "secp256k1", "--parties", "3,5",
                                  "--threshold", "2/3",     "--repeat", "2",       "--seed",    seed,        "--out",
                                  dir.path()};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_okmpc(args, terminal);
  }

  static json::value parse_json(const std::string& text) {
    boost::system::error_code ec;
    json::value v = json::parse(text, ec);
    EXPECT_FALSE(ec) << "not JSON: " << text.substr(0, 400);
    return v;
  }
};

std::vector<std::string> split(const std::string& line, char sep) {
  std::vector<std::string> out;
  std::string item;
  std::istringstream in(line);
  while (std::getline(in, item, sep)) out.push_back(item);
  if (!line.empty() && line.back() == sep) out.push_back("");
  return out;
}

TEST_F(BenchCliRun, CsvHasTheDocumentedColumnsAndOneRowPerPoint) {
  TempDir dir;
  CliRun run = run_small(dir, "7", {"--no-plots"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::istringstream csv(read_file(dir.file("results.csv")));
  std::string header;
  ASSERT_TRUE(std::getline(csv, header));
  const std::vector<std::string> columns{
      "protocol", "curve", "variant", "parties", "threshold", "threshold_rule", "latency_ms", "bandwidth_mbit",
      "drop", "crash", "repeats", "finished_runs", "outcome", "rounds", "messages", "bytes_total",
      "bytes_per_party", "compute_ms_total_min", "compute_ms_total_median", "compute_ms_total_max",
      "compute_ms_per_party_median", "wall_ms_min", "wall_ms_median", "wall_ms_max", "baseline_ms", "ratio"};
  EXPECT_EQ(split(header, ','), columns);
  std::vector<std::vector<std::string>> rows;
  for (std::string line; std::getline(csv, line);) rows.push_back(split(line, ','));
  ASSERT_EQ(rows.size(), 2u);
  const std::map<std::string, size_t> col = [&] {
    std::map<std::string, size_t> m;
    for (size_t i = 0; i < columns.size(); ++i) m[columns[i]] = i;
    return m;
  }();
  const std::pair<const char*, const char*> expected_nt[] = {{"3", "2"}, {"5", "4"}};
  for (size_t r = 0; r < rows.size(); ++r) {
    const auto& row = rows[r];
    ASSERT_EQ(row.size(), columns.size()) << "row " << r;
    EXPECT_EQ(row[col.at("protocol")], "dkg");
    EXPECT_EQ(row[col.at("curve")], "secp256k1");
    EXPECT_EQ(row[col.at("parties")], expected_nt[r].first);
    EXPECT_EQ(row[col.at("threshold")], expected_nt[r].second);
    EXPECT_EQ(row[col.at("threshold_rule")], "2/3");
    EXPECT_EQ(row[col.at("repeats")], "2");
    EXPECT_EQ(row[col.at("finished_runs")], "2");
    EXPECT_EQ(row[col.at("outcome")], "ok");
    for (const char* numeric : {"rounds", "messages", "bytes_total", "bytes_per_party", "compute_ms_total_min",
                                "compute_ms_total_median", "compute_ms_total_max", "compute_ms_per_party_median",
                                "wall_ms_median", "baseline_ms", "ratio"}) {
      const std::string& cell = row[col.at(numeric)];
      size_t used = 0;
      double v = -1;
      ASSERT_NO_THROW(v = std::stod(cell, &used)) << numeric << " = '" << cell << "'";
      EXPECT_EQ(used, cell.size()) << numeric << " = '" << cell << "'";
      EXPECT_GE(v, 0) << numeric;
    }
    EXPECT_GT(std::stod(row[col.at("rounds")]), 0);
    EXPECT_GT(std::stod(row[col.at("messages")]), 0);
    EXPECT_GT(std::stod(row[col.at("baseline_ms")]), 0);
    EXPECT_LE(std::stod(row[col.at("compute_ms_total_min")]), std::stod(row[col.at("compute_ms_total_median")]));
    EXPECT_LE(std::stod(row[col.at("compute_ms_total_median")]), std::stod(row[col.at("compute_ms_total_max")]));
  }
  // More parties send more messages.
  EXPECT_LT(std::stod(rows[0][col.at("messages")]), std::stod(rows[1][col.at("messages")]));
}

void expect_summary(const json::value& v, const char* name) {
  ASSERT_TRUE(v.is_object()) << name;
  const json::object& o = v.get_object();
  for (const char* k : {"min", "median", "max"}) {
    ASSERT_TRUE(o.contains(k)) << name << "." << k;
    EXPECT_TRUE(o.at(k).is_number()) << name << "." << k;
  }
  EXPECT_LE(o.at("min").to_number<double>(), o.at("median").to_number<double>()) << name;
  EXPECT_LE(o.at("median").to_number<double>(), o.at("max").to_number<double>()) << name;
}

TEST_F(BenchCliRun, JsonHasMachineBuildSeedParametersAndRows) {
  TempDir dir;
  CliRun run = run_small(dir, "7", {"--no-plots", "--json"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  json::value stdout_json = parse_json(run.out);
  json::value file_json = parse_json(read_file(dir.file("results.json")));
  EXPECT_EQ(stdout_json, file_json) << "--json prints what results.json holds";
  ASSERT_TRUE(file_json.is_object());
  const json::object& root = file_json.get_object();

  EXPECT_EQ(root.at("schema"), "okmpc-bench-results/1");
  EXPECT_TRUE(root.at("started_utc").is_string());
  EXPECT_TRUE(root.at("elapsed_s").is_number());
  EXPECT_EQ(root.at("seed").to_number<uint64_t>(), 7u);
  EXPECT_TRUE(root.at("scenario").is_null());

  const json::object& machine = root.at("machine").get_object();
  EXPECT_TRUE(machine.at("cpu_model").is_string());
  EXPECT_FALSE(machine.at("cpu_model").get_string().empty());
  EXPECT_GE(machine.at("cores").to_number<int64_t>(), 1);
  EXPECT_TRUE(machine.at("os").is_string());
  EXPECT_TRUE(machine.at("load_average").is_number());
  const json::object& build = root.at("build").get_object();
  for (const char* k : {"compiler", "build_type", "okmpc_version", "git_commit"}) {
    EXPECT_TRUE(build.at(k).is_string()) << k;
  }
  EXPECT_TRUE(build.at("sanitizers").is_bool());
  EXPECT_TRUE(build.at("git_dirty").is_bool());
  // The test binary lives in the okmpc checkout: the commit is a 40-digit hex id.
  EXPECT_EQ(build.at("git_commit").get_string().size(), 40u);

  const json::array& params = root.at("parameters").get_array();
  ASSERT_EQ(params.size(), 1u);
  const json::object& p = params[0].get_object();
  EXPECT_EQ(p.at("protocol"), "dkg");
  EXPECT_EQ(p.at("parties"), (json::array{3, 5}));
  EXPECT_EQ(p.at("thresholds"), (json::array{"2/3"}));
  EXPECT_EQ(p.at("latencies_ms"), (json::array{0.0}));
  EXPECT_EQ(p.at("repeat").to_number<int64_t>(), 2);

  const json::array& baselines = root.at("baselines").get_array();
  ASSERT_EQ(baselines.size(), 1u);
  EXPECT_EQ(baselines[0].at("curve"), "secp256k1");
  EXPECT_THAT(std::string(baselines[0].at("operation").get_string()), HasSubstr("libsecp256k1"));
  EXPECT_GT(baselines[0].at("ms_per_op").to_number<double>(), 0);

  const json::array& rows = root.at("rows").get_array();
  ASSERT_EQ(rows.size(), 2u);
  for (const json::value& rv : rows) {
    const json::object& row = rv.get_object();
    for (const char* k : {"protocol", "curve", "variant", "threshold_rule", "output", "outcome"}) {
      EXPECT_TRUE(row.at(k).is_string()) << k;
    }
    for (const char* k : {"parties", "threshold", "crash", "repeats", "finished_runs"}) {
      EXPECT_TRUE(row.at(k).is_int64() || row.at(k).is_uint64()) << k;
    }
    for (const char* k : {"latency_ms", "bandwidth_mbit", "drop", "baseline_ms", "ratio"}) {
      EXPECT_TRUE(row.at(k).is_number()) << k;
    }
    for (const char* k : {"rounds", "messages", "bytes_total", "bytes_per_party", "compute_ms_total",
                          "compute_ms_per_party", "wall_ms"}) {
      expect_summary(row.at(k), k);
    }
    EXPECT_EQ(row.at("output"), "key");
    EXPECT_EQ(row.at("outcome"), "ok");
    const json::array& trials = row.at("trials").get_array();
    ASSERT_EQ(trials.size(), 2u);
    for (const json::value& tv : trials) {
      const json::object& t = tv.get_object();
      EXPECT_TRUE(t.at("seed").is_number());
      EXPECT_EQ(t.at("finished"), true);
      EXPECT_TRUE(t.at("error").is_null());
      for (const char* k : {"rounds", "messages", "bytes_total"}) {
        EXPECT_TRUE(t.at(k).is_int64() || t.at(k).is_uint64()) << k;
      }
      for (const char* k : {"bytes_per_party", "compute_ms_total", "compute_ms_per_party", "wall_ms"}) {
        EXPECT_TRUE(t.at(k).is_number()) << k;
      }
    }
    // The ratio is the median compute over the same-run baseline.
    EXPECT_NEAR(row.at("ratio").to_number<double>(),
                row.at("compute_ms_total").at("median").to_number<double>() / row.at("baseline_ms").to_number<double>(),
                1e-6);
  }
}

// rounds / messages / bytes of every trial, in order.
std::vector<std::vector<double>> counts(const json::value& results) {
  std::vector<std::vector<double>> out;
  for (const json::value& row : results.at("rows").get_array()) {
    for (const json::value& t : row.at("trials").get_array()) {
      out.push_back({t.at("seed").to_number<double>(), t.at("rounds").to_number<double>(),
                     t.at("messages").to_number<double>(), t.at("bytes_total").to_number<double>(),
                     t.at("bytes_per_party").to_number<double>()});
    }
  }
  return out;
}

TEST_F(BenchCliRun, SameSeedGivesSameRoundsMessagesAndBytes) {
  TempDir a, b, c;
  ASSERT_EQ(run_small(a, "0x2a", {"--no-plots"}).exit_code, 0);
  ASSERT_EQ(run_small(b, "42", {"--no-plots"}).exit_code, 0);
  ASSERT_EQ(run_small(c, "43", {"--no-plots"}).exit_code, 0);
  const auto first = counts(parse_json(read_file(a.file("results.json"))));
  const auto second = counts(parse_json(read_file(b.file("results.json"))));
  const auto other = counts(parse_json(read_file(c.file("results.json"))));
  ASSERT_EQ(first.size(), 4u);
  EXPECT_EQ(first, second);
  // A different seed derives different trial seeds (first column).
  ASSERT_EQ(other.size(), first.size());
  EXPECT_NE(other[0][0], first[0][0]);
}

TEST_F(BenchCliRun, NoProgressBarWhenStderrIsNotATerminal) {
  TempDir dir;
  CliRun run = run_small(dir, "1", {"--no-plots"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.err, "") << "stderr must stay clean when it is a pipe";
  EXPECT_THAT(run.out, HasSubstr("compute ms"));  // the table went to stdout
}

TEST_F(BenchCliRun, ProgressBarWhenStderrIsATerminal) {
  TempDir dir;
  CliRun run = run_small(dir, "1", {"--no-plots"}, /*terminal=*/true);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.err, HasSubstr("\r["));
  EXPECT_THAT(run.err, HasSubstr("dkg secp256k1 n=5 t=4"));
}

TEST_F(BenchCliRun, PlotsArePngAndSvgWithLabels) {
  TempDir dir;
  CliRun run = run_small(dir, "1", {"--latency", "0ms,20ms"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  for (const char* plot : {"cost_vs_parties", "bytes_vs_parties", "wall_vs_latency"}) {
    const std::string png = read_file(dir.file(std::string(plot) + ".png"));
    ASSERT_GE(png.size(), 8u) << plot;
    EXPECT_EQ(png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8)) << plot;
    const std::string svg = read_file(dir.file(std::string(plot) + ".svg"));
    EXPECT_THAT(svg, HasSubstr("<svg")) << plot;
  }
  const std::string cost = read_file(dir.file("cost_vs_parties.svg"));
  EXPECT_THAT(cost, HasSubstr("parties n"));
  EXPECT_THAT(cost, HasSubstr("compute time, all parties (ms)"));
  EXPECT_THAT(cost, HasSubstr("dkg secp256k1"));  // the legend
  EXPECT_THAT(read_file(dir.file("wall_vs_latency.svg")), HasSubstr("one-way link latency (ms)"));
  EXPECT_THAT(read_file(dir.file("bytes_vs_parties.svg")), HasSubstr("bytes sent per party (bytes)"));
}

TEST_F(BenchCliRun, ScenarioRunsEveryExperiment) {
  TempDir dir;
  std::ofstream(dir.file("s.json")) << R"({
    "name": "tiny", "title": "two experiments", "seed": 5,
    "experiments": [
      {"protocol": "dkg", "curve": "secp256k1", "parties": [3], "threshold": 2},
      {"protocol": "dkg", "curve": "ed25519", "parties": "3,4", "threshold": ["2/3"], "latency": ["0ms", "10ms"]}
    ]})";
  CliRun run = run_okmpc({"bench", "--scenario", dir.file("s.json"), "--out", dir.file("out"), "--no-plots"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  json::value results = parse_json(read_file(dir.file("out/results.json")));
  EXPECT_EQ(results.at("scenario").at("name"), "tiny");
  EXPECT_EQ(results.at("seed").to_number<uint64_t>(), 5u);
  const json::array& rows = results.at("rows").get_array();
  ASSERT_EQ(rows.size(), 5u);  // 1 + 2 parties x 2 latencies
  EXPECT_EQ(rows[0].at("curve"), "secp256k1");
  EXPECT_EQ(rows[1].at("curve"), "ed25519");
  EXPECT_EQ(results.at("baselines").get_array().size(), 2u);
  // Latency changes the simulated wall time, not the counts.
  EXPECT_EQ(rows[1].at("messages"), rows[2].at("messages"));
  EXPECT_LT(rows[1].at("wall_ms").at("median").to_number<double>(),
            rows[2].at("wall_ms").at("median").to_number<double>());
}

TEST_F(BenchCliRun, CrashedPartyIsRecordedAsTimeoutNamingIt) {
  TempDir dir;
  CliRun run = run_okmpc({"bench", "--protocol", "dkg", "--parties", "3", "--threshold", "2", "--crash", "1",
                          "--repeat", "1", "--out", dir.path(), "--no-plots", "--json"});
  // Injected faults are data, not a failure of the bench.
  ASSERT_EQ(run.exit_code, 0) << run.err;
  json::value results = parse_json(run.out);
  const json::value& row = results.at("rows").at(0);
  EXPECT_EQ(row.at("crash").to_number<int64_t>(), 1);
  EXPECT_EQ(row.at("finished_runs").to_number<int64_t>(), 0);
  EXPECT_THAT(std::string(row.at("outcome").get_string()), HasSubstr("timeout"));
  EXPECT_TRUE(row.at("compute_ms_total").is_null());
  EXPECT_TRUE(row.at("ratio").is_null());
  const json::value& error = row.at("trials").at(0).at("error");
  EXPECT_EQ(error.at("code"), "timeout");
  EXPECT_EQ(error.at("culprits"), (json::array{3}));  // the highest id crashes
  // The CSV leaves the measurements of an unfinished point empty.
  const std::string csv = read_file(dir.file("results.csv"));
  EXPECT_THAT(csv, HasSubstr(",0,timeout (1 of 1 runs),,,,,,,,,,,,"));
}

TEST_F(BenchCliRun, DroppedMessagesAreResentAndCounted) {
  TempDir clean, lossy;
  const std::vector<std::string> base{"bench", "--protocol", "dkg", "--parties", "5", "--repeat", "1",
                                      "--latency", "10ms", "--no-plots", "--json", "--seed", "3"};
  auto with = [&](const TempDir& dir, std::vector<std::string> extra) {
    std::vector<std::string> args = base;
    args.insert(args.end(), {"--out", dir.path()});
    args.insert(args.end(), extra.begin(), extra.end());
    return run_okmpc(args);
  };
  CliRun a = with(clean, {});
  CliRun b = with(lossy, {"--drop", "0.3"});
  ASSERT_EQ(a.exit_code, 0) << a.err;
  ASSERT_EQ(b.exit_code, 0) << b.err;
  const json::value ra = parse_json(a.out).at("rows").at(0);
  const json::value rb = parse_json(b.out).at("rows").at(0);
  EXPECT_EQ(rb.at("outcome"), "ok");
  // Retransmissions are extra messages and cost simulated time.
  EXPECT_GT(rb.at("messages").at("median").to_number<double>(), ra.at("messages").at("median").to_number<double>());
  EXPECT_GT(rb.at("wall_ms").at("median").to_number<double>(), ra.at("wall_ms").at("median").to_number<double>());
}

}  // namespace
}  // namespace okmpc::bench_test
