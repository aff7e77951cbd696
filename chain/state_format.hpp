// Which state-root format a chain database was written with.
//
// Every block header commits to a state root (chain/block.hpp), so a
// database is readable only by code computing the same root. The format is
// bound in the meta table under "state_root" (value: the root's domain tag,
// kStateRootTag). Databases written before the format was recorded used the
// v1 root and lack the row; they are recognised by their genesis block,
// whose state root is the v1 root of the empty state.
//
// v1 databases are refused, not migrated: migrating would change every
// stored state root and therefore every block hash and parent link, i.e.
// rewrite a history whose block hashes were already handed out. Their
// entries can be replayed into a new chain by whoever needs them.
#pragma once

#include "chain/chain_store.hpp"
#include "chain/world_state.hpp"
#include "mpc/error.hpp"

namespace okmpc::chain {

inline constexpr std::string_view kStateFormatMetaKey = "state_root";

// Binds a database without blocks to the current format (kStateRootTag), or
// checks an existing one's. Errors, with nothing written:
//   kInvalidArgument "... written by an older chain format (state root v1) ..."
//       for a v1 database, and "... state root format <name> ..." for any
//       other recorded format;
//   kCorrupted when the row is missing but the genesis block is not a v1
//       genesis (the row was removed), or the genesis block is unreadable;
//   kIo on storage failures.
Status bind_state_format(ChainStore& store);

// The retired v1 state root:
//   keccak256("okmpc.chain.state.v1" ‖ for each entry in key order:
//             u32be(len k) ‖ k ‖ u32be(len v) ‖ v).
// Linear in the state size; kept to recognise v1 databases.
Hash32 state_root_v1(const WorldState::Entries& entries);

}  // namespace okmpc::chain
