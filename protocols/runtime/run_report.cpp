#include "protocols/runtime/run_report.hpp"

#include <cstdio>

namespace okmpc::runtime {

std::string RunReport::summary() const {
  char buf[256];
  std::snprintf(buf, sizeof buf,
                "rounds=%u messages=%llu bytes=%llu compute=%.3fms cpu=%.3fms network=%.3fms wall=%.3fms",
                rounds, static_cast<unsigned long long>(messages), static_cast<unsigned long long>(bytes),
                total_compute_ms, total_cpu_ms, network_ms, simulated_ms);
  std::string out = buf;
  if (dropped) out += " dropped=" + std::to_string(dropped);
  return out;
}

}  // namespace okmpc::runtime
