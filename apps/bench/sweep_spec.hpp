// What one `okmpc bench` experiment sweeps over, and the strict parsers for
// the command-line / scenario spellings of its parameters.
//
// A SweepSpec is a cross product: parties × threshold rules × latencies, all
// with the same protocol, curve, variant and fault model. expand() turns it
// into the concrete TrialPoints the runner executes, in a fixed order
// (parties outermost, then threshold rule, then latency), so tables and
// result files are reproducible.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "mpc/error.hpp"

namespace okmpc::bench {

// How the threshold t follows the number of parties n: a fraction of n,
// rounded up ("2/3" gives t = ceil(2n/3)), or a fixed integer ("3").
struct ThresholdRule {
  uint32_t numerator = 0;
  uint32_t denominator = 1;  // 0 means "fixed": t = numerator for every n

  static ThresholdRule fraction(uint32_t num, uint32_t den) { return {num, den}; }
  static ThresholdRule fixed(uint32_t t) { return {t, 0}; }
  bool is_fixed() const { return denominator == 0; }
  // t for n parties; fails (kInvalidArgument) when t = 0 or t > n.
  Result<uint32_t> threshold_for(uint32_t parties) const;
  // The spelling it was parsed from: "2/3" or "3".
  std::string to_string() const;
};

struct SweepSpec {
  std::string protocol;  // "dkg" | "frost" | "ecdsa"
  std::string curve;     // "secp256k1" | "ed25519"
  std::string variant;   // protocol-specific mode, "" = the adapter's default
  std::vector<uint32_t> parties;
  std::vector<ThresholdRule> thresholds;
  std::vector<double> latencies_ms{0.0};  // one-way per-link latency
  double bandwidth_mbit = 0.0;             // per-link; 0 = unlimited
  double drop = 0.0;                       // message drop probability in [0, 1)
  uint32_t crash = 0;                      // parties that never send
  uint32_t repeat = 1;                     // runs per point
};

// One concrete parameter point of a sweep.
struct TrialPoint {
  std::string protocol;
  std::string curve;
  std::string variant;
  std::string threshold_rule;  // spelling of the rule t came from
  uint32_t parties = 0;
  uint32_t threshold = 0;
  double latency_ms = 0.0;
  double bandwidth_mbit = 0.0;
  double drop = 0.0;
  uint32_t crash = 0;
};

// Largest n any protocol accepts (identifiers are 1..255).
inline constexpr uint32_t kMaxParties = 255;
inline constexpr uint32_t kMaxRepeat = 10000;

// "3,5,10": comma-separated decimal integers, each in [1, kMaxParties], no
// duplicates. Empty items, signs, spaces or other characters are
// kInvalidArgument naming the offending item.
Result<std::vector<uint32_t>> parse_parties(std::string_view text);
// "2/3", "3", or a comma-separated list of those. A fraction must satisfy
// 0 < num ≤ den; a fixed t must be ≥ 1.
Result<std::vector<ThresholdRule>> parse_thresholds(std::string_view text);
// A duration with unit: "0ms", "20ms", "1.5s", "250us" → milliseconds.
// Negative values and missing or unknown units are kInvalidArgument.
Result<double> parse_duration_ms(std::string_view text);
// Comma-separated list of durations (see parse_duration_ms).
Result<std::vector<double>> parse_latencies_ms(std::string_view text);
// "100mbit", "1gbit", "512kbit", "unlimited" → Mbit/s (0 = unlimited).
Result<double> parse_bandwidth_mbit(std::string_view text);
// A probability in [0, 1): "0", "0.01".
Result<double> parse_drop(std::string_view text);
// A non-negative decimal integer ≤ max, named `what` in errors.
Result<uint64_t> parse_count(std::string_view text, std::string_view what, uint64_t max);
// A seed: decimal, or hexadecimal with a 0x prefix, fitting in 64 bits.
Result<uint64_t> parse_seed(std::string_view text);

// Checks the spec as a whole (known protocol and curve are the adapters'
// business; this checks shape) and returns its points. Fails with
// kInvalidArgument naming the parameter when a list is empty, t > n for some
// n, crash ≥ n, or repeat is 0.
Result<std::vector<TrialPoint>> expand(const SweepSpec& spec);

// "0ms"-style spelling of a latency for labels ("20ms", "0.5ms").
std::string format_ms(double ms);

}  // namespace okmpc::bench
