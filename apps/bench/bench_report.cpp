#include "apps/bench/bench_report.hpp"

#include <cstdio>

namespace okmpc::bench {

std::string fixed(double value, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
  return buf;
}

}  // namespace okmpc::bench
