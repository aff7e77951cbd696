#include "apps/bench/sweep_spec.hpp"

#include <charconv>
#include <cmath>
#include <optional>
#include <set>
#include <sstream>

namespace okmpc::bench {
namespace {

tl::unexpected<Error> bad(std::string message) {
  return fail(ErrorCode::kInvalidArgument, std::move(message));
}

std::string quoted(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  out.append(1, '\'').append(s).append(1, '\'');
  return out;
}

// Splits on ',' keeping empty items (so "3,,5" is caught as malformed).
std::vector<std::string_view> split_list(std::string_view text) {
  std::vector<std::string_view> items;
  size_t start = 0;
  for (;;) {
    size_t comma = text.find(',', start);
    items.push_back(text.substr(start, comma == std::string_view::npos ? comma : comma - start));
    if (comma == std::string_view::npos) return items;
    start = comma + 1;
  }
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// Strict unsigned decimal: digits only, no sign, no spaces, fits in 64 bits.
std::optional<uint64_t> to_u64(std::string_view s) {
  if (!all_digits(s)) return std::nullopt;
  uint64_t v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size()) return std::nullopt;
  return v;
}

// Strict decimal number "12", "0.5", "-3" (the sign is reported by callers).
std::optional<double> to_double(std::string_view s) {
  if (s.empty()) return std::nullopt;
  double v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v, std::chars_format::fixed);
  if (ec != std::errc() || ptr != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

// Splits "20ms" into the number "20" and the unit "ms".
std::pair<std::string_view, std::string_view> split_unit(std::string_view text) {
  size_t i = 0;
  while (i < text.size() && (text[i] == '-' || text[i] == '+' || text[i] == '.' ||
                             (text[i] >= '0' && text[i] <= '9'))) {
    ++i;
  }
  return {text.substr(0, i), text.substr(i)};
}

}  // namespace

Result<uint32_t> ThresholdRule::threshold_for(uint32_t parties) const {
  uint64_t t = numerator;
  if (!is_fixed()) t = (uint64_t{parties} * numerator + denominator - 1) / denominator;
  if (t == 0) return bad("threshold " + to_string() + " gives t = 0 for n = " + std::to_string(parties));
  if (t > parties) {
    return bad("threshold t = " + std::to_string(t) + " exceeds the number of parties n = " +
               std::to_string(parties));
  }
  return static_cast<uint32_t>(t);
}

std::string ThresholdRule::to_string() const {
  if (is_fixed()) return std::to_string(numerator);
  return std::to_string(numerator) + "/" + std::to_string(denominator);
}

Result<std::vector<uint32_t>> parse_parties(std::string_view text) {
  std::vector<uint32_t> out;
  std::set<uint32_t> seen;
  for (std::string_view item : split_list(text)) {
    auto v = to_u64(item);
    if (!v) return bad("malformed --parties list " + quoted(text) + ": " + quoted(item) + " is not a positive integer");
    if (*v < 1 || *v > kMaxParties) {
      return bad("--parties value " + std::to_string(*v) + " is outside 1.." + std::to_string(kMaxParties));
    }
    if (!seen.insert(static_cast<uint32_t>(*v)).second) {
      return bad("--parties list " + quoted(text) + " repeats " + std::to_string(*v));
    }
    out.push_back(static_cast<uint32_t>(*v));
  }
  return out;
}

Result<std::vector<ThresholdRule>> parse_thresholds(std::string_view text) {
  std::vector<ThresholdRule> out;
  for (std::string_view item : split_list(text)) {
    size_t slash = item.find('/');
    if (slash == std::string_view::npos) {
      auto t = to_u64(item);
      if (!t) return bad("malformed --threshold " + quoted(item) + ": expected a fraction like 2/3 or an integer");
      if (*t < 1 || *t > kMaxParties) return bad("--threshold " + quoted(item) + " must be in 1.." + std::to_string(kMaxParties));
      out.push_back(ThresholdRule::fixed(static_cast<uint32_t>(*t)));
      continue;
    }
    auto num = to_u64(item.substr(0, slash));
    auto den = to_u64(item.substr(slash + 1));
    if (!num || !den) return bad("malformed --threshold fraction " + quoted(item));
    if (*num == 0 || *den == 0 || *num > *den || *den > kMaxParties) {
      return bad("--threshold fraction " + quoted(item) + " must satisfy 0 < numerator <= denominator <= " +
                 std::to_string(kMaxParties));
    }
    out.push_back(ThresholdRule::fraction(static_cast<uint32_t>(*num), static_cast<uint32_t>(*den)));
  }
  return out;
}

Result<double> parse_duration_ms(std::string_view text) {
  auto [number, unit] = split_unit(text);
  auto v = to_double(number);
  if (!v) return bad("malformed duration " + quoted(text) + ": expected e.g. 0ms, 20ms, 1.5s");
  if (*v < 0 || number.front() == '-') return bad("negative latency " + quoted(text));
  double scale = 0;
  if (unit == "ms") {
    scale = 1.0;
  } else if (unit == "s") {
    scale = 1000.0;
  } else if (unit == "us") {
    scale = 0.001;
  } else {
    return bad("duration " + quoted(text) + " needs a unit: us, ms or s");
  }
  return *v * scale;
}

Result<std::vector<double>> parse_latencies_ms(std::string_view text) {
  std::vector<double> out;
  for (std::string_view item : split_list(text)) {
    OKMPC_ASSIGN_OR_RETURN(double ms, parse_duration_ms(item));
    out.push_back(ms);
  }
  return out;
}

Result<double> parse_bandwidth_mbit(std::string_view text) {
  if (text == "unlimited") return 0.0;
  auto [number, unit] = split_unit(text);
  auto v = to_double(number);
  if (!v) return bad("malformed bandwidth " + quoted(text) + ": expected e.g. 100mbit, 1gbit or unlimited");
  if (*v <= 0) return bad("bandwidth " + quoted(text) + " must be positive (or 'unlimited')");
  if (unit == "kbit") return *v / 1000.0;
  if (unit == "mbit") return *v;
  if (unit == "gbit") return *v * 1000.0;
  return bad("bandwidth " + quoted(text) + " needs a unit: kbit, mbit or gbit");
}

Result<double> parse_drop(std::string_view text) {
  auto v = to_double(text);
  if (!v) return bad("malformed --drop " + quoted(text) + ": expected a probability like 0.01");
  if (*v < 0 || *v >= 1 || text.front() == '-') return bad("--drop " + quoted(text) + " must be in [0, 1)");
  return *v;
}

Result<uint64_t> parse_count(std::string_view text, std::string_view what, uint64_t max) {
  auto v = to_u64(text);
  if (!v) return bad("malformed --" + std::string(what) + " " + quoted(text) + ": expected a non-negative integer");
  if (*v > max) return bad("--" + std::string(what) + " " + quoted(text) + " exceeds " + std::to_string(max));
  return *v;
}

Result<uint64_t> parse_seed(std::string_view text) {
  if (text.size() > 2 && (text.substr(0, 2) == "0x" || text.substr(0, 2) == "0X")) {
    std::string_view hex = text.substr(2);
    uint64_t v = 0;
    auto [ptr, ec] = std::from_chars(hex.data(), hex.data() + hex.size(), v, 16);
    if (ec != std::errc() || ptr != hex.data() + hex.size() || hex.size() > 16) {
      return bad("malformed --seed " + quoted(text) + ": expected at most 16 hex digits after 0x");
    }
    return v;
  }
  auto v = to_u64(text);
  if (!v) return bad("malformed --seed " + quoted(text) + ": expected a 64-bit decimal or 0x-hex integer");
  return *v;
}

Result<std::vector<TrialPoint>> expand(const SweepSpec& spec) {
  if (spec.parties.empty()) return bad("no --parties given");
  if (spec.thresholds.empty()) return bad("no --threshold given");
  if (spec.latencies_ms.empty()) return bad("no --latency given");
  if (spec.repeat == 0) return bad("--repeat must be at least 1");
  std::vector<TrialPoint> points;
  for (uint32_t n : spec.parties) {
    if (spec.crash >= n) {
      return bad("--crash " + std::to_string(spec.crash) + " must be smaller than the number of parties n = " +
                 std::to_string(n));
    }
    for (const ThresholdRule& rule : spec.thresholds) {
      OKMPC_ASSIGN_OR_RETURN(uint32_t t, rule.threshold_for(n));
      for (double latency : spec.latencies_ms) {
        TrialPoint p;
        p.protocol = spec.protocol;
        p.curve = spec.curve;
        p.variant = spec.variant;
        p.threshold_rule = rule.to_string();
        p.parties = n;
        p.threshold = t;
        p.latency_ms = latency;
        p.bandwidth_mbit = spec.bandwidth_mbit;
        p.drop = spec.drop;
        p.crash = spec.crash;
        points.push_back(std::move(p));
      }
    }
  }
  return points;
}

std::string format_ms(double ms) {
  std::ostringstream os;
  os << ms << "ms";
  return os.str();
}

}  // namespace okmpc::bench
