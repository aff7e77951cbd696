#include "chain/world_state.hpp"

#include <algorithm>

namespace okmpc::chain {
namespace {

enum Tag : uint8_t { kSwa = 1, kNonce = 2, kSession = 3, kPolicy = 4, kBalance = 5, kBudget = 6 };

constexpr size_t kSessionValueSize = 20 + 8 + 8 + 1;
constexpr size_t kPolicyValueSize = 20 + 32 + 32;

Bytes make_key(Tag tag, std::initializer_list<ByteView> parts) {
  Bytes k{tag};
  for (ByteView p : parts) append(k, p);
  return k;
}

uint64_t read_u64(ByteView b) {
  uint64_t v = 0;
  for (size_t i = 0; i < 8; ++i) v = (v << 8) | b[i];
  return v;
}

template <size_t N>
ByteArray<N> read_array(ByteView b) {
  ByteArray<N> out;
  std::copy_n(b.begin(), N, out.begin());
  return out;
}

std::optional<Bytes> nonzero_word(const Uint256& v) {
  if (v.is_zero()) return std::nullopt;
  return Bytes(v.bytes().begin(), v.bytes().end());
}

// Expected (key size, value size) per tag.
std::optional<std::pair<size_t, size_t>> layout(uint8_t tag) {
  switch (tag) {
    case kSwa: return std::pair<size_t, size_t>{1 + 20, 20};
    case kNonce: return std::pair<size_t, size_t>{1 + 20 + 24, 8};
    case kSession: return std::pair<size_t, size_t>{1 + 20, kSessionValueSize};
    case kPolicy: return std::pair<size_t, size_t>{1 + 20, kPolicyValueSize};
    case kBalance: return std::pair<size_t, size_t>{1 + 40, 32};
    case kBudget: return std::pair<size_t, size_t>{1 + 20, 32};
    default: return std::nullopt;
  }
}

}  // namespace

std::optional<Bytes> WorldState::get(const Bytes& key) const {
  auto it = entries_.find(key);
  if (it == entries_.end()) return std::nullopt;
  return it->second;
}

Status WorldState::load(Bytes key, Bytes value) {
  auto shape = key.empty() ? std::nullopt : layout(key[0]);
  if (!shape || key.size() != shape->first || value.size() != shape->second) {
    return fail(ErrorCode::kCorrupted, "state entry with key " + std::to_string(key.size()) +
                                           " bytes does not fit the state layout");
  }
  commitment_.update(key, value);
  entries_.insert_or_assign(std::move(key), std::move(value));
  return ok();
}

void WorldState::put(const Bytes& key, std::optional<Bytes> value) {
  commitment_.update(key, value);
  if (value) {
    entries_.insert_or_assign(key, std::move(*value));
  } else {
    entries_.erase(key);
  }
  dirty_.insert(key);
}

namespace {
// The address that follows the tag byte in keys of `tag`.
std::vector<eth::Address> addresses_with_tag(const WorldState::Entries& entries, Tag tag) {
  std::vector<eth::Address> out;
  for (auto it = entries.lower_bound(Bytes{tag}); it != entries.end() && it->first[0] == tag; ++it) {
    out.push_back(read_array<20>(ByteView(it->first).subspan(1)));
  }
  return out;
}
}  // namespace

std::vector<std::pair<eth::Address, eth::Address>> WorldState::all_swas() const {
  const StateTxn view = StateTxn::read_only(*this);
  std::vector<std::pair<eth::Address, eth::Address>> out;
  for (const eth::Address& a : addresses_with_tag(entries_, kSwa)) out.emplace_back(a, *view.swa_owner(a));
  return out;
}

std::vector<std::pair<eth::Address, SessionRecord>> WorldState::all_sessions() const {
  const StateTxn view = StateTxn::read_only(*this);
  std::vector<std::pair<eth::Address, SessionRecord>> out;
  for (const eth::Address& a : addresses_with_tag(entries_, kSession)) out.emplace_back(a, *view.session(a));
  return out;
}

std::vector<std::pair<Bytes, std::optional<Bytes>>> WorldState::take_dirty() {
  std::vector<std::pair<Bytes, std::optional<Bytes>>> out;
  out.reserve(dirty_.size());
  for (const Bytes& k : dirty_) out.emplace_back(k, get(k));
  dirty_.clear();
  return out;
}

std::optional<Bytes> StateTxn::get(const Bytes& key) const {
  if (auto it = writes_.find(key); it != writes_.end()) return it->second;
  return base_->get(key);
}

void StateTxn::commit() {
  for (auto& [k, v] : writes_) base_->put(k, std::move(v));
  writes_.clear();
}

std::optional<eth::Address> StateTxn::swa_owner(const eth::Address& swa) const {
  auto v = get(make_key(kSwa, {swa}));
  if (!v) return std::nullopt;
  return read_array<20>(*v);
}

void StateTxn::set_swa_owner(const eth::Address& swa, const eth::Address& owner) {
  put(make_key(kSwa, {swa}), Bytes(owner.begin(), owner.end()));
}

uint64_t StateTxn::next_nonce(const eth::Address& sender, const NonceKey& key) const {
  auto v = get(make_key(kNonce, {sender, key}));
  return v ? read_u64(*v) : 0;
}

void StateTxn::set_next_nonce(const eth::Address& sender, const NonceKey& key, uint64_t seq) {
  Bytes v;
  append_u64_be(v, seq);
  put(make_key(kNonce, {sender, key}), seq == 0 ? std::nullopt : std::optional<Bytes>(v));
}

std::optional<SessionRecord> StateTxn::session(const eth::Address& session) const {
  auto v = get(make_key(kSession, {session}));
  if (!v) return std::nullopt;
  ByteView b = *v;
  SessionRecord r;
  r.swa = read_array<20>(b);
  r.valid_after = read_u64(b.subspan(20));
  r.valid_until = read_u64(b.subspan(28));
  r.revoked = b[36] != 0;
  return r;
}

void StateTxn::set_session(const eth::Address& session, const SessionRecord& r) {
  Bytes v(r.swa.begin(), r.swa.end());
  append_u64_be(v, r.valid_after);
  append_u64_be(v, r.valid_until);
  append_u8(v, r.revoked ? 1 : 0);
  put(make_key(kSession, {session}), std::move(v));
}

std::optional<SpendPolicy> StateTxn::policy(const eth::Address& session) const {
  auto v = get(make_key(kPolicy, {session}));
  if (!v) return std::nullopt;
  ByteView b = *v;
  return SpendPolicy{read_array<20>(b), Uint256(read_array<32>(b.subspan(20))), Uint256(read_array<32>(b.subspan(52)))};
}

void StateTxn::set_policy(const eth::Address& session, const SpendPolicy& p) {
  Bytes v(p.token.begin(), p.token.end());
  append(v, p.limit.bytes());
  append(v, p.spent.bytes());
  put(make_key(kPolicy, {session}), std::move(v));
}

Uint256 StateTxn::balance(const eth::Address& token, const eth::Address& holder) const {
  auto v = get(make_key(kBalance, {token, holder}));
  return v ? Uint256(read_array<32>(*v)) : Uint256();
}

void StateTxn::set_balance(const eth::Address& token, const eth::Address& holder, const Uint256& value) {
  put(make_key(kBalance, {token, holder}), nonzero_word(value));
}

Uint256 StateTxn::paymaster_budget(const eth::Address& client) const {
  auto v = get(make_key(kBudget, {client}));
  return v ? Uint256(read_array<32>(*v)) : Uint256();
}

void StateTxn::set_paymaster_budget(const eth::Address& client, const Uint256& value) {
  put(make_key(kBudget, {client}), nonzero_word(value));
}

}  // namespace okmpc::chain
