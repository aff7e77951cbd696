// Pedersen/Feldman distributed key generation with proofs of knowledge of
// each dealer's constant term: FROST KeyGen (Komlo–Goldberg, "FROST:
// Flexible Round-Optimized Schnorr Threshold Signatures", SAC 2020, Fig. 1;
// RFC 9591 Appendix C), generic over the Curve. Design notes, blame policy and
// measurements: papers/dkg.md.
//
// Parties 1..n, threshold t (any t of them can sign; polynomials of degree
// t-1), 1 <= t <= n <= 255.
//
//  Round 1 (broadcast, made reliable by the runtime's echo exchange):
//    party i picks f_i of degree t-1, sends commitments C_{i,k} = a_{i,k}·G
//    (exactly t of them) and a Schnorr proof of knowledge of a_{i,0} bound
//    to (session, t, party set, i) [KG Fig. 1 round 1 steps 1-4].
//    On receipt: strict decoding (commitment count = t), proof checks —
//    batched: all dealers' proofs in one multi-scalar check with random
//    weights, per-proof checks only on failure (proof_batch.hpp); every
//    dealer failing either is named [KG round 1 step 5].
//  Round 2 (point-to-point): party i sends f_i(j) to each j [KG round 2
//    step 1]. On receipt j checks each share against the dealer's
//    commitments [step 2] — batched: s_j·G == Σ_k j^k·(Σ_i C_{i,k}) with
//    s_j = Σ_i f_i(j), one check for all dealers, per-dealer checks only on
//    failure to name the culprits; or per dealer (DkgOptions::batch_verify
//    = false, which also checks the proofs one by one). Output s_j, group
//    key Y = Σ_i C_{i,0} [steps 3-4].
//  Verification shares Y_m = s_m·G of every party [step 4]:
//    kLocal: computed by every party from the summed commitments (one
//    batched evaluation of the degree t-1 commitment polynomial at 1..n,
//    which also yields Ĉ(j) for the share check), 2 rounds;
//    kExchange: round 3 broadcasts Y_i; each party checks all of them in one
//    random linear combination Σ_m ρ_m·Y_m − Σ_k (Σ_m ρ_m m^k)·Ĉ_k == O
//    (one multi-scalar multiplication of n + t terms instead of ~n·t small
//    ones), naming any party whose Y_m is wrong on failure. Same output, one
//    more round.
//  Folded checks (batched with kExchange, the large-n case): round 1's
//    proofs are not checked in round 1 but inside round 3's multi-scalar
//    check, with independent weights: one multi-scalar multiplication per
//    party for the whole run (round 2's share check is a comparison with
//    Ĉ(self), one evaluation). Sending shares before the proofs are checked
//    reveals nothing: a dealer's shares depend only on its own polynomial,
//    and no output exists before every check passed. On failure the
//    fallback names bad proofs first (kProtocolAbort), then wrong Y_m.
//    papers/dkg.md §"Batched checks".
//
// Failure is final: the party aborts with kProtocolAbort /
// kVerificationFailed / kInvalidEncoding naming the misbehaving parties
// (plus the runtime's own checks: replay, equivocation, timeouts). No
// complaint round: see papers/dkg.md §"Blame".
//
// Secrets: the polynomial (Polynomial<C>, wiped), the received shares and the
// final share are Secret<Scalar>; the polynomial is dropped once round 2's
// shares are out. Share arithmetic is constant time; every check is on public
// data and runs in variable time.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "mpc/polynomial.hpp"
#include "protocols/dkg/key_share.hpp"
#include "protocols/dkg/messages.hpp"
#include "protocols/dkg/point_sums.hpp"
#include "protocols/dkg/proof_batch.hpp"
#include "protocols/runtime/round_party.hpp"

namespace okmpc::dkg {

enum class VerificationShares : uint8_t {
  kAuto,      // kLocal when n·(t-1) <= 2·(n+t), else kExchange (cost model: papers/dkg.md)
  kLocal,     // computed locally, 2 rounds (RFC 9591 Appendix C)
  kExchange,  // broadcast and batch-checked in a third round
};

// kAuto resolved for t-of-n (every party resolves it the same way); other
// modes unchanged. Local evaluation costs n·(t-1) multiplications by small
// identifiers, the exchange n+t full ones, a small one ~¼ to ½ of a full one.
inline VerificationShares resolve(VerificationShares mode, uint32_t t, uint32_t n) {
  if (mode != VerificationShares::kAuto) return mode;
  return uint64_t{n} * (t - 1) <= 2 * (uint64_t{n} + t) ? VerificationShares::kLocal : VerificationShares::kExchange;
}

struct DkgOptions {
  // Batched proof-of-knowledge and share checks (one check each for all
  // dealers, per-dealer fallback to name culprits); false: per dealer.
  bool batch_verify = true;
  VerificationShares verification_shares = VerificationShares::kAuto;
};

struct DkgConfig {
  uint32_t threshold = 0;  // t
  uint32_t parties = 0;    // n
  runtime::PartyId self = 0;
  runtime::SessionId session{};
  DkgOptions options;
};

// kInvalidArgument unless 1 <= t <= n <= 255 and 1 <= self <= n.
inline Status check_dkg_config(const DkgConfig& c) {
  if (c.parties < 1 || c.parties > 255) {
    return fail(ErrorCode::kInvalidArgument, "dkg: parties must be 1..255, got " + std::to_string(c.parties));
  }
  if (c.threshold < 1 || c.threshold > c.parties) {
    return fail(ErrorCode::kInvalidArgument, "dkg: threshold must be 1..parties (" + std::to_string(c.parties) +
                                                 "), got " + std::to_string(c.threshold));
  }
  if (c.self < 1 || c.self > c.parties) {
    return fail(ErrorCode::kInvalidArgument, "dkg: party id must be 1..parties, got " + std::to_string(c.self));
  }
  return ok();
}

template <Curve C>
class DkgParty final : public runtime::RoundParty {
 public:
  using Scalar = typename C::Scalar;
  using Point = typename C::Point;

  // Errors: check_dkg_config's.
  static Result<std::unique_ptr<DkgParty>> create(const DkgConfig& config) {
    OKMPC_TRY(check_dkg_config(config));
    return std::unique_ptr<DkgParty>(new DkgParty(config));
  }

  // The key share once finished(); kInvalidArgument before, or when already
  // taken (the share is moved out, not copied).
  Result<KeyShare<C>> take_key_share() {
    if (!finished() || !output_) return fail(ErrorCode::kInvalidArgument, "dkg: no key share (not finished or taken)");
    KeyShare<C> out = std::move(*output_);
    output_.reset();
    return out;
  }

 protected:
  uint16_t rounds() const override {
    return config_.options.verification_shares == VerificationShares::kExchange ? 3 : 2;
  }

  runtime::RoundSpec spec(uint16_t round) const override {
    runtime::RoundSpec s;
    s.senders = others();
    s.broadcast = round != 2;
    s.echo = round == 1;
    s.direct = round == 2;
    return s;
  }

  // [KG Fig. 1 round 1 steps 1-4] commitments and proof of knowledge.
  Result<runtime::Outgoing> first_round(Rng& rng) override {
    const Scalar a0 = Scalar::random(rng);
    poly_.emplace(Polynomial<C>::random(a0, config_.threshold - 1, rng));
    own_commitments_ = poly_->commitments();
    Transcript tr = pok_transcript(base_transcript_, config_.self);
    Round1Package<C> pkg{own_commitments_, prove<C>(tr, poly_->constant(), own_commitments_[0], rng)};
    runtime::Outgoing out;
    out.broadcast = pkg.encode();
    return out;
  }

  Result<runtime::Outgoing> complete_round(uint16_t round, runtime::Inbox inbox, Rng& rng) override {
    switch (round) {
      case 1: return after_commitments(inbox, rng);
      case 2: return after_shares(inbox);
      default: return after_verification_shares(inbox, rng);
    }
  }

 private:
  explicit DkgParty(const DkgConfig& c)
      : RoundParty(run_config(c)),
        config_(c),
        base_transcript_(pok_base_transcript<C>(c.session, c.threshold, c.parties)) {
    config_.options.verification_shares =
        resolve(config_.options.verification_shares, config_.threshold, config_.parties);
  }

  static runtime::RunConfig run_config(const DkgConfig& c) {
    runtime::RunConfig r;
    r.self = c.self;
    for (runtime::PartyId p = 1; p <= c.parties; ++p) r.parties.push_back(p);
    r.session = c.session;
    r.protocol = runtime::ProtocolId::kDkg;
    r.version = kDkgVersion;
    return r;
  }

  // Whether this run checks round 1's proofs inside round 3's multi-scalar
  // check (batched checks with exchanged verification shares), so that each
  // party runs one multi-scalar multiplication for the whole run.
  bool folded() const {
    return config_.options.batch_verify && config_.options.verification_shares == VerificationShares::kExchange;
  }

  static std::string unproven_reason(runtime::PartyId dealer) {
    return "proof of knowledge of party " + std::to_string(dealer) + " does not verify";
  }

  // ok() if `unproven` (dealers whose deferred proof failed alone) is empty,
  // else round 1's kProtocolAbort naming them.
  static Status reject_unproven(const std::vector<runtime::PartyId>& unproven) {
    if (unproven.empty()) return ok();
    std::string why;
    for (runtime::PartyId dealer : unproven) why += "; " + unproven_reason(dealer);
    return fail(ErrorCode::kProtocolAbort,
                "dkg round 1 (checked later): rejected the commitments of party " + names(unproven) + why, unproven);
  }

  // Feldman's check [KG round 2 step 2] for every received share:
  // f_dealer(self)·G == Σ_k self^k·C_{dealer,k}. kVerificationFailed naming
  // every dealer that fails it; if none does: ok() in per-dealer mode
  // (`after_batch` false), kInternal after a failed batched check (a bug).
  Status check_shares_each(bool after_batch) const {
    std::vector<uint32_t> bad;
    for (const auto& [dealer, s] : shares_) {
      const Point expected = evaluate_one_vartime<C>(commitments_.at(dealer), config_.self);
      if (!(Point::base_mul(s.expose()) == expected)) bad.push_back(dealer);
    }
    if (!bad.empty()) {
      return fail(ErrorCode::kVerificationFailed,
                  "dkg round 2: party " + std::to_string(config_.self) +
                      " received a share inconsistent with the commitments of party " + names(bad),
                  bad);
    }
    if (after_batch) return fail(ErrorCode::kInternal, "dkg: batched share check failed but every dealer's share verifies");
    return ok();
  }

  static std::string names(const std::vector<uint32_t>& ids) {
    std::string s;
    for (uint32_t id : ids) s += (s.empty() ? "" : ", ") + std::to_string(id);
    return s;
  }

  // [round 1 step 5] decode every package, verify every proof (batched
  // unless options.batch_verify is off); then [round 2 step 1] send f_i(j)
  // to each j.
  Result<runtime::Outgoing> after_commitments(const runtime::Inbox& inbox, Rng& rng) {
    std::map<uint32_t, std::string> bad;  // dealer -> why
    std::vector<PokClaim<C>> claims;
    claims.reserve(inbox.broadcast.size());
    for (const auto& [dealer, msg] : inbox.broadcast) {
      auto pkg = Round1Package<C>::decode(msg.payload, config_.threshold, dealer);
      if (!pkg) {
        bad.emplace(dealer, pkg.error().message);
        continue;
      }
      claims.push_back(PokClaim<C>{dealer, pkg->commitments[0], pkg->proof});
      commitments_.emplace(dealer, std::move(pkg->commitments));
    }
    if (folded()) {
      // Checked in round 3, inside the one multi-scalar check of this party
      // (after_verification_shares); only undecodable packages abort here.
      deferred_claims_ = std::move(claims);
    } else {
      OKMPC_ASSIGN_OR_RETURN(const std::vector<runtime::PartyId> unproven,
                             failing_proofs_vartime<C>(base_transcript_, claims, config_.options.batch_verify, rng));
      for (runtime::PartyId dealer : unproven) bad.emplace(dealer, unproven_reason(dealer));
    }
    if (!bad.empty()) {
      std::vector<uint32_t> culprits;
      std::string why;
      for (const auto& [dealer, reason] : bad) {
        culprits.push_back(dealer);
        why += "; " + reason;
      }
      commitments_.clear();
      deferred_claims_.clear();
      return fail(ErrorCode::kProtocolAbort,
                  "dkg round 1: rejected the commitments of party " + names(culprits) + why, culprits);
    }
    commitments_.emplace(config_.self, own_commitments_);
    runtime::Outgoing out;
    for (runtime::PartyId j : others()) {
      Secret<Scalar> share = poly_->evaluate(j);
      const auto bytes = share.expose().to_bytes();
      out.direct.emplace_back(j, Bytes(bytes.begin(), bytes.end()));
    }
    own_share_.emplace(poly_->evaluate(config_.self));
    poly_.reset();  // the secret polynomial is not needed any more (wiped)
    return out;
  }

  // [round 2 steps 2-4] check the shares, sum them, derive the public data.
  Result<runtime::Outgoing> after_shares(const runtime::Inbox& inbox) {
    for (const auto& [dealer, msg] : inbox.direct) {
      OKMPC_ASSIGN_OR_RETURN(Scalar s, decode_share<C>(msg.payload, dealer));
      shares_.emplace(dealer, Secret<Scalar>(s));
    }
    Secret<Scalar> secret(std::move(*own_share_));
    own_share_.reset();
    for (const auto& [dealer, s] : shares_) secret.expose_mut() = secret.expose() + s.expose();

    std::vector<const std::vector<Point>*> all;
    for (const auto& [dealer, c] : commitments_) all.push_back(&c);
    summed_ = sum_commitments_vartime<C>(all, config_.threshold);
    // Y_self = s_self·G: the one constant-time base multiplication on the
    // secret share; it is public from here on (a verification share).
    const Point own_public = Point::base_mul(secret.expose());
    const bool local = config_.options.verification_shares == VerificationShares::kLocal;

    // Ĉ(m) for every m (kLocal: the verification shares, one batched
    // evaluation) or for self only (kExchange: the others' come in round 3).
    // The share check stays in this round even when the other checks are
    // folded into round 3: a receiver of a bad share must not broadcast the
    // wrong Y_self it implies, or its peers would blame it, not the dealer.
    std::vector<uint32_t> xs;
    if (local) {
      for (uint32_t m = 1; m <= config_.parties; ++m) xs.push_back(m);
    } else {
      xs.push_back(config_.self);
    }
    std::vector<Point> evaluated = evaluate_many_vartime<C>(summed_, xs);
    const Point& expected_own = evaluated[local ? config_.self - 1 : 0];
    if (!(config_.options.batch_verify && own_public == expected_own)) {
      OKMPC_TRY(check_shares_each(config_.options.batch_verify));
    }
    shares_.clear();

    const Point group_key = summed_[0];
    if (group_key.is_identity()) {
      // A rogue constant term cancelling the others' cannot come with a valid
      // proof: with deferred proofs, name its dealer now.
      OKMPC_TRY(reject_unproven(failing_proofs_each_vartime<C>(base_transcript_, deferred_claims_)));
      return fail(ErrorCode::kProtocolAbort, "dkg: the group public key is the identity");
    }
    KeyShare<C> key;
    key.threshold = config_.threshold;
    key.parties = config_.parties;
    key.index = config_.self;
    key.secret_share = std::move(secret);
    key.group_public_key = group_key;
    if (local) {
      key.verification_shares = std::move(evaluated);
    } else {
      key.verification_shares.assign(config_.parties, Point::identity());
      key.verification_shares[config_.self - 1] = own_public;
    }
    output_.emplace(std::move(key));
    if (local) return runtime::Outgoing{};

    runtime::Outgoing out;
    out.broadcast = encode_verification_share<C>(own_public);
    return out;
  }

  // [round 3, kExchange] check everyone's Y_m against the summed commitments
  // with one random linear combination, as a single multi-scalar check
  //   Σ_m ρ_m·Y_m − Σ_k (Σ_m ρ_m·m^k)·Ĉ_k == identity
  // (ρ_m = random_batch_weight from this party's rng, drawn after every Y_m
  // is in); per-party checks name the culprits only if it fails.
  //
  // Folded (batch_verify): the same check also carries round 1's deferred
  // proofs of knowledge (append_proof_terms_vartime, own weights): one
  // multi-scalar multiplication of 2(n-1) + 1 + n + t terms per party for
  // the run's proofs and verification shares (the share check was round 2's
  // comparison s_self·G == Ĉ(self)). If it fails, the fallback names dealers
  // with a bad proof (kProtocolAbort, as in round 1) first, then parties
  // whose Y_m is wrong (kVerificationFailed).
  Result<runtime::Outgoing> after_verification_shares(const runtime::Inbox& inbox, Rng& rng) {
    std::vector<Point>& ys = output_->verification_shares;
    for (const auto& [sender, msg] : inbox.broadcast) {
      OKMPC_ASSIGN_OR_RETURN(ys[sender - 1], decode_verification_share<C>(msg.payload, sender));
    }
    const uint32_t n = config_.parties, t = config_.threshold;
    std::vector<Scalar> scalars;
    std::vector<Point> points;
    scalars.reserve(2 * deferred_claims_.size() + 1 + n + t);
    points.reserve(2 * deferred_claims_.size() + 1 + n + t);
    const bool proofs_batchable =
        append_proof_terms_vartime<C>(base_transcript_, deferred_claims_, rng, scalars, points);
    points.insert(points.end(), ys.begin(), ys.end());
    points.insert(points.end(), summed_.begin(), summed_.end());
    const size_t first_weight = scalars.size();
    std::vector<uint32_t> ids(n);
    for (uint32_t m = 1; m <= n; ++m) {
      ids[m - 1] = m;
      scalars.push_back(random_batch_weight<C>(rng));
    }
    const std::vector<Scalar> coeff = weighted_power_sums_vartime<C>(
        std::span<const Scalar>(scalars).subspan(first_weight, n), ids, t);
    for (const Scalar& c : coeff) scalars.push_back(-c);
    if (proofs_batchable && multi_mul_is_identity_vartime<C>(scalars, points)) {
      deferred_claims_.clear();
      return runtime::Outgoing{};
    }

    OKMPC_TRY(reject_unproven(failing_proofs_each_vartime<C>(base_transcript_, deferred_claims_)));
    std::vector<uint32_t> xs;
    for (uint32_t m = 1; m <= n; ++m) xs.push_back(m);
    const std::vector<Point> expected = evaluate_many_vartime<C>(summed_, xs);
    std::vector<uint32_t> bad;
    for (uint32_t m = 1; m <= n; ++m) {
      if (!(ys[m - 1] == expected[m - 1])) bad.push_back(m);
    }
    if (bad.empty()) return fail(ErrorCode::kInternal, "dkg: batched verification-share check failed spuriously");
    return fail(ErrorCode::kVerificationFailed,
                "dkg round 3: the verification share of party " + names(bad) +
                    " does not match the commitments",
                bad);
  }

  DkgConfig config_;
  const Transcript base_transcript_;
  std::optional<Polynomial<C>> poly_;
  std::vector<Point> own_commitments_;
  std::optional<Secret<Scalar>> own_share_;
  std::vector<PokClaim<C>> deferred_claims_;                 // folded(): round 1's proofs, checked in round 3
  std::map<runtime::PartyId, Secret<Scalar>> shares_;        // received f_dealer(self), during round 2 only
  std::map<runtime::PartyId, std::vector<Point>> commitments_;  // by dealer, self included
  std::vector<Point> summed_;                                   // Ĉ_k = Σ_i C_{i,k}
  std::optional<KeyShare<C>> output_;
};

}  // namespace okmpc::dkg
