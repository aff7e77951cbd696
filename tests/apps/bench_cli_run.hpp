// Runs the okmpc executable as a subprocess for the `okmpc bench` command-line
// tests: arguments passed without a shell, stdout and stderr captured, and
// optionally stderr attached to a pseudo-terminal (to see the progress bar).
#pragma once

#include <string>
#include <vector>

namespace okmpc::bench_test {

struct CliRun {
  int exit_code = -1;  // -1 if the process did not exit normally
  std::string out;     // stdout
  std::string err;     // stderr (what the terminal showed when on a pty)
};

// Runs OKMPC_BIN with `args`. stderr goes to a pipe, or to a pseudo-terminal
// when `stderr_on_terminal` is true. Aborts the test (ADD_FAILURE + empty
// result) if the process cannot be started.
CliRun run_okmpc(const std::vector<std::string>& args, bool stderr_on_terminal = false);

// A fresh empty directory under the system temp dir, removed by the destructor.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string file(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

std::string read_file(const std::string& path);

}  // namespace okmpc::bench_test
