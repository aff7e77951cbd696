// DKLs23 signing round payloads, decoded inside ecdsa::SignParty
// (protocols/ecdsa/sign.cpp): signer 1 of a 2-of-2 signing gets arbitrary
// bytes as signer 2's round-1 payload (context, commitment, vOLE receiver
// message) or, after an honest round 1, as its round-2 payload (R_j, salt,
// Γ^u, Γ^v, ψ, vOLE sender message).
//
// Also the round-3 broadcast body and its DLEQ proof through their strict
// decoders (LastRoundShare::decode, DleqProof::from_bytes; last_round.hpp).
//
// Properties: nothing crashes; a payload signer 1 refuses aborts the run
// with an Error naming exactly signer 2, the sender (never signer 1 itself);
// an accepted round-3 body or proof re-encodes to the input.
// First byte % 4: 0 = round 1, 1 = round 2, 2 = round-3 body (one other
// signer, id 2), 3 = DLEQ proof. The key, the OT setup and both parties'
// randomness are fixed, so the honest messages are the same on every input.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <string>
#include <memory>
#include <vector>

#include "fuzz_check.hpp"
#include "mpc/polynomial.hpp"
#include "protocols/ecdsa/last_round.hpp"
#include "protocols/ecdsa/run_simulated.hpp"
#include "protocols/ecdsa/sign.hpp"

namespace {

using namespace okmpc;
using runtime::Message;
using runtime::PartyId;

struct Fixture {
  std::vector<dkg::KeyShare<Secp256k1>> keys;
  std::vector<ecdsa::EcdsaSetup> setups;
};

// A 2-of-2 key dealt from one polynomial and its OT setup, made once.
const Fixture& fixture() {
  static const Fixture f = [] {
    Fixture out;
    DeterministicRng rng(91);
    const Polynomial<Secp256k1> poly = Polynomial<Secp256k1>::random(Secp256k1::Scalar::random(rng), 1, rng);
    const Secp256k1::Point group_key = Secp256k1::Point::base_mul(poly.evaluate(0).expose());
    std::vector<Secp256k1::Point> verification;
    for (uint32_t i = 1; i <= 2; ++i) verification.push_back(Secp256k1::Point::base_mul(poly.evaluate(i).expose()));
    for (uint32_t i = 1; i <= 2; ++i) {
      dkg::KeyShare<Secp256k1> k;
      k.threshold = 2;
      k.parties = 2;
      k.index = i;
      k.secret_share = poly.evaluate(i);
      k.group_public_key = group_key;
      k.verification_shares = verification;
      out.keys.push_back(std::move(k));
    }
    auto setup = ecdsa::setup_simulated(out.keys, rng);
    FUZZ_CHECK(setup.has_value());
    out.setups = std::move(setup->setups);
    return out;
  }();
  return f;
}

std::unique_ptr<ecdsa::SignParty> signer(uint32_t k) {
  ecdsa::SignRequest request;
  request.digest.fill(0x5a);
  request.signers = {1, 2};
  request.session.fill(0x33);
  auto party = ecdsa::SignParty::create(fixture().keys[k], fixture().setups[k], request);
  FUZZ_CHECK(party.has_value());
  return std::move(*party);
}

// The one message in `out` addressed to `to`.
Message to_party(const std::vector<Message>& out, PartyId to) {
  for (const Message& m : out) {
    if (m.to == to) return m;
  }
  FUZZ_CHECK(false);
  return {};
}

// A refusal must abort naming the sender and nobody else.
void check_refusal(const Result<std::vector<Message>>& result) {
  if (result) return;
  FUZZ_CHECK(result.error().culprits == std::vector<uint32_t>{2});
}

void expect_same(ByteView again, ByteView in) {
  FUZZ_CHECK(again.size() == in.size() && std::equal(again.begin(), again.end(), in.begin()));
}

void last_round_body(ByteView in) {
  const std::vector<PartyId> others = {2};
  auto share = ecdsa::LastRoundShare::decode(in, others);
  if (!share) {
    // A typed decoding error: framing, a scalar >= n or a bad point.
    const ErrorCode code = share.error().code;
    FUZZ_CHECK(code == ErrorCode::kInvalidEncoding || code == ErrorCode::kInvalidScalar ||
               code == ErrorCode::kInvalidPoint);
    return;
  }
  const Bytes again = share->encode(Hash32{});
  expect_same(ByteView(again).subspan(32), in);
}

void dleq_proof(ByteView in) {
  auto proof = ecdsa::DleqProof::from_bytes(in);
  if (proof) expect_same(proof->to_bytes(), in);
}

// Both signers after their (fixed) first rounds: the common start of every
// run and of the seed writer.
struct Started {
  std::unique_ptr<ecdsa::SignParty> one = signer(0), two = signer(1);
  DeterministicRng rng1{1}, rng2{2};
  std::vector<Message> first1, first2;  // their round-1 messages
  Started() {
    auto a = one->start(rng1);
    auto b = two->start(rng2);
    FUZZ_CHECK(a.has_value() && b.has_value());
    first1 = std::move(*a);
    first2 = std::move(*b);
  }
};

// Writes `mode` ‖ `payload` to dir/name.
void write_seed(const std::string& dir, const char* name, uint8_t mode, ByteView payload) {
  std::ofstream f(dir + "/" + name, std::ios::binary | std::ios::trunc);
  f.put(static_cast<char>(mode));
  f.write(reinterpret_cast<const char*>(payload.data()), static_cast<std::streamsize>(payload.size()));
  FUZZ_CHECK(f.good());
}

// The honest input of each mode, as this build produces it: signer 2's
// round-1 and round-2 payloads to signer 1, its round-3 body (after the
// context) and that body's DLEQ proof.
void write_honest_seeds(const std::string& dir) {
  Started run;
  const Message r1 = to_party(run.first2, 1);
  auto second1 = run.one->handle(r1, run.rng1);
  auto second2 = run.two->handle(to_party(run.first1, 2), run.rng2);
  FUZZ_CHECK(second1.has_value() && second2.has_value());
  const Message r2 = to_party(*second2, 1);
  auto third2 = run.two->handle(to_party(*second1, 2), run.rng2);
  FUZZ_CHECK(third2.has_value() && !third2->empty() && (*third2)[0].is_broadcast());
  const ByteView body = ByteView((*third2)[0].payload).subspan(32);
  auto share = ecdsa::LastRoundShare::decode(body, std::vector<PartyId>{1});
  FUZZ_CHECK(share.has_value());
  write_seed(dir, "round1_honest", 0, r1.payload);
  write_seed(dir, "round2_honest", 1, r2.payload);
  write_seed(dir, "round3_body_honest", 2, body);
  write_seed(dir, "dleq_proof_honest", 3, share->proof.to_bytes());
}

}  // namespace

// OKMPC_FUZZ_WRITE_SEEDS=<dir>: write the four honest seeds into dir and
// exit (after a change of the wire format or of a derivation label, so the
// corpus keeps starting from messages the signer accepts).
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  if (const char* dir = std::getenv("OKMPC_FUZZ_WRITE_SEEDS")) {
    write_honest_seeds(dir);
    std::exit(0);
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const Bytes payload(data + 1, data + size);
  switch (data[0] % 4) {
    case 2:
      last_round_body(payload);
      return 0;
    case 3:
      dleq_proof(payload);
      return 0;
    default:
      break;
  }
  Started run;
  Message from2 = to_party(run.first2, 1);
  if (data[0] % 4 == 0) {
    from2.payload = payload;
    check_refusal(run.one->handle(from2, run.rng1));
    return 0;
  }
  auto second1 = run.one->handle(from2, run.rng1);
  auto second2 = run.two->handle(to_party(run.first1, 2), run.rng2);
  FUZZ_CHECK(second1.has_value() && second2.has_value());
  Message round2 = to_party(*second2, 1);
  round2.payload = payload;
  check_refusal(run.one->handle(round2, run.rng1));
  return 0;
}
