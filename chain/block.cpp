#include "chain/block.hpp"

namespace okmpc::chain {

std::string_view to_string(EntryKind kind) {
  switch (kind) {
    case EntryKind::kUserOp: return "userop";
    case EntryKind::kDeploySwa: return "deploy-swa";
    case EntryKind::kMint: return "mint";
    case EntryKind::kFundPaymaster: return "fund-paymaster";
  }
  return "?";
}

Block header_of(const Block& b) {
  Block h;
  h.number = b.number;
  h.parent_hash = b.parent_hash;
  h.timestamp = b.timestamp;
  h.state_root = b.state_root;
  h.ops_root = b.ops_root;
  h.hash = b.hash;
  return h;
}

Hash32 compute_ops_root(std::span<const BlockEntry> entries) {
  Bytes buf;
  buf.reserve(32 * entries.size());
  for (const BlockEntry& e : entries) append(buf, e.hash);
  return keccak256(buf);
}

Hash32 compute_block_hash(const Block& b) {
  static constexpr std::string_view kTag = "okmpc.chain.block.v1";
  Bytes buf(kTag.begin(), kTag.end());
  append_u64_be(buf, b.number);
  append(buf, b.parent_hash);
  append_u64_be(buf, b.timestamp);
  append(buf, b.state_root);
  append(buf, b.ops_root);
  append_u32_be(buf, static_cast<uint32_t>(b.entries.size()));
  return keccak256(buf);
}

}  // namespace okmpc::chain
