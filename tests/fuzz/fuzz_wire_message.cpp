// runtime::Message::decode (the wire header every protocol message travels
// in): no crash or UB on any bytes; an accepted message re-encodes to exactly
// the input (the format has one encoding per message).
#include <algorithm>
#include <cstddef>
#include <cstdint>

#include "fuzz_check.hpp"
#include "protocols/runtime/message.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using okmpc::runtime::Message;
  auto m = Message::decode(okmpc::ByteView(data, size));
  if (!m) return 0;
  const okmpc::Bytes again = m->encode();
  FUZZ_CHECK(again.size() == size && std::equal(again.begin(), again.end(), data));
  return 0;
}
