#include "apps/bench/machine_info.hpp"

#include <sys/utsname.h>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <thread>

#include "apps/bench/subprocess.hpp"

#ifndef OKMPC_VERSION
#define OKMPC_VERSION "unknown"
#endif

namespace okmpc::bench {
namespace {

std::string trim(std::string s) {
  const char* ws = " \t\r\n";
  s.erase(0, s.find_first_not_of(ws));
  s.erase(s.find_last_not_of(ws) + 1);
  return s;
}

std::string cpu_model() {
  std::ifstream in("/proc/cpuinfo");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("model name", 0) == 0) {
      if (auto colon = line.find(':'); colon != std::string::npos) return trim(line.substr(colon + 1));
    }
  }
  return "unknown";
}

double load_average() {
  std::ifstream in("/proc/loadavg");
  double one_minute = -1;
  if (!(in >> one_minute)) return -1;
  return one_minute;
}

std::string os_name() {
  utsname u{};
  if (uname(&u) != 0) return "unknown";
  return std::string(u.sysname) + " " + u.release + " " + u.machine;
}

std::string compiler() {
#if defined(__clang__)
  return "clang " + std::to_string(__clang_major__) + "." + std::to_string(__clang_minor__) + "." +
         std::to_string(__clang_patchlevel__);
#elif defined(__GNUC__)
  return "gcc " + std::to_string(__GNUC__) + "." + std::to_string(__GNUC_MINOR__) + "." +
         std::to_string(__GNUC_PATCHLEVEL__);
#else
  return "unknown";
#endif
}

std::string build_type() {
#if defined(__OPTIMIZE__) && defined(NDEBUG)
  return "Release";
#elif defined(__OPTIMIZE__)
  return "RelWithAsserts";
#else
  return "Debug";
#endif
}

bool built_with_asan() {
#if defined(__SANITIZE_ADDRESS__)
  return true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
  return true;
#else
  return false;
#endif
#else
  return false;
#endif
}

// The directory of the running executable: git finds the repository from
// there even when the bench is run from elsewhere.
std::string executable_dir() {
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::string() : exe.parent_path().string();
}

std::string strftime_utc(const char* format) {
  std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[64];
  size_t n = std::strftime(buf, sizeof buf, format, &tm);
  return std::string(buf, n);
}

}  // namespace

MachineInfo collect_machine_info() {
  MachineInfo m;
  m.cpu_model = cpu_model();
  m.cores = std::thread::hardware_concurrency();
  m.os = os_name();
  m.load_average = load_average();
  m.compiler = compiler();
  m.build_type = build_type();
  m.sanitizers = built_with_asan();
  m.okmpc_version = OKMPC_VERSION;
  m.git_commit = "unknown";
  const std::string dir = executable_dir();
  auto head = run_process({"git", "-C", dir.empty() ? "." : dir, "rev-parse", "HEAD"});
  if (head && head->exit_code == 0 && trim(head->out).size() == 40) {
    m.git_commit = trim(head->out);
    auto status = run_process({"git", "-C", dir.empty() ? "." : dir, "status", "--porcelain", "--untracked-files=no"});
    m.git_dirty = status && status->exit_code == 0 && !trim(status->out).empty();
  }
  return m;
}

std::string utc_timestamp_iso() { return strftime_utc("%Y-%m-%dT%H:%M:%SZ"); }
std::string utc_timestamp_compact() { return strftime_utc("%Y%m%d-%H%M%S"); }

}  // namespace okmpc::bench
