// The KOS matrix turned from columns into rows (KOS15 Fig. 7: the receiver
// and the sender expand κ = 128 columns by the PRG, then work on the rows
// t_j, q_j). Input: kKappa columns of rows/8 bytes each, column-major —
// byte b of column i at columns[i·rows/8 + b], row j's bit in byte j/8 at
// bit j%8. Output: `rows` Blocks with bit i of row j = bit j of column i.
// Both functions are constant time (no branch or memory index depends on
// the matrix) and give the same result; transpose_columns uses SSE2 when
// the compiler targets it (every x86-64), else the portable form.
// Paper: papers/dkls23.md ("OT extension").
#pragma once

#include <cstddef>

#include "mpc/bytes.hpp"
#include "protocols/ecdsa/ot/secret_blocks.hpp"

namespace okmpc::ecdsa::ot {

// Preconditions (checked by the callers' sizes): rows is a multiple of 8 and
// columns.size() == 128 · rows / 8.
SecretBlocks transpose_columns(ByteView columns, size_t rows);

// The same by 8×8 bit-matrix transposes in 64-bit words (Hacker's Delight
// §7-3), for CPUs without SSE2 and as the tests' reference.
SecretBlocks transpose_columns_portable(ByteView columns, size_t rows);

}  // namespace okmpc::ecdsa::ot
