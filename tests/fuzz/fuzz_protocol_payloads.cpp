// Every round-payload decoder that reads a peer's bytes: the runtime's echo
// digest and echo evidence (signed views), the DKG's round-1 package / round-2 share / round-3 verification
// share (both curves), FROST's commitments, signature shares, signatures and
// signing package (both suites), and the stored ECDSA OT setup. No crash or
// UB on any bytes; accepted encodings re-encode to the input where the
// format has one encoding. Input: [selector][t][payload...].
#include <algorithm>
#include <cstddef>
#include <cstdint>

#include "fuzz_check.hpp"
#include "protocols/dkg/messages.hpp"
#include "protocols/ecdsa/setup.hpp"
#include "protocols/frost/frost.hpp"
#include "protocols/frost/wire.hpp"
#include "protocols/runtime/echo.hpp"

namespace {

using namespace okmpc;

template <class Encoded>
void expect_same(const Encoded& again, ByteView in) {
  FUZZ_CHECK(again.size() == in.size() && std::equal(again.begin(), again.end(), in.begin()));
}

template <Curve C>
void dkg_payloads(uint8_t which, uint32_t t, ByteView in) {
  switch (which % 3) {
    case 0:
      if (auto pkg = dkg::Round1Package<C>::decode(in, t, 2)) expect_same(pkg->encode(), in);
      break;
    case 1:
      if (auto s = dkg::decode_share<C>(in, 2)) expect_same(s->to_bytes(), in);
      break;
    case 2:
      if (auto p = dkg::decode_verification_share<C>(in, 2)) expect_same(dkg::encode_verification_share<C>(*p), in);
      break;
  }
}

template <frost::Ciphersuite S>
void frost_payloads(uint8_t which, ByteView in) {
  switch (which % 4) {
    case 0:
      if (auto c = frost::SigningCommitments<S>::from_bytes(3, in)) expect_same(c->to_bytes(), in);
      break;
    case 1:
      if (auto z = frost::SignatureShare<S>::from_bytes(3, in)) expect_same(z->to_bytes(), in);
      break;
    case 2:
      if (auto sig = frost::Signature<S>::from_bytes(in)) expect_same(sig->to_bytes(), in);
      break;
    case 3:
      if (auto pkg = frost::decode_signing_package<S>(in)) expect_same(frost::encode_signing_package<S>(*pkg), in);
      break;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  const uint8_t selector = data[0];
  const uint32_t t = 1u + data[1] % 8;
  const ByteView in(data + 2, size - 2);
  switch (selector % 6) {
    case 0:
      if ((selector / 6) % 2 == 0) {
        if (auto digest = runtime::decode_echo(in, runtime::ProtocolId::kDkg, 1)) {
          expect_same(runtime::encode_echo(runtime::ProtocolId::kDkg, *digest), in);
        }
      } else if (auto view = runtime::decode_evidence(in, runtime::ProtocolId::kDkg, 1)) {
        expect_same(runtime::encode_evidence(runtime::ProtocolId::kDkg, *view), in);
      }
      break;
    case 1: dkg_payloads<Secp256k1>(selector / 6, t, in); break;
    case 2: dkg_payloads<Ed25519>(selector / 6, t, in); break;
    case 3: frost_payloads<frost::FrostSecp256k1Sha256>(selector / 6, in); break;
    case 4: frost_payloads<frost::FrostEd25519Sha512>(selector / 6, in); break;
    case 5:
      if (auto setup = ecdsa::EcdsaSetup::parse(in)) {
        const auto again = setup->serialize();
        expect_same(again.expose(), in);
      }
      break;
  }
  return 0;
}
