// Min / median / max of repeated measurements.
#pragma once

#include <cstddef>
#include <vector>

namespace okmpc::bench {

struct Summary {
  size_t count = 0;  // number of samples; 0 means min/median/max are meaningless
  double min = 0;
  double median = 0;  // mean of the two middle samples when count is even
  double max = 0;
};

// Summarizes `samples` (any order; taken by value to sort). Empty → count 0.
Summary summarize(std::vector<double> samples);

}  // namespace okmpc::bench
