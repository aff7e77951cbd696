// Running a helper program (git, gnuplot) without a shell: arguments are
// passed as they are, never re-parsed, so paths with spaces or quotes are safe.
#pragma once

#include <string>
#include <vector>

#include "mpc/error.hpp"

namespace okmpc::bench {

struct ProcessOutput {
  int exit_code = -1;   // the program's exit status; -1 if killed by a signal
  std::string out;      // everything it wrote to stdout
  std::string err;      // everything it wrote to stderr
};

// Runs argv[0] (looked up in PATH) with argv[1..] in directory `cwd` ("" =
// the current one) and waits for it. stdin is /dev/null. Fails with kIo only
// when the program cannot be started at all (not found, fork failure); a
// non-zero exit is reported in ProcessOutput::exit_code.
Result<ProcessOutput> run_process(const std::vector<std::string>& argv, const std::string& cwd = "");

}  // namespace okmpc::bench
