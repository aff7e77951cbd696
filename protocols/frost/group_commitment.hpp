// What a signer derives from one signing package in round two (RFC 9591
// §5.2): the binding factors (§4.4), the group commitment R (§4.5) and the
// challenge c (§4.6). RFC 9591 §5 lets the Coordinator be one of the
// participants; such a coordinator keeps its own signer's GroupCommitment and
// hands it to aggregate(), which then does not recompute R (one multi-scalar
// multiplication per signing saved).
//
// A GroupCommitment is bound to the package and key it was computed for:
// only round2::sign_keep_commitment makes one, and it records the group key
// and the package digest H4(msg) || H5(encode_group_commitment_list(list));
// aggregate() recomputes both from its own inputs and rejects a mismatch, so
// R from another package (another message, signer set or commitment) can
// never be reused. Public data only.
#pragma once

#include <utility>
#include <vector>

#include "protocols/frost/binding.hpp"

namespace okmpc::frost {

namespace detail {
struct GroupCommitmentAccess;
}

template <Ciphersuite S>
class GroupCommitment {
 public:
  // R = Σ D_i + rho_i·E_i (never the identity: round two rejects that).
  const PointOf<S>& point() const { return point_; }
  // SerializeElement(R), computed once.
  ByteView point_bytes() const { return point_bytes_; }
  // c = H2(R || PK || msg).
  const ScalarOf<S>& challenge() const { return challenge_; }
  // rho_i for the package's commitment list, in list order.
  const std::vector<ScalarOf<S>>& binding_factors() const { return factors_; }
  // The group key and package digest (package_digest) it was computed for.
  const PointOf<S>& group_public_key() const { return group_public_key_; }
  ByteView digest() const { return digest_; }

 private:
  friend struct detail::GroupCommitmentAccess;
  GroupCommitment() = default;

  PointOf<S> point_ = PointOf<S>::identity();
  Bytes point_bytes_;
  ScalarOf<S> challenge_ = ScalarOf<S>::zero();
  std::vector<ScalarOf<S>> factors_;
  PointOf<S> group_public_key_ = PointOf<S>::identity();
  Bytes digest_;
};

namespace detail {
// The only way to make a GroupCommitment: from a validated package (round
// two and aggregate).
struct GroupCommitmentAccess {
  // Binding factors, R and c for `package` under `group_public_key`.
  // kInvalidPoint if R is the identity. The package must be validated.
  template <Ciphersuite S>
  static Result<GroupCommitment<S>> compute(const PointOf<S>& group_public_key, const SigningPackage<S>& package) {
    GroupCommitment<S> gc;
    const auto pk_bytes = group_public_key.to_bytes();
    gc.group_public_key_ = group_public_key;
    gc.digest_ = package_digest<S>(package.commitments, package.message);
    Bytes prefix(pk_bytes.begin(), pk_bytes.end());
    append(prefix, gc.digest_);
    gc.factors_ = binding_factors_from_prefix<S>(prefix, package.commitments);
    gc.point_ = compute_group_commitment_vartime<S>(package.commitments, gc.factors_);
    if (gc.point_.is_identity()) {
      return fail(ErrorCode::kInvalidPoint, "group commitment is the identity element");
    }
    const auto r_bytes = gc.point_.to_bytes();
    gc.point_bytes_.assign(r_bytes.begin(), r_bytes.end());
    gc.challenge_ = compute_challenge<S>(gc.point_bytes_, pk_bytes, package.message);
    return gc;
  }
};
}  // namespace detail

}  // namespace okmpc::frost
