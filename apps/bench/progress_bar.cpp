#include "apps/bench/progress_bar.hpp"

#include <unistd.h>

#include <algorithm>

namespace okmpc::bench {

namespace {
constexpr size_t kBarWidth = 30;
}  // namespace

void ProgressBar::update(size_t done, size_t total, const std::string& label) {
  if (!enabled_) return;
  const size_t filled = total ? kBarWidth * std::min(done, total) / total : kBarWidth;
  std::string line = "[" + std::string(filled, '#') + std::string(kBarWidth - filled, '.') + "] " +
                     std::to_string(done) + "/" + std::to_string(total) + " " + label;
  const size_t width = line.size();
  if (width < last_width_) line += std::string(last_width_ - width, ' ');
  last_width_ = width;
  out_ << "\r" << line << std::flush;
  drawn_ = true;
}

void ProgressBar::finish() {
  if (!enabled_ || !drawn_) return;
  out_ << "\r" << std::string(last_width_, ' ') << "\r" << std::flush;
  drawn_ = false;
  last_width_ = 0;
}

bool stderr_is_terminal() { return isatty(STDERR_FILENO) == 1; }

}  // namespace okmpc::bench
