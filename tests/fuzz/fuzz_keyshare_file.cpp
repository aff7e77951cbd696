// Key share files (apps/keyshare_file.hpp) are read from disk, so their
// loader takes outside bytes: arbitrary contents never crash it, and a file
// it accepts survives a write/load round trip unchanged. The input is
// written to a private temporary file (the loader takes a path).
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "apps/keyshare_file.hpp"
#include "fuzz_check.hpp"

namespace {

const std::filesystem::path& scratch_file() {
  static const std::filesystem::path path = [] {
    const char* dir = std::getenv("TMPDIR");
    return std::filesystem::path(dir ? dir : "/tmp") / ("okmpc-fuzz-share-" + std::to_string(::getpid()) + ".json");
  }();
  return path;
}

void write_scratch(const std::string& text) {
  std::ofstream out(scratch_file(), std::ios::binary | std::ios::trunc);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
}

// An accepted file survives a write/load round trip unchanged.
template <okmpc::Curve C>
void load_and_round_trip() {
  auto share = okmpc::keyshare::load_key_share<C>(scratch_file());
  if (!share) return;
  write_scratch(okmpc::keyshare::key_share_json<C>(*share));
  auto again = okmpc::keyshare::load_key_share<C>(scratch_file());
  FUZZ_CHECK(again.has_value());
  FUZZ_CHECK(again->index == share->index && again->threshold == share->threshold);
  FUZZ_CHECK(again->group_public_key == share->group_public_key);
  FUZZ_CHECK(again->secret_share.expose() == share->secret_share.expose());
}

// The peeked curve decides the loader; the other curve's loader must refuse.
void check_file() {
  auto curve = okmpc::keyshare::peek_curve(scratch_file());
  if (!curve) return;
  if (*curve == "secp256k1") FUZZ_CHECK(!okmpc::keyshare::load_key_share<okmpc::Ed25519>(scratch_file()));
  if (*curve == "ed25519") FUZZ_CHECK(!okmpc::keyshare::load_key_share<okmpc::Secp256k1>(scratch_file()));
  if (*curve == "secp256k1") load_and_round_trip<okmpc::Secp256k1>();
  if (*curve == "ed25519") load_and_round_trip<okmpc::Ed25519>();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  write_scratch(std::string(reinterpret_cast<const char*>(data), size));
  check_file();
  std::error_code ignored;
  std::filesystem::remove(scratch_file(), ignored);  // leave nothing behind
  return 0;
}
