// POST /api/oc/v1/authenticate: the onboarding pipeline (gateway.hpp).
#include <chrono>

#include "apps/gateway/authenticate_request.hpp"
#include "apps/gateway/gateway.hpp"
#include "apps/gateway/session_digests.hpp"
#include "apps/gateway/unix_time.hpp"
#include "auth/quorum.hpp"
#include "chain/account_factory.hpp"
#include "chain/user_op_builder.hpp"
#include "mpc/hex.hpp"
#include "session/personal_sign.hpp"
#include "session/session_key.hpp"

namespace okmpc::gateway {

namespace json = boost::json;

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

json::object report_json(const runtime::RunReport& r) {
  json::object o;
  o["rounds"] = r.rounds;
  o["messages"] = r.messages;
  o["bytes"] = r.bytes;
  o["computeMs"] = r.total_compute_ms;
  o["simulatedMs"] = r.simulated_ms;
  return o;
}

ApiError dwn_error(const Error& e, ApiErrorCode fallback) {
  switch (e.code) {
    case ErrorCode::kTimeout: return {ApiErrorCode::kQuorumNotMet, "DWN: " + e.message};
    case ErrorCode::kPermissionDenied: return {ApiErrorCode::kAuthConsensusFailed, "DWN: " + e.message};
    default: return {fallback, "DWN: " + e.describe()};
  }
}

}  // namespace

struct Gateway::UserAndKeygen {
  UserRecord user;
  uint32_t rebound_mask = 0;            // nodes bound on this (returning) login
  std::string rebind_error;             // why a re-bind failed (the login goes on)
  std::optional<dwn::UserKeys> keygen;  // set on first login
  bool from_pool = false;               // keys claimed from the pool (generated earlier)
  double keygen_ms = 0;                 // claim (or generation) and binding
};

ApiResult<uint32_t> Gateway::rebind_missing_nodes(const std::string& identity, const std::string& certificate_json,
                                                 const eth::Address& session_address) {
  {
    std::lock_guard lock(fully_bound_mutex_);
    if (fully_bound_.contains(identity)) return 0u;
  }
  auto set = pool_->find_claimed(identity);
  if (!set) return api_fail(ApiErrorCode::kInternal, "key pool: " + set.error().message);
  if (!*set) return 0u;  // keys generated before the pool existed: all nodes bound at generation
  const uint32_t all = dwn_->nodes() >= 32 ? ~0u : (1u << dwn_->nodes()) - 1;
  if (((*set)->bound_mask & all) == all) {
    std::lock_guard lock(fully_bound_mutex_);
    fully_bound_.insert(identity);
    return 0u;
  }
  uint32_t missing = 0;
  for (uint32_t node = 1; node <= dwn_->nodes(); ++node) {
    const uint32_t bit = 1u << (node - 1);
    if (((*set)->bound_mask & bit) == 0 && !dwn_->is_down(node)) missing |= bit;
  }
  if (missing == 0) return 0u;
  // Nodes bound before see their own identity already and write nothing.
  const ByteView certificate(reinterpret_cast<const uint8_t*>(certificate_json.data()), certificate_json.size());
  auto bound = dwn_->bind_owner((*set)->keys, identity, session_address, certificate);
  if (!bound) return tl::unexpected(dwn_error(bound.error(), ApiErrorCode::kKeygenFailed));
  if (auto marked = pool_->mark_bound((*set)->set_id, *bound); !marked) {
    return api_fail(ApiErrorCode::kInternal, "key pool: " + marked.error().message);
  }
  return *bound & missing;
}

ApiResult<Gateway::UserAndKeygen> Gateway::find_or_create_user(const std::string& identity,
                                                               const std::string& certificate_json,
                                                               const eth::Address& session_address) {
  UserAndKeygen out;
  auto existing = store_->find_user_by_identity(identity);
  if (!existing) return api_fail(ApiErrorCode::kInternal, "user store: " + existing.error().message);
  if (*existing) {
    out.user = std::move(**existing);
    // A DWN node that was down when the user's pooled set was claimed still
    // holds its shares under the unclaimed owner; bind them now that it is
    // back, so the user keeps n - t nodes of slack instead of none.
    // Best effort: a node that refuses or fails now is retried at the next
    // login, and the nodes bound at the claim can still sign (collect_signers
    // decides). Concurrent logins of one identity are serialized by the
    // caller's identity lock, so two re-binds never race on a share file.
    auto rebound = rebind_missing_nodes(identity, certificate_json, session_address);
    out.rebound_mask = rebound ? *rebound : 0;
    if (!rebound) out.rebind_error = rebound.error().message;
    return out;
  }
  auto start = Clock::now();
  // A set claimed by this identity before (a crashed attempt) or a free one;
  // an empty pool means generating a set now, indexed as claimed.
  auto claimed = pool_->claim(identity);
  if (!claimed) return api_fail(ApiErrorCode::kInternal, "key pool: " + claimed.error().message);
  dwn::PooledKeySet set;
  if (*claimed) {
    set = std::move(**claimed);
    out.from_pool = true;
    refiller_->notify();
  } else {
    auto keys = dwn_->generate_user_keys(std::string(dwn::kUnclaimedOwner));
    if (!keys) return tl::unexpected(dwn_error(keys.error(), ApiErrorCode::kKeygenFailed));
    auto id = pool_->add(*keys, identity);
    if (!id) return api_fail(ApiErrorCode::kInternal, "key pool: " + id.error().message);
    set.set_id = *id;
    set.keys = std::move(*keys);
  }
  // Every live node binds its shares to the identity after checking the
  // certificate itself; then the user row (one transaction) makes it final.
  const ByteView certificate(reinterpret_cast<const uint8_t*>(certificate_json.data()), certificate_json.size());
  auto bound = dwn_->bind_owner(set.keys, identity, session_address, certificate);
  if (!bound) return tl::unexpected(dwn_error(bound.error(), ApiErrorCode::kKeygenFailed));
  if (auto marked = pool_->mark_bound(set.set_id, *bound); !marked) {
    return api_fail(ApiErrorCode::kInternal, "key pool: " + marked.error().message);
  }
  out.keygen_ms = ms_since(start);
  const dwn::UserKeys& keys = set.keys;
  UserRecord& u = out.user;
  u.user_id = user_id_for(identity);
  u.identity = identity;
  u.ecdsa_key_id = keys.ecdsa_key_id;
  u.eddsa_key_id = keys.eddsa_key_id;
  u.ecdsa_public_key = to_hex_prefixed(keys.ecdsa_public_key);
  u.eddsa_public_key = to_hex_prefixed(keys.eddsa_public_key);
  u.owner_address = eth::to_checksum(keys.owner_address);
  u.user_swa = eth::to_checksum(chain::swa_address_for_owner(keys.owner_address).address);
  u.created_at = unix_now();
  // One transaction: after a crash the user exists completely or not at all;
  // a retry claims the same set again (key_pool.hpp), so no second wallet.
  if (auto inserted = store_->insert_user(u); !inserted) {
    return api_fail(ApiErrorCode::kInternal, "user store: " + inserted.error().message);
  }
  out.keygen = std::move(set.keys);
  return out;
}

ApiResult<json::value> Gateway::registration_receipt(const UserRecord& user, const std::string& identity,
                                                    const std::string& certificate_json,
                                                    const eth::Address& session_address, uint64_t valid_until,
                                                    const Hash32& user_op_hash, uint64_t block_number) {
  // The record the Ed25519 key signs: a fixed-order JSON text, signed as is.
  json::object record;
  record["type"] = "okmpc-session-registration-v1";
  record["userSWA"] = user.user_swa;
  record["sessionAddress"] = eth::to_checksum(session_address);
  record["validUntil"] = valid_until;
  record["userOpHash"] = to_hex_prefixed(user_op_hash);
  record["blockNumber"] = block_number;
  const std::string message = json::serialize(record);
  dwn::EddsaSignRequest request;
  request.key_id = user.eddsa_key_id;
  request.message.assign(message.begin(), message.end());
  request.identity = identity;
  request.session_address = session_address;
  request.authorization.assign(certificate_json.begin(), certificate_json.end());
  auto start = Clock::now();
  auto signed_ = dwn_->sign_eddsa(request);
  if (!signed_) return tl::unexpected(dwn_error(signed_.error(), ApiErrorCode::kSignerUnavailable));
  json::object out = report_json(signed_->report);
  out["message"] = message;
  out["signature"] = to_hex_prefixed(signed_->signature);
  out["eddsaPublicKey"] = user.eddsa_public_key;
  out["scheme"] = "FROST(Ed25519, SHA-512) RFC 9591";
  json::array signers;
  for (uint32_t id : signed_->signers) signers.push_back(id);
  out["signers"] = std::move(signers);
  out["ms"] = ms_since(start);
  return out;
}

ApiResult<json::value> Gateway::authenticate(const RouteContext& ctx) {
  const auto started = Clock::now();
  logins_in_flight_.fetch_add(1, std::memory_order_relaxed);
  struct InFlight {
    std::atomic<uint32_t>& n;
    ~InFlight() { n.fetch_sub(1, std::memory_order_relaxed); }
  } in_flight{logins_in_flight_};
  auto parsed = parse_authenticate_request(ctx.request.body);
  if (!parsed) return tl::unexpected(parsed.error());
  const AuthenticateRequest& req = *parsed;

  // 1. Client and session-key signatures, then the nonce.
  auto signer = clients_.signer_of(req.client_swa);
  if (!signer) {
    return api_fail(ApiErrorCode::kUnknownClient, "clientSWA " + eth::to_checksum(req.client_swa) + " is not registered");
  }
  auto client_recovered =
      session::recover_personal_raw32(session_pk_client_digest(req.session_address), req.client_signature);
  if (!client_recovered || *client_recovered != *signer) {
    return api_fail(ApiErrorCode::kInvalidClientSignature,
                    "sessionPkClientSignature is not by the signer of clientSWA " + eth::to_checksum(req.client_swa));
  }
  auto user_recovered = session::recover_personal_raw32(
      session_data_digest(req.session_address, req.client_swa, req.nonce_word), req.user_signature);
  if (!user_recovered || *user_recovered != req.session_address) {
    return api_fail(ApiErrorCode::kInvalidSessionSignature,
                    "sessionDataUserSignature does not recover to the address of sessionPk");
  }
  auto used = store_->nonce_used(req.nonce);
  if (!used) return api_fail(ApiErrorCode::kInternal, "user store: " + used.error().message);
  if (*used) return api_fail(ApiErrorCode::kNonceReused, "sessionData.nonce " + req.nonce + " was used before");

  // 2. The auth network: every node verifies the credential on its own.
  const int64_t now = unix_now();
  auto auth_start = Clock::now();
  auth::AuthRequest auth_request;
  auth_request.provider = req.provider == "google" ? auth::Provider::kGoogle : auth::Provider::kOkto;
  auth_request.id_token = req.id_token;
  auth_request.session_pk.assign(req.session_pk.begin(), req.session_pk.end());
  auth_request.request_nonce = req.nonce;
  auth::AuthReport report = auth_->network->authenticate(auth_request, static_cast<uint64_t>(now));
  if (!report.certificate) return tl::unexpected(from_auth_error(report.certificate.error()));
  const auth::QuorumCertificate& cert = *report.certificate;
  const double auth_ms = ms_since(auth_start);
  const std::string identity =
      std::string(auth::to_string(cert.identity().provider)) + ":" + to_hex(cert.identity().subject_hash);
  if (!identity_limiter_.allow(identity)) {
    return api_fail(ApiErrorCode::kRateLimited, "too many authentications for this identity");
  }
  const std::string certificate_json = auth::to_json(cert);

  // 3. Keys (DKG on first login) under the identity's lock.
  std::lock_guard identity_guard(identity_lock(identity));
  auto user_result = find_or_create_user(identity, certificate_json, req.session_address);
  if (!user_result) return tl::unexpected(user_result.error());
  const UserRecord& user = user_result->user;
  auto owner = eth::parse_address(user.owner_address);
  auto swa = eth::parse_address(user.user_swa);
  if (!owner || !swa) return api_fail(ApiErrorCode::kInternal, "stored user has a malformed address");

  // 4. The registration UserOp: nonce key = the request's UUID (unique per
  //    request, so a replayed registration is AA25), sequence 0.
  const uint64_t valid_until = static_cast<uint64_t>(now) + session::kDefaultSessionLifetimeSeconds;
  auto nonce = req.nonce_word.shift_left_64();
  if (!nonce) return api_fail(ApiErrorCode::kInternal, "nonce does not fit");
  chain::RegisterSession call{req.session_address, static_cast<uint64_t>(now), valid_until, kDemoToken,
                              Uint256::from_u64(kSessionSpendLimit)};
  chain::UserOperation op = chain::build_account_operation(*swa, *nonce, call, 1, 1, req.client_swa);
  bool deployed = false;
  {
    std::lock_guard lock(deployed_mutex_);
    deployed = deployed_owners_.contains(user.owner_address);
  }
  if (!deployed) {
    std::lock_guard lock(chain_mutex_);
    deployed = chain_->swa_of_owner(*owner).has_value();
  }
  if (!deployed) chain::add_deployment(op, *owner);
  // The hash reads only the chain's fixed configuration (entry point, chain
  // id): no chain lock.
  const Result<Hash32> op_hash = chain_->user_op_hash(op);
  if (!op_hash) return api_fail(ApiErrorCode::kInternal, "userOpHash: " + op_hash.error().message);

  // 5. Threshold ECDSA by the DWN; each node re-checks the certificate.
  auto sign_start = Clock::now();
  dwn::SignRequest sign_request;
  sign_request.key_id = user.ecdsa_key_id;
  sign_request.digest = eth::personal_message_digest(*op_hash);
  sign_request.identity = identity;
  sign_request.session_address = req.session_address;
  sign_request.authorization.assign(certificate_json.begin(), certificate_json.end());
  auto signature = dwn_->sign_ecdsa(sign_request);
  if (!signature) return tl::unexpected(dwn_error(signature.error(), ApiErrorCode::kSignerUnavailable));
  const double sign_ms = ms_since(sign_start);
  if (config_.presign) {
    // The key's next presignature, made when no login is in flight.
    dwn_->want_presignature(user.ecdsa_key_id);
    refiller_->notify();
  }
  op.signature.assign(signature->signature.begin(), signature->signature.end());

  // 6. Inclusion (and the faucet's welcome balance for a new wallet).
  auto chain_start = Clock::now();
  const ByteView certificate(reinterpret_cast<const uint8_t*>(certificate_json.data()), certificate_json.size());
  Result<chain::Receipt> receipt = batcher_->include([&]() -> Result<chain::Receipt> {
    auto r = chain_->submit(op, certificate);
    if (r && !deployed) (void)chain_->mint(kDemoToken, *swa, Uint256::from_u64(kWelcomeBalance));
    return r;
  });
  if (!receipt) return api_fail(ApiErrorCode::kChainRejected, "registration UserOp rejected: " + receipt.error().message);
  const double chain_ms = ms_since(chain_start);
  {
    // The receipt is returned once its block is durable: the SWA exists.
    std::lock_guard lock(deployed_mutex_);
    deployed_owners_.insert(user.owner_address);
  }

  SessionRecord record{eth::to_checksum(req.session_address), user.user_id, eth::to_checksum(req.client_swa),
                       req.nonce, static_cast<int64_t>(valid_until), to_hex_prefixed(receipt->hash),
                       receipt->block_number};
  if (auto stored = store_->insert_session(record); !stored) {
    if (stored.error().code == ErrorCode::kReplay) {
      return api_fail(ApiErrorCode::kNonceReused, "sessionData.nonce " + req.nonce + " was used before");
    }
    return api_fail(ApiErrorCode::kInternal, "user store: " + stored.error().message);
  }

  json::object data;
  data["userSWA"] = user.user_swa;
  data["nonce"] = req.nonce;
  data["clientSWA"] = eth::to_checksum(req.client_swa);
  data["sessionExpiry"] = valid_until;
  // What happened, for the demo and for operators (not part of Okto's shape).
  json::object details;
  details["firstLogin"] = user_result->keygen.has_value();
  if (user_result->rebound_mask != 0) {
    json::array rebound;
    for (uint32_t node = 1; node <= 32; ++node) {
      if ((user_result->rebound_mask >> (node - 1)) & 1u) rebound.push_back(node);
    }
    details["dwnRebound"] = std::move(rebound);
  }
  if (!user_result->rebind_error.empty()) details["dwnRebindError"] = user_result->rebind_error;
  details["userId"] = user.user_id;
  json::object quorum;
  json::array nodes;
  for (const auto& n : report.nodes) {
    json::object node;
    node["nodeId"] = n.node_id;
    node["verdict"] = auth::to_string(n.verdict);
    if (n.error) node["error"] = n.error->public_code();
    nodes.push_back(std::move(node));
  }
  json::array signers;
  for (const auto& a : cert.attestations) signers.push_back(a.node_id);
  quorum["nodes"] = std::move(nodes);
  quorum["signers"] = std::move(signers);
  quorum["quorum"] = auth_->network->policy().quorum;
  quorum["certificate"] = json::parse(certificate_json);
  details["authQuorum"] = std::move(quorum);
  if (user_result->keygen) {
    json::object dkg;
    dkg["ecdsa"] = report_json(user_result->keygen->ecdsa_dkg);
    dkg["ecdsaOtSetup"] = report_json(user_result->keygen->ecdsa_setup);
    dkg["eddsa"] = report_json(user_result->keygen->eddsa_dkg);
    dkg["ms"] = user_result->keygen_ms;
    dkg["fromPool"] = user_result->from_pool;
    details["dkg"] = std::move(dkg);
  }
  json::object signing = report_json(signature->report);
  signing["presigned"] = signature->presigned;
  json::array signing_nodes;
  for (uint32_t id : signature->signers) signing_nodes.push_back(id);
  signing["signers"] = std::move(signing_nodes);
  signing["ms"] = sign_ms;
  details["signing"] = std::move(signing);
  details["ownerAddress"] = user.owner_address;
  details["ecdsaPublicKey"] = user.ecdsa_public_key;
  details["eddsaPublicKey"] = user.eddsa_public_key;
  details["userOpHash"] = to_hex_prefixed(receipt->hash);
  details["userOpSignature"] = to_hex_prefixed(signature->signature);
  details["blockNumber"] = receipt->block_number;
  if (config_.eddsa_receipts) {
    auto receipt_json = registration_receipt(user, identity, certificate_json, req.session_address, valid_until,
                                             receipt->hash, receipt->block_number);
    // The session is registered either way; a failed receipt is reported.
    if (receipt_json) {
      details["registrationReceipt"] = std::move(*receipt_json);
    } else {
      details["registrationReceipt"] = json::object{{"error", receipt_json.error().message}};
    }
  }
  json::object timing;
  timing["authMs"] = auth_ms;
  timing["keygenMs"] = user_result->keygen_ms;
  timing["signMs"] = sign_ms;
  timing["chainMs"] = chain_ms;
  timing["totalMs"] = ms_since(started);
  details["timing"] = std::move(timing);
  data["okmpc"] = std::move(details);
  return data;
}

}  // namespace okmpc::gateway
