// okmpc's public API, all of it: threshold key generation, FROST and
// threshold ECDSA signing as party state machines driven by the caller's
// transport, sealed key-share storage and signature verification.
// Guide: docs/embedding.md.
#pragma once

#include "okmpc/ecdsa.hpp"
#include "okmpc/export.hpp"
#include "okmpc/frost.hpp"
#include "okmpc/key_share.hpp"
#include "okmpc/keygen.hpp"
#include "okmpc/party.hpp"
#include "okmpc/status.hpp"
#include "okmpc/verify.hpp"
