// A move-only, zeroizing vector of Blocks: rows of the OT-extension matrix.
#pragma once

#include "protocols/ecdsa/ot/block.hpp"
#include "protocols/ecdsa/secret_vector.hpp"

namespace okmpc::ecdsa::ot {

using SecretBlocks = SecretVector<Block>;

}  // namespace okmpc::ecdsa::ot
