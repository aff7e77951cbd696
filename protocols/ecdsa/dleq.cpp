#include "protocols/ecdsa/dleq.hpp"

#include <vector>

#include "mpc/codec.hpp"
#include "mpc/ctime.hpp"
#include "protocols/ecdsa/secret_vector.hpp"

namespace okmpc::ecdsa {
namespace {

using Scalar = Secp256k1::Scalar;
using Point = Secp256k1::Point;

Scalar challenge(Transcript& t, const Point& X, std::span<const Point> bases, std::span<const Point> images,
                 std::span<const Point> commitments) {
  t.append_point<Secp256k1>("dleq/X", X);
  for (const Point& b : bases) t.append_point<Secp256k1>("dleq/base", b);
  for (const Point& y : images) t.append_point<Secp256k1>("dleq/image", y);
  for (const Point& c : commitments) t.append_point<Secp256k1>("dleq/commitment", c);
  return t.challenge<Secp256k1>("dleq/e");
}

}  // namespace

Bytes DleqProof::to_bytes() const {
  ByteWriter w;
  w.write_scalar<Secp256k1>(e).write_scalar<Secp256k1>(z);
  return w.finish();
}

Result<DleqProof> DleqProof::from_bytes(ByteView bytes) {
  ByteReader r(bytes, "dleq proof");
  DleqProof p;
  OKMPC_ASSIGN_OR_RETURN(p.e, r.read_scalar<Secp256k1>("e"));
  OKMPC_ASSIGN_OR_RETURN(p.z, r.read_scalar<Secp256k1>("z"));
  OKMPC_TRY(r.finish());
  return p;
}

namespace {

// The Chaum–Pedersen prover with the commitments T_0 = k·G, T_b = k·B_b made
// by `commit(nonce)` (all 1 + bases.size() of them, in that order).
template <class Commit>
DleqProof prove_with(Transcript transcript, const Point& X, std::span<const Point> bases,
                     std::span<const Point> images, const Secret<Scalar>& x, Rng& rng, Commit commit) {
  const Secret<Scalar> k(Scalar::random(rng));
  const std::vector<Point> commitments = commit(k.expose());
  for (const Point& c : commitments) declassify(c);  // public: the verifier recomputes them from (e, z)
  DleqProof proof;
  proof.e = challenge(transcript, X, bases, images, commitments);
  proof.z = k.expose() - proof.e * x.expose();
  return proof;
}

}  // namespace

DleqProof dleq_prove(Transcript transcript, const Point& X, std::span<const Point> bases,
                     std::span<const Point> images, const Secret<Scalar>& x, Rng& rng) {
  return prove_with(std::move(transcript), X, bases, images, x, rng, [&](const Scalar& k) {
    std::vector<Point> commitments;
    commitments.reserve(bases.size() + 1);
    commitments.push_back(Point::base_mul(k));
    for (const Point& b : bases) commitments.push_back(k * b);
    return commitments;
  });
}

DleqProof dleq_prove_known_bases(Transcript transcript, const Point& X, std::span<const Point> bases,
                                 std::span<const Secret<Scalar>* const> base_logs, std::span<const Point> images,
                                 const Secret<Scalar>& x, Rng& rng) {
  return prove_with(std::move(transcript), X, bases, images, x, rng, [&](const Scalar& k) {
    // k, k·b_0, k·b_1, …: every commitment is a fixed-base product, one
    // batch with one shared inversion.
    SecretVector<Scalar> logs(bases.size() + 1);
    logs[0] = k;
    for (size_t b = 0; b < bases.size(); ++b) logs[b + 1] = k * base_logs[b]->expose();
    return Point::base_mul_batch(logs.span());
  });
}

Status dleq_verify_vartime(Transcript transcript, const Point& X, std::span<const Point> bases,
                           std::span<const Point> images, const DleqProof& proof) {
  if (bases.size() != images.size()) {
    return fail(ErrorCode::kInvalidArgument, "dleq: " + std::to_string(bases.size()) + " bases but " +
                                                 std::to_string(images.size()) + " images");
  }
  std::vector<Point> commitments;
  commitments.reserve(bases.size() + 1);
  const std::array<Scalar, 2> coeffs = {proof.z, proof.e};
  commitments.push_back(Point::multi_mul_vartime(coeffs, std::array<Point, 2>{Point::generator(), X}));
  for (size_t k = 0; k < bases.size(); ++k) {
    commitments.push_back(Point::multi_mul_vartime(coeffs, std::array<Point, 2>{bases[k], images[k]}));
  }
  if (!(challenge(transcript, X, bases, images, commitments) == proof.e)) {
    return fail(ErrorCode::kVerificationFailed, "dleq: the proof does not verify");
  }
  return ok();
}

}  // namespace okmpc::ecdsa
