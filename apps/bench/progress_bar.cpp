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
  std::string line;
  line.reserve(kBarWidth + label.size() + 32);
  line.append(1, '[').append(filled, '#').append(kBarWidth - filled, '.').append("] ");
  line.append(std::to_string(done)).append(1, '/').append(std::to_string(total)).append(1, ' ').append(label);
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
