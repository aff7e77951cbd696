#include "session/signing_context.hpp"

#include <cstdlib>

#include "mpc/rng.hpp"

namespace okmpc::session {

const secp256k1_context* signing_context() {
  static const secp256k1_context* ctx = [] {
    secp256k1_context* c = secp256k1_context_create(SECP256K1_CONTEXT_NONE);
    if (c == nullptr) std::abort();
    OsRng rng;
    auto seed = rng.bytes<32>();
    if (secp256k1_context_randomize(c, seed.data()) != 1) std::abort();
    return c;
  }();
  return ctx;
}

}  // namespace okmpc::session
