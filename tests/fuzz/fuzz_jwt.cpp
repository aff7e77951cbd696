// JWT / JWKS parsing in auth/ (ID tokens and key sets come from outside):
// parse_compact_jws on any token text and Jwks::parse on any JSON never
// crash; an accepted token's signing input is the token up to its last dot.
// First byte: 0 = token, 1 = JWKS document.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "auth/jwks.hpp"
#include "auth/jws.hpp"
#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace okmpc::auth;
  if (size == 0) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  if (data[0] % 2 == 0) {
    auto jws = parse_compact_jws(text);
    if (!jws) return 0;
    FUZZ_CHECK(text.substr(0, text.rfind('.')) == jws->signing_input);
  } else {
    auto jwks = Jwks::parse(text);
    if (!jwks) return 0;
    auto again = Jwks::parse(jwks->to_json());
    FUZZ_CHECK(again.has_value() && again->kids() == jwks->kids());
  }
  return 0;
}
