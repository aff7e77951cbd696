#include "chain/state_format.hpp"

#include <string>

namespace okmpc::chain {

Hash32 state_root_v1(const WorldState::Entries& entries) {
  static constexpr std::string_view kTag = "okmpc.chain.state.v1";
  Bytes buf(kTag.begin(), kTag.end());
  for (const auto& [k, v] : entries) {
    append_u32_be(buf, static_cast<uint32_t>(k.size()));
    append(buf, k);
    append_u32_be(buf, static_cast<uint32_t>(v.size()));
    append(buf, v);
  }
  return keccak256(buf);
}

Status bind_state_format(ChainStore& store) {
  const std::string key(kStateFormatMetaKey);
  const std::string current(kStateRootTag);
  OKMPC_ASSIGN_OR_RETURN(auto recorded, store.meta(key));
  if (recorded) {
    if (*recorded == current) return ok();
    return fail(ErrorCode::kInvalidArgument, "chain database was written with state root format " + *recorded +
                                                 "; this build reads only " + current);
  }
  OKMPC_ASSIGN_OR_RETURN(auto genesis, store.load_block(0));
  if (!genesis) return store.bind_meta(key, current);  // a new database
  if (genesis->state_root == state_root_v1({})) {
    return fail(ErrorCode::kInvalidArgument,
                "chain database was written by an older chain format (state root v1, before " + current +
                    "); this build does not read it: open it with the okmpc version that wrote it, or start a new chain");
  }
  return fail(ErrorCode::kCorrupted,
              "chain database is corrupted: it records no state root format and its genesis block is not a v1 genesis");
}

}  // namespace okmpc::chain
