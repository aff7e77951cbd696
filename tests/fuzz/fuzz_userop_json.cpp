// chain::user_operation_from_json (UserOperations arrive as JSON from
// clients): no crash or UB on any text, and an accepted operation survives
// the canonical JSON round trip unchanged.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "chain/user_operation_json.hpp"
#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace okmpc::chain;
  auto op = user_operation_from_json(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!op) return 0;
  auto again = user_operation_from_json(user_operation_to_json(*op));
  FUZZ_CHECK(again.has_value());
  FUZZ_CHECK(*again == *op);
  return 0;
}
