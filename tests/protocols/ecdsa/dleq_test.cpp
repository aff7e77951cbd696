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

}  // namespace
}  // namespace okmpc::ecdsa
