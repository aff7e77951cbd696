// Scenario files: several sweeps in one reproducible experiment
// (`okmpc bench --scenario FILE.json`; the bundled ones live in
// bench/scenarios/ and produce the tables of papers/results.md).
//
// Format (unknown keys are rejected, so a typo cannot silently change an
// experiment):
//   {
//     "name": "dkg-parties",                  (required, [a-z0-9_-]+)
//     "title": "DKG cost vs parties",         (optional)
//     "seed": 1,                              (optional; --seed overrides)
//     "experiments": [                        (required, non-empty)
//       { "protocol": "dkg", "curve": "secp256k1",           (required)
//         "variant": "batched",                              (optional)
//         "parties": [3, 5, 10] | "3,5,10",                  (required)
//         "threshold": "2/3" | 3 | ["2/3", 3],               (required)
//         "latency": "0ms" | ["0ms", "20ms"],                (default "0ms")
//         "bandwidth": "100mbit" | "unlimited",              (default unlimited)
//         "drop": 0.01, "crash": 0, "repeat": 3 }            (defaults 0, 0, 1)
//     ]
//   }
// Every value goes through the same parsers as the command-line options.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "apps/bench/sweep_spec.hpp"
#include "mpc/error.hpp"

namespace okmpc::bench {

struct Scenario {
  std::string name;
  std::string title;
  std::optional<uint64_t> seed;
  std::vector<SweepSpec> experiments;
};

// Parses scenario JSON text. kInvalidArgument with the JSON path of the
// culprit ("experiments[1].parties: ...") on any malformed or unknown field.
Result<Scenario> parse_scenario(std::string_view json_text);
// Reads and parses `path`; kIo naming the path if it cannot be read, parse
// errors prefixed with the path.
Result<Scenario> load_scenario(const std::string& path);

}  // namespace okmpc::bench
