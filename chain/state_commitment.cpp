#include "chain/state_commitment.hpp"

namespace okmpc::chain {
namespace {

// The hashes of an empty bucket, of a group of empty buckets and the root of
// the empty state (definition in the header).
struct EmptyHashes {
  Hash32 bucket;
  Hash32 group;
  Hash32 root;
};

Hash32 hash_words(std::string_view prefix, const Hash32* words, size_t count) {
  Bytes buf;
  buf.reserve(prefix.size() + 32 * count);
  append(buf, as_bytes(prefix));
  for (size_t i = 0; i < count; ++i) append(buf, words[i]);
  return keccak256(buf);
}

const EmptyHashes& empty_hashes() {
  static const EmptyHashes hashes = [] {
    EmptyHashes h;
    h.bucket = keccak256(ByteView());
    const std::vector<Hash32> buckets(StateCommitment::kBucketsPerGroup, h.bucket);
    h.group = hash_words("", buckets.data(), buckets.size());
    const std::vector<Hash32> groups(StateCommitment::kGroups, h.group);
    h.root = hash_words(kStateRootTag, groups.data(), groups.size());
    return h;
  }();
  return hashes;
}

Hash32 leaf_hash(const Bytes& key, const Bytes& value) {
  Bytes klen, vlen;
  append_u32_be(klen, static_cast<uint32_t>(key.size()));
  append_u32_be(vlen, static_cast<uint32_t>(value.size()));
  return keccak256({klen, key, vlen, value});
}

}  // namespace

StateCommitment::StateCommitment(const StateCommitment& other) {
  std::lock_guard lock(other.mutex_);
  buckets_ = other.buckets_;
  caches_ = other.caches_;
}

StateCommitment& StateCommitment::operator=(const StateCommitment& other) {
  if (this == &other) return *this;
  std::scoped_lock lock(mutex_, other.mutex_);
  buckets_ = other.buckets_;
  caches_ = other.caches_;
  return *this;
}

StateCommitment::StateCommitment(StateCommitment&& other) noexcept
    : buckets_(std::move(other.buckets_)), caches_(std::move(other.caches_)) {
  other.buckets_.clear();
  other.caches_ = Caches{};
}

StateCommitment& StateCommitment::operator=(StateCommitment&& other) noexcept {
  if (this == &other) return *this;
  buckets_ = std::move(other.buckets_);
  caches_ = std::move(other.caches_);
  other.buckets_.clear();
  other.caches_ = Caches{};
  return *this;
}

size_t StateCommitment::bucket_of(const Bytes& key) {
  const Hash32 h = keccak256(key);
  return (static_cast<size_t>(h[0]) << 4) | (h[1] >> 4);
}

void StateCommitment::allocate() {
  const EmptyHashes& empty = empty_hashes();
  buckets_.assign(kBuckets, {});
  caches_ = Caches{};
  caches_.bucket_hashes.assign(kBuckets, empty.bucket);
  caches_.group_hashes.fill(empty.group);
  caches_.root = empty.root;
}

void StateCommitment::update(const Bytes& key, const std::optional<Bytes>& value) {
  std::lock_guard lock(mutex_);
  if (buckets_.empty()) allocate();
  const size_t b = bucket_of(key);
  auto& bucket = buckets_[b];
  if (value) {
    bucket.insert_or_assign(key, leaf_hash(key, *value));
  } else if (bucket.erase(key) == 0) {
    return;  // was absent already: nothing changes
  }
  if (!caches_.dirty_buckets.test(b)) {
    caches_.dirty_buckets.set(b);
    caches_.dirty_list.push_back(static_cast<uint16_t>(b));
  }
}

Hash32 StateCommitment::root() const {
  std::lock_guard lock(mutex_);
  if (buckets_.empty()) return empty_hashes().root;
  if (caches_.dirty_list.empty()) return caches_.root;
  std::bitset<kGroups> dirty_groups;
  Bytes buf;
  for (uint16_t b : caches_.dirty_list) {
    buf.clear();
    for (const auto& [key, leaf] : buckets_[b]) append(buf, leaf);
    caches_.bucket_hashes[b] = keccak256(buf);
    dirty_groups.set(b / kBucketsPerGroup);
  }
  caches_.dirty_list.clear();
  caches_.dirty_buckets.reset();
  for (size_t g = 0; g < kGroups; ++g) {
    if (dirty_groups.test(g)) caches_.group_hashes[g] = hash_words("", &caches_.bucket_hashes[g * kBucketsPerGroup], kBucketsPerGroup);
  }
  caches_.root = hash_words(kStateRootTag, caches_.group_hashes.data(), kGroups);
  return caches_.root;
}

}  // namespace okmpc::chain
