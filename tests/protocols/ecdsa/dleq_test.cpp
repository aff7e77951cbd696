// The multi-base DLEQ proof behind the last-round evidence of DKLs23 signing
// (protocols/ecdsa/dleq.hpp).
#include "protocols/ecdsa/dleq.hpp"

#include <gtest/gtest.h>

#include <array>

namespace okmpc::ecdsa {
namespace {

using Scalar = Secp256k1::Scalar;
using Point = Secp256k1::Point;

struct Statement {
  Secret<Scalar> x;
  Point X;
  std::array<Point, 2> bases, images;
};

Statement make(Rng& rng) {
  Statement s;
  s.x = Secret<Scalar>(Scalar::random(rng));
  s.X = Point::base_mul(s.x.expose());
  for (size_t k = 0; k < 2; ++k) {
    s.bases[k] = Point::base_mul(Scalar::random(rng));
    s.images[k] = s.x.expose() * s.bases[k];
  }
  return s;
}

Transcript transcript() { return Transcript("okmpc/test/dleq", as_bytes("session")); }

TEST(EcdsaDleq, HonestProofVerifiesAndRoundTrips) {
  DeterministicRng rng(1);
  const Statement s = make(rng);
  const DleqProof p = dleq_prove(transcript(), s.X, s.bases, s.images, s.x, rng);
  EXPECT_TRUE(dleq_verify_vartime(transcript(), s.X, s.bases, s.images, p));
  const Bytes enc = p.to_bytes();
  ASSERT_EQ(enc.size(), DleqProof::kBytes);
  const DleqProof back = DleqProof::from_bytes(enc).value();
  EXPECT_TRUE(dleq_verify_vartime(transcript(), s.X, s.bases, s.images, back));
  EXPECT_FALSE(DleqProof::from_bytes(ByteView(enc).first(63)));
}

TEST(EcdsaDleq, RejectsAnImageWithAnotherLogarithm) {
  DeterministicRng rng(2);
  Statement s = make(rng);
  s.images[1] = s.images[1] + Point::generator();  // log_{B_1} Y_1 != x
  const DleqProof p = dleq_prove(transcript(), s.X, s.bases, s.images, s.x, rng);
  const Status st = dleq_verify_vartime(transcript(), s.X, s.bases, s.images, p);
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().code, ErrorCode::kVerificationFailed);
}

TEST(EcdsaDleq, RejectsAnotherTranscriptOrStatement) {
  DeterministicRng rng(3);
  const Statement s = make(rng);
  const DleqProof p = dleq_prove(transcript(), s.X, s.bases, s.images, s.x, rng);
  EXPECT_FALSE(dleq_verify_vartime(Transcript("okmpc/test/dleq", as_bytes("other session")), s.X, s.bases,
                                   s.images, p));
  EXPECT_FALSE(dleq_verify_vartime(transcript(), s.X + Point::generator(), s.bases, s.images, p));
  const std::array<Point, 1> one_base = {s.bases[0]};
  EXPECT_EQ(dleq_verify_vartime(transcript(), s.X, one_base, s.images, p).error().code,
            ErrorCode::kInvalidArgument);
}

// The prover that knows the bases' logarithms (B_k = b_k·G) makes the same
// proof: same nonce, same commitments, so the same (e, z) as dleq_prove, and
// it verifies; with a wrong base logarithm it does not.
TEST(EcdsaDleq, KnownBasesProofEqualsTheGenericOneAndVerifies) {
  DeterministicRng rng(4);
  Statement s;
  s.x = Secret<Scalar>(Scalar::random(rng));
  s.X = Point::base_mul(s.x.expose());
  std::array<Secret<Scalar>, 2> logs;
  for (size_t k = 0; k < 2; ++k) {
    logs[k] = Secret<Scalar>(Scalar::random(rng));
    s.bases[k] = Point::base_mul(logs[k].expose());
    s.images[k] = s.x.expose() * s.bases[k];
  }
  const std::array<const Secret<Scalar>*, 2> log_ptrs = {&logs[0], &logs[1]};
  DeterministicRng r1(40), r2(40);
  const DleqProof generic = dleq_prove(transcript(), s.X, s.bases, s.images, s.x, r1);
  const DleqProof known = dleq_prove_known_bases(transcript(), s.X, s.bases, log_ptrs, s.images, s.x, r2);
  EXPECT_EQ(known.e, generic.e);
  EXPECT_EQ(known.z, generic.z);
  EXPECT_TRUE(dleq_verify_vartime(transcript(), s.X, s.bases, s.images, known));

  const Secret<Scalar> wrong(logs[1].expose() + Scalar::one());
  const std::array<const Secret<Scalar>*, 2> wrong_ptrs = {&logs[0], &wrong};
  const DleqProof bad = dleq_prove_known_bases(transcript(), s.X, s.bases, wrong_ptrs, s.images, s.x, rng);
  EXPECT_FALSE(dleq_verify_vartime(transcript(), s.X, s.bases, s.images, bad));
}

}  // namespace
}  // namespace okmpc::ecdsa
