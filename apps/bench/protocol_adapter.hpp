// The bridge between `okmpc bench` and the protocols it measures. Each
// protocol that exists in this build registers one ProtocolAdapter (in its
// own apps/bench/adapter_<protocol>.cpp) that runs one trial on the simulated
// network and returns the runtime's figures. The bench knows the names of
// all protocols okmpc plans (dkg, frost, ecdsa); a planned protocol whose
// adapter is not linked in is reported as "not available in this build".
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "apps/bench/sweep_spec.hpp"
#include "mpc/error.hpp"

namespace okmpc::bench {

// The figures of one protocol run, taken from the runtime's RunReport.
struct TrialMeasurement {
  uint32_t rounds = 0;
  uint64_t messages = 0;            // messages put on the wire, all parties
  uint64_t bytes_total = 0;         // wire bytes (header + payload), all parties
  double bytes_per_party = 0;       // bytes_total / active_parties
  double compute_ms_total = 0;      // CPU time in protocol code, summed over parties
  double compute_ms_per_party = 0;  // compute_ms_total / active_parties
  double wall_ms = 0;               // simulated wall-clock time of the run
  uint32_t active_parties = 0;      // parties that ran: n for DKG, the signers for signing
};

struct ProtocolAdapter {
  std::string protocol;              // "dkg", "frost", "ecdsa"
  std::vector<std::string> curves;   // curves it runs on
  std::vector<std::string> variants; // accepted --variant values; the first is the default
  std::string output;                // what one run produces: "key" or "signature"
  std::string description;           // one line for --help and results.json
  // Runs one trial at `point` with all randomness derived from `seed`.
  // `point` has been validated against curves/variants; the function returns
  // the protocol's Error (naming culprits) when the run aborts, e.g. because
  // of injected crashes or drops.
  std::function<Result<TrialMeasurement>(const TrialPoint& point, uint64_t seed)> run;
};

// Protocols and curves okmpc knows about, whether or not built in.
const std::vector<std::string>& planned_protocols();
const std::vector<std::string>& known_curves();

// Adds an adapter; called from static initializers via OKMPC_REGISTER_BENCH_ADAPTER.
void register_adapter(ProtocolAdapter adapter);
// Adapters linked into this binary, ordered by protocol name.
std::vector<const ProtocolAdapter*> available_adapters();

// The adapter for `protocol` after checking `curve` and `variant` ("" = the
// default). Errors (all kInvalidArgument, so the CLI exits 2): unknown
// protocol, protocol planned but not available in this build, unknown curve,
// curve not supported by the protocol, unknown variant.
Result<const ProtocolAdapter*> find_adapter(std::string_view protocol, std::string_view curve,
                                            std::string_view variant);

struct AdapterRegistrar {
  explicit AdapterRegistrar(ProtocolAdapter adapter) { register_adapter(std::move(adapter)); }
};

}  // namespace okmpc::bench

#define OKMPC_BENCH_CONCAT_INNER(a, b) a##b
#define OKMPC_BENCH_CONCAT(a, b) OKMPC_BENCH_CONCAT_INNER(a, b)
#define OKMPC_REGISTER_BENCH_ADAPTER(...)                                                       \
  static const ::okmpc::bench::AdapterRegistrar OKMPC_BENCH_CONCAT(okmpc_bench_adapter_, __LINE__)( \
      ::okmpc::bench::ProtocolAdapter{__VA_ARGS__})
