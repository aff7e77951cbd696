// `okmpc bench`: runs a reproducible protocol experiment on the simulated
// network and reports it as a table, results.csv, results.json, table.md and
// plots (see apps/bench/*.hpp for each piece and its format).
#include <chrono>
#include <filesystem>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "apps/bench/baseline.hpp"
#include "apps/bench/bench_report.hpp"
#include "apps/bench/gnuplot_plots.hpp"
#include "apps/bench/machine_info.hpp"
#include "apps/bench/progress_bar.hpp"
#include "apps/bench/results_csv.hpp"
#include "apps/bench/results_json.hpp"
#include "apps/bench/results_table.hpp"
#include "apps/bench/scenario.hpp"
#include "apps/bench/sweep_runner.hpp"
#include "apps/bench/text_file.hpp"
#include "apps/cli.hpp"

namespace okmpc::cli {
namespace {

namespace fs = std::filesystem;
using namespace okmpc::bench;

constexpr const char* kName = "bench";
constexpr uint64_t kDefaultSeed = 1;

void print_help() {
  std::cout <<
      R"(usage: okmpc bench --protocol dkg|frost|ecdsa [--curve secp256k1|ed25519]
                   [--parties 3,5,10,25,50,100] [--threshold 2/3] [--variant V]
                   [--latency 0ms[,20ms,100ms]] [--bandwidth 100mbit] [--drop P]
                   [--crash K] [--repeat R] [--seed S] [--out DIR] [--json] [--no-plots]
       okmpc bench --scenario FILE.json [--seed S] [--out DIR] [--json] [--no-plots]

Runs a protocol on the simulated network for every parameter point
(parties x threshold x latency), R times each, and reports rounds, messages,
bytes per party, compute time of all parties and per party, and simulated
wall time (min/median/max over the repeats), next to a single-party baseline
measured in the same run (libsecp256k1 ECDSA sign for secp256k1, libsodium
Ed25519 sign for ed25519); `ratio` = median compute of all parties / baseline.

options:
  --protocol    dkg, frost or ecdsa (required unless --scenario)
  --curve       secp256k1 (default) or ed25519
  --variant     protocol mode, e.g. dkg: batched | per-dealer (default: the first)
  --parties     comma list of n, each 1..255 (default 3,5,10,25,50,100)
  --threshold   t as a fraction of n rounded up (2/3) or a fixed integer (3);
                a comma list sweeps several (default 2/3); t > n is an error
  --latency     one-way per-link latency with unit us/ms/s, comma list (default 0ms)
  --bandwidth   per-link bandwidth: 512kbit, 100mbit, 1gbit or unlimited (default)
  --drop        probability in [0,1) that a message is dropped (default 0)
  --crash       number of parties that crash (never send; default 0)
  --repeat      runs per point, 1..10000 (default 3)
  --seed        64-bit seed, decimal or 0x-hex (default 1); same seed, same
                rounds/messages/bytes
  --scenario    JSON file with several experiments (see bench/scenarios/)
  --out         output directory (default: bench-results/<UTC timestamp>)
  --json        print results.json to stdout instead of the table
  --no-plots    do not run gnuplot

Writes DIR/results.csv, DIR/results.json, DIR/table.md, DIR/plots.gp and the
plots cost_vs_parties, bytes_vs_parties, wall_vs_latency (.png and .svg).
A progress bar is drawn on stderr only when stderr is a terminal.
Exit codes: 0 ok, 1 a run failed without injected faults or an output could
not be written, 2 bad parameters (or a protocol not available in this build).
)";
  std::cout << "\nprotocols in this build:";
  const auto adapters = available_adapters();
  if (adapters.empty()) std::cout << " none";
  std::cout << "\n";
  for (const ProtocolAdapter* a : adapters) {
    std::cout << "  " << a->protocol << "  (";
    for (size_t i = 0; i < a->curves.size(); ++i) std::cout << (i ? ", " : "") << a->curves[i];
    if (!a->variants.empty()) {
      std::cout << "; variants:";
      for (const std::string& v : a->variants) std::cout << " " << v;
    }
    std::cout << ")  " << a->description << "\n";
  }
}

// The sweep given by command-line options.
Result<SweepSpec> spec_from_args(const Args& args) {
  auto option = [&](const char* name, const char* fallback) { return args.get_or(name, fallback); };
  if (!args.has("protocol")) return fail(ErrorCode::kInvalidArgument, "--protocol is required (dkg, frost or ecdsa)");
  SweepSpec spec;
  spec.protocol = *args.get("protocol");
  spec.curve = option("curve", "secp256k1");
  spec.variant = option("variant", "");
  OKMPC_ASSIGN_OR_RETURN(spec.parties, parse_parties(option("parties", "3,5,10,25,50,100")));
  OKMPC_ASSIGN_OR_RETURN(spec.thresholds, parse_thresholds(option("threshold", "2/3")));
  OKMPC_ASSIGN_OR_RETURN(spec.latencies_ms, parse_latencies_ms(option("latency", "0ms")));
  OKMPC_ASSIGN_OR_RETURN(spec.bandwidth_mbit, parse_bandwidth_mbit(option("bandwidth", "unlimited")));
  OKMPC_ASSIGN_OR_RETURN(spec.drop, parse_drop(option("drop", "0")));
  OKMPC_ASSIGN_OR_RETURN(uint64_t crash, parse_count(option("crash", "0"), "crash", kMaxParties));
  spec.crash = static_cast<uint32_t>(crash);
  OKMPC_ASSIGN_OR_RETURN(uint64_t repeat, parse_count(option("repeat", "3"), "repeat", kMaxRepeat));
  if (repeat == 0) return fail(ErrorCode::kInvalidArgument, "--repeat must be at least 1");
  spec.repeat = static_cast<uint32_t>(repeat);
  return spec;
}

// A fresh bench-results/<timestamp>[-k] directory name that does not exist yet.
std::string default_out_dir() {
  const fs::path base = fs::path("bench-results") / utc_timestamp_compact();
  fs::path dir = base;
  for (int k = 2; fs::exists(dir); ++k) dir = base.string() + "-" + std::to_string(k);
  return dir.string();
}

bool faults_injected(const TrialPoint& p) { return p.drop > 0 || p.crash > 0; }

int run_bench(const std::vector<std::string>& argv) {
  const auto started = std::chrono::steady_clock::now();
  std::string err;
  auto args = Args::parse(argv,
                          {"protocol", "curve", "variant", "parties", "threshold", "latency", "bandwidth", "drop",
                           "crash", "repeat", "seed", "out", "scenario"},
                          {"help", "json", "no-plots"}, &err);
  if (!args) return usage_error(kName, err);
  if (args->flag("help")) {
    print_help();
    return kExitOk;
  }
  if (!args->positional().empty()) return usage_error(kName, "unexpected argument '" + args->positional()[0] + "'");

  BenchReport report;
  report.started_utc = utc_timestamp_iso();
  std::vector<SweepSpec> specs;
  std::optional<uint64_t> seed;
  if (auto s = args->get("seed")) {
    auto parsed = parse_seed(*s);
    if (!parsed) return usage_error(kName, parsed.error().message);
    seed = *parsed;
  }
  if (auto file = args->get("scenario")) {
    for (const char* o : {"protocol", "curve", "variant", "parties", "threshold", "latency", "bandwidth", "drop",
                          "crash", "repeat"}) {
      if (args->has(o)) return usage_error(kName, std::string("--") + o + " cannot be combined with --scenario");
    }
    auto scenario = load_scenario(*file);
    if (!scenario) return usage_error(kName, scenario.error().message);
    specs = scenario->experiments;
    report.scenario_name = scenario->name;
    report.scenario_title = scenario->title;
    report.scenario_file = *file;
    if (!seed) seed = scenario->seed;
  } else {
    auto spec = spec_from_args(*args);
    if (!spec) return usage_error(kName, spec.error().message);
    specs.push_back(std::move(*spec));
  }
  report.seed = seed.value_or(kDefaultSeed);
  auto plan = plan_sweeps(specs);
  if (!plan) return usage_error(kName, plan.error().message);
  report.plan = std::move(*plan);

  const std::string out_dir = args->get_or("out", default_out_dir());
  std::error_code ec;
  fs::create_directories(out_dir, ec);
  if (ec) return failure(kName, "cannot create output directory " + out_dir + ": " + ec.message());

  report.machine = collect_machine_info();
  for (const PlannedSweep& s : report.plan) {
    if (report.baselines.count(s.spec.curve)) continue;
    auto baseline = measure_baseline(s.spec.curve);
    if (!baseline) return failure(kName, "baseline: " + baseline.error().describe());
    report.baselines.emplace(s.spec.curve, std::move(*baseline));
  }

  {
    ProgressBar bar(std::cerr, stderr_is_terminal());
    report.rows = run_sweeps(report.plan, report.seed, report.baselines,
                             [&](size_t done, size_t total, const TrialPoint& p) {
                               bar.update(done, total,
                                          p.protocol + " " + p.curve + " n=" + std::to_string(p.parties) +
                                              " t=" + std::to_string(p.threshold) + " " + format_ms(p.latency_ms));
                             });
  }
  report.elapsed_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

  int exit_code = kExitOk;
  for (const ResultRow& row : report.rows) {
    if (row.finished_runs() == row.trials.size() || faults_injected(row.point)) continue;
    for (const TrialRecord& t : row.trials) {
      if (t.error) {
        std::cerr << "okmpc bench: " << row.point.protocol << " n=" << row.point.parties << " t="
                  << row.point.threshold << " seed " << t.seed << " failed without injected faults: "
                  << t.error->describe() << "\n";
      }
    }
    exit_code = kExitFailure;
  }

  const fs::path dir(out_dir);
  std::vector<std::string> written;
  auto record = [&](const Status& s, const char* name) {
    if (!s) {
      std::cerr << "okmpc bench: " << s.error().describe() << "\n";
      exit_code = kExitFailure;
    } else {
      written.push_back((dir / name).string());
    }
  };
  record(write_results_csv(report, (dir / "results.csv").string()), "results.csv");
  record(write_results_json(report, (dir / "results.json").string()), "results.json");
  record(write_text_file((dir / "table.md").string(), results_markdown(report)), "table.md");
  if (!args->flag("no-plots")) {
    auto images = write_plots(report, out_dir);
    if (!images) {
      std::cerr << "okmpc bench: plots: " << images.error().describe() << "\n";
      exit_code = kExitFailure;
    } else {
      written.push_back((dir / "plots.gp").string());
      for (const std::string& image : *images) written.push_back((dir / image).string());
    }
  }

  if (args->flag("json")) {
    std::cout << results_json(report);
  } else {
    std::cout << results_table(report) << "\nwrote:";
    for (const std::string& f : written) std::cout << " " << f;
    std::cout << "\n";
  }
  return exit_code;
}

}  // namespace

OKMPC_REGISTER_COMMAND("bench", "run protocol experiments on the simulated network: table, CSV, JSON, plots",
                       run_bench);

}  // namespace okmpc::cli
