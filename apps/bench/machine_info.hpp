// Where and how a bench run happened, recorded in results.json so numbers
// can be compared honestly: CPU, core count, compiler, build type, sanitizers
// and the git commit of the sources.
#pragma once

#include <string>

namespace okmpc::bench {

struct MachineInfo {
  std::string cpu_model;   // "model name" from /proc/cpuinfo, "unknown" if absent
  unsigned cores = 0;      // std::thread::hardware_concurrency()
  std::string os;          // uname: sysname release machine
  double load_average = -1;  // 1-minute load average at start (/proc/loadavg), -1 if unknown;
                             // compute times are wall-clock, so a load above `cores` inflates them
  std::string compiler;    // e.g. "gcc 12.2.0"
  std::string build_type;  // "Release" (optimized, NDEBUG) / "Debug" / "RelWithAsserts"
  bool sanitizers = false; // built with AddressSanitizer
  std::string okmpc_version;
  std::string git_commit;  // `git rev-parse HEAD` near the executable, "unknown" if no git
  bool git_dirty = false;  // tracked files modified relative to git_commit
};

// Collects the facts above. Never fails: anything it cannot find is "unknown".
MachineInfo collect_machine_info();

// "2026-11-25T23:59:59Z" for now, and the "20261125-235959" form used in
// default output directory names.
std::string utc_timestamp_iso();
std::string utc_timestamp_compact();

}  // namespace okmpc::bench
