// Point and scalar decoders of both curves on arbitrary bytes: no crash or
// UB, and every accepted encoding is canonical (re-encodes to the input).
// First input byte picks the decoder.
#include <algorithm>
#include <cstddef>
#include <cstdint>

#include "fuzz_check.hpp"
#include "mpc/ed25519.hpp"
#include "mpc/secp256k1.hpp"

namespace {

template <class T, class Encode>
void check_round_trip(okmpc::ByteView in, Encode encode) {
  auto decoded = T::from_bytes(in);
  if (!decoded) return;
  const auto again = encode(*decoded);
  FUZZ_CHECK(again.size() == in.size() && std::equal(again.begin(), again.end(), in.begin()));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace okmpc;
  if (size == 0) return 0;
  const ByteView in(data + 1, size - 1);
  switch (data[0] % 4) {
    case 0:
      check_round_trip<Secp256k1::Scalar>(in, [](const Secp256k1::Scalar& s) { return s.to_bytes(); });
      break;
    case 1: {
      auto p = Secp256k1::Point::from_bytes(in);
      // 33-byte compressed input re-encodes exactly; 65-byte uncompressed too.
      if (p && in.size() == 33) {
        const auto again = p->to_bytes();
        FUZZ_CHECK(std::equal(again.begin(), again.end(), in.begin()));
      }
      if (p && in.size() == 65) {
        const auto again = p->to_bytes_uncompressed();
        FUZZ_CHECK(std::equal(again.begin(), again.end(), in.begin()));
      }
      break;
    }
    case 2:
      check_round_trip<Ed25519::Scalar>(in, [](const Ed25519::Scalar& s) { return s.to_bytes(); });
      break;
    case 3:
      check_round_trip<Ed25519::Point>(in, [](const Ed25519::Point& p) { return p.to_bytes(); });
      break;
  }
  return 0;
}
