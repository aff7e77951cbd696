// Constant-time check in the style of libsecp256k1's ctime_tests: secret
// inputs are marked undefined with valgrind memcheck client requests, the
// secret-handling code runs, and memcheck reports any branch or memory index
// that depends on them ("Conditional jump or move depends on uninitialised
// value", "Use of uninitialised value"). Values that are public by design
// (public keys, commitments, signature shares, sent messages) are marked
// defined again where the protocol publishes them.
//
// Run: valgrind --error-exitcode=1 --suppressions=ctime.supp ./okmpc_ctime_test [part]
// (ctest -L ctime in build/ctime does this). Without valgrind the client
// requests are no-ops and the program only checks that everything signs.
// Build without sanitizers: ASan's shadow memory and valgrind do not mix.
// Parts: scalar, shares, frost, ecdsa, ed25519_base, secp256k1_base. Library code publishes values derived
// from secrets through okmpc::declassify (mpc/ctime.hpp), which this build
// turns on (OKMPC_CTIME_CHECK); ctime.supp lists the few remaining accepted
// reports, each by exact function.
//
// Built a second time with OKMPC_CTIME_SELFTEST (okmpc_ctime_selftest), the
// program also has parts that deliberately leak: `selftest-branch` branches
// on a secret byte, `selftest-serialize` serializes a secret point without
// declassifying it. Their ctests must fail (WILL_FAIL), which shows that the
// check detects a secret-dependent branch in test and in library code.
#include <valgrind/memcheck.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "mpc/ctime.hpp"
#include "mpc/ed25519.hpp"
#include "mpc/polynomial.hpp"
#include "mpc/secp256k1.hpp"
#include "protocols/ecdsa/run_simulated.hpp"
#include "protocols/frost/frost.hpp"

namespace okmpc::ctime {
namespace {

template <class T>
void secret(const T& value) {
  VALGRIND_MAKE_MEM_UNDEFINED(&value, sizeof(value));
}

[[noreturn]] void die(const std::string& what) {
  std::fprintf(stderr, "ctime: %s\n", what.c_str());
  std::exit(2);
}

// Randomness the code under test must treat as secret (nonces, polynomial
// coefficients): every byte it hands out is marked undefined.
class SecretRng final : public Rng {
 public:
  explicit SecretRng(uint64_t seed) : inner_(seed) {}
  void fill(std::span<uint8_t> out) override {
    inner_.fill(out);
    VALGRIND_MAKE_MEM_UNDEFINED(out.data(), out.size());
  }

 private:
  DeterministicRng inner_;
};

// Field arithmetic of both curves' scalars on secret operands.
template <Curve C>
void scalar_arithmetic(uint64_t seed) {
  DeterministicRng rng(seed);
  using Scalar = typename C::Scalar;
  const Scalar a = Scalar::random(rng), b = Scalar::random(rng);
  secret(a);
  secret(b);
  Scalar r = a * b + a - b;
  r = r * a.invert();
  r = -r;
  declassify(r);
  if (r == Scalar::zero()) die("unexpected zero");
}

void secp256k1_select_and_low_s(uint64_t seed) {
  DeterministicRng rng(seed);
  const Secp256k1::Scalar a = Secp256k1::Scalar::random(rng), b = Secp256k1::Scalar::random(rng);
  bool flag = (seed & 1) != 0;
  secret(a);
  secret(b);
  secret(flag);
  Secp256k1::Scalar r = Secp256k1::Scalar::select(flag, a, b).negate_if_high();
  declassify(r);
  (void)r;
}

// Shamir share evaluation with secret coefficients; the verification shares
// s_i·G are public.
template <Curve C>
std::vector<dkg::KeyShare<C>> dealt_shares(uint32_t t, uint32_t n, uint64_t seed) {
  DeterministicRng plain(seed);
  const typename C::Scalar key = C::Scalar::random(plain);
  secret(key);
  SecretRng coefficients(seed + 1);
  const Polynomial<C> poly = Polynomial<C>::random(key, t - 1, coefficients);
  const typename C::Point group_key = C::Point::base_mul(key);
  declassify(group_key);
  std::vector<typename C::Point> verification;
  for (uint32_t i = 1; i <= n; ++i) {
    verification.push_back(C::Point::base_mul(poly.evaluate(i).expose()));
    declassify(verification.back());
  }
  std::vector<dkg::KeyShare<C>> out;
  for (uint32_t i = 1; i <= n; ++i) {
    dkg::KeyShare<C> k;
    k.threshold = t;
    k.parties = n;
    k.index = i;
    k.secret_share = poly.evaluate(i);
    k.group_public_key = group_key;
    k.verification_shares = verification;
    out.push_back(std::move(k));
  }
  return out;
}

// FROST: nonce generation (round 1) and the signature share (round 2) with
// the key share and the nonce randomness secret; aggregation is public.
template <frost::Ciphersuite S>
void frost_sign(uint64_t seed) {
  auto keys = dealt_shares<typename S::Group>(2, 3, seed);
  frost::SigningPackage<S> package;
  package.message = {'c', 't', 'i', 'm', 'e'};
  std::vector<frost::SigningNonces<S>> nonces;
  SecretRng rng(seed + 2);
  for (uint32_t k = 0; k < 2; ++k) {
    auto out = frost::round1::commit<S>(keys[k], rng);
    declassify(out.commitments);
    declassify(out.nonces.commitments());
    package.commitments.push_back(out.commitments);
    nonces.push_back(std::move(out.nonces));
  }
  std::vector<frost::SignatureShare<S>> shares;
  for (uint32_t k = 0; k < 2; ++k) {
    auto share = frost::round2::sign<S>(package, std::move(nonces[k]), keys[k]);
    if (!share) die("frost round 2: " + share.error().describe());
    declassify(*share);
    shares.push_back(*share);
  }
  auto sig = frost::aggregate<S>(package, shares, frost::PublicKeyPackage<S>::from_key_share(keys[0]));
  if (!sig) die("frost aggregate: " + sig.error().describe());
  if (!frost::verify_signature_vartime<S>(keys[0].group_public_key, package.message, *sig)) die("frost verify");
}

// DKLs23 signing 2-of-2 on the simulated network with secret key shares,
// secret OT setup seeds and secret party randomness (nonces, vOLE choices);
// every message a party sends is published, so it is declassified as it
// leaves the party. Inside the party, protocols/ecdsa declassifies the
// values it publishes (R_i, Γ, ψ, D, u_i, w_i, the DLEQ statement).
void ecdsa_sign(uint64_t seed) {
  auto keys = dealt_shares<Secp256k1>(2, 2, seed);
  DeterministicRng rng(seed + 3);
  auto setup = ecdsa::setup_simulated(keys, rng);
  if (!setup) die("ecdsa setup: " + setup.error().describe());
  for (ecdsa::EcdsaSetup& party : setup->setups) {
    for (auto& [peer, pair] : party.pairs) {
      secret(pair.as_alice.expose());
      secret(pair.as_bob.expose());
    }
  }
  runtime::SimConfig net;
  net.seed = seed;
  net.party_rng = [seed](runtime::PartyId id) -> std::unique_ptr<Rng> {
    return std::make_unique<SecretRng>(seed * 100 + id);
  };
  net.byzantine = [](runtime::PartyId, std::vector<runtime::Message> out) {
    for (const runtime::Message& m : out) VALGRIND_MAKE_MEM_DEFINED(m.payload.data(), m.payload.size());
    return out;
  };
  Hash32 digest{};
  digest.fill(0xc7);
  auto sig = ecdsa::sign_simulated(keys, setup->setups, digest, rng, net);
  if (!sig) die("ecdsa sign: " + sig.error().describe());
  // The same signature split at the message: presigning (rounds 1-2 and
  // SignCore::prepare), then the online round (w_i from the kept φ_i, v_i).
  auto pre = ecdsa::presign_simulated(keys, setup->setups, rng, net);
  if (!pre) die("ecdsa presign: " + pre.error().describe());
  auto online = ecdsa::sign_presigned_simulated(pre->presignatures, digest, rng, net);
  if (!online) die("ecdsa online sign: " + online.error().describe());
}

// The Ed25519 fixed-base comb (mpc/ed25519_base.hpp) on secret scalars,
// random and edge values (0, 1, L − 1, all-ones nibbles); only the product's
// encoding is published.
void ed25519_base_mul(uint64_t seed) {
  DeterministicRng rng(seed);
  std::vector<Ed25519::Scalar> scalars = {Ed25519::Scalar::zero(), Ed25519::Scalar::one(),
                                          -Ed25519::Scalar::one(), Ed25519::Scalar::from_u64(~uint64_t{0})};
  for (int i = 0; i < 4; ++i) scalars.push_back(Ed25519::Scalar::random(rng));
  for (const Ed25519::Scalar& s : scalars) {
    secret(s);
    const auto bytes = Ed25519::Point::base_mul(s).to_bytes();
    declassify(bytes);
    if (bytes[0] == 0 && bytes[31] == 0) std::printf("ctime: unlikely encoding\n");
  }
}

// The secp256k1 fixed-base comb (mpc/secp256k1_base.hpp) on secret
// scalars, random and edge values (0, 1, n − 1, 2^255, all-ones windows),
// single, paired and batched; the comb and the inversion run on secret data, the
// product's coordinates are declassified inside base_mul where they become a
// key, and the zero-scalar identity is chosen without a branch (so the
// returned point, like every published one, is declassified here).
void secp256k1_base_mul(uint64_t seed) {
  using S = Secp256k1::Scalar;
  DeterministicRng rng(seed);
  S two_255 = S::one();
  for (int i = 0; i < 255; ++i) two_255 += two_255;
  std::vector<S> scalars = {S::zero(), S::one(), -S::one(), two_255, S::from_u64(~uint64_t{0})};
  for (int i = 0; i < 4; ++i) scalars.push_back(S::random(rng));
  for (const S& s : scalars) {
    secret(s);
    const Secp256k1::Point p = Secp256k1::Point::base_mul(s);
    declassify(p);  // published, like every verification share and commitment
    if (p.to_bytes()[0] == 0) std::printf("ctime: secp256k1 identity\n");
  }
  const S a = S::random(rng), b = S::random(rng);
  secret(a);
  secret(b);
  const auto pair = Secp256k1::Point::base_mul_pair(a, b);
  declassify(pair);
  if (pair[0] == pair[1]) die("secp256k1 base_mul_pair: equal products");
  // A round's batch with one shared inversion (DKLs23 signing), the zero
  // scalar among secret ones.
  std::vector<S> batch_in = {a, S::zero(), b, -S::one()};
  for (const S& s : batch_in) secret(s);
  const std::vector<Secp256k1::Point> batch = Secp256k1::Point::base_mul_batch(batch_in);
  for (const Secp256k1::Point& p : batch) declassify(p);
  if (!batch[1].is_identity() || !(batch[0] == pair[0])) die("secp256k1 base_mul_batch: wrong products");
  // The Simplest-OT receiver's message: a·G + ω·B with a and ω secret.
  for (bool choice : {false, true}) {
    bool add = choice;
    secret(add);
    const Secp256k1::Point sent = Secp256k1::Point::base_mul_add_if(a, pair[1], add);
    declassify(sent);
    if (sent == pair[1]) die("secp256k1 base_mul_add_if: a·G + B equals B");
  }
}

#if defined(OKMPC_CTIME_SELFTEST)
// Deliberate leaks; their ctests are expected to fail (see the top comment).
void selftest_branch(uint64_t seed) {
  auto keys = dealt_shares<Secp256k1>(2, 2, seed);
  const uint8_t secret_byte = keys[0].secret_share.expose().to_bytes()[31];
  volatile int taken = 0;
  if (secret_byte & 1) taken = taken + 1;  // secret-dependent branch
  std::printf("ctime: selftest branch taken=%d\n", static_cast<int>(taken));
}

void selftest_serialize(uint64_t seed) {
  auto keys = dealt_shares<Secp256k1>(2, 2, seed);
  // s_1·P (P = 2G) is computed in constant time (libsecp256k1's ECDH);
  // turning it into a key and serializing it without declassify runs
  // libsecp256k1's variable-time parse and normalization on secret data.
  // (Not base_mul: its product is public by contract and declassified
  // inside, mpc/secp256k1.hpp.)
  const Secp256k1::Point two_g = Secp256k1::Point::generator() + Secp256k1::Point::generator();
  const Secp256k1::Point p = keys[0].secret_share.expose() * two_g;
  const auto bytes = p.to_bytes();
  declassify(bytes);
  std::printf("ctime: selftest serialized %02x\n", bytes[0]);
}
#endif

}  // namespace
}  // namespace okmpc::ctime

int main(int argc, char** argv) {
  using namespace okmpc::ctime;
  const std::string only = argc > 1 ? argv[1] : "";
  auto want = [&](const char* name) { return only.empty() || only == name; };
  if (want("scalar")) {
    scalar_arithmetic<okmpc::Secp256k1>(1);
    scalar_arithmetic<okmpc::Ed25519>(2);
    secp256k1_select_and_low_s(3);
  }
  if (want("shares")) {
    (void)dealt_shares<okmpc::Secp256k1>(3, 5, 4);
    (void)dealt_shares<okmpc::Ed25519>(3, 5, 5);
  }
  if (want("frost")) {
    frost_sign<okmpc::frost::FrostEd25519Sha512>(6);
    frost_sign<okmpc::frost::FrostSecp256k1Sha256>(7);
  }
  if (want("ecdsa")) ecdsa_sign(8);
  if (want("ed25519_base")) ed25519_base_mul(11);
  if (want("secp256k1_base")) secp256k1_base_mul(12);
#if defined(OKMPC_CTIME_SELFTEST)
  if (only == "selftest-branch") selftest_branch(9);
  if (only == "selftest-serialize") selftest_serialize(10);
#endif
  std::printf("ctime: %s done\n", only.empty() ? "all" : only.c_str());
  return 0;
}
