// A one-line progress bar on stderr, drawn only when stderr is a terminal
// (isatty), so logs and pipes never see carriage returns or bar characters.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>

namespace okmpc::bench {

class ProgressBar {
 public:
  // `enabled` false makes every call a no-op; see stderr_is_terminal().
  ProgressBar(std::ostream& out, bool enabled) : out_(out), enabled_(enabled) {}
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;
  ~ProgressBar() { finish(); }

  // Redraws "[#####.....] done/total label" in place.
  void update(size_t done, size_t total, const std::string& label);
  // Clears the line (once); later updates draw again.
  void finish();

 private:
  std::ostream& out_;
  bool enabled_;
  bool drawn_ = false;
  size_t last_width_ = 0;
};

// isatty(STDERR_FILENO).
bool stderr_is_terminal();

}  // namespace okmpc::bench
