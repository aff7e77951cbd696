// Base OT: κ = 128 random 1-out-of-2 OTs over secp256k1, "Verified Simplest
// OT" — Chou–Orlandi's Simplest OT (LATINCRYPT 2015) with the verification
// steps of Doerner–Kondi–Lee–shelat, "Secure Two-party Threshold ECDSA from
// ECDSA Assumptions" (DKLs18, IEEE S&P 2018, "Verified Simplest OT"), which DKLs19/DKLs23
// use to seed the OT extension. Paper mapping: papers/dkls23.md ("Base OT").
//
// Five messages, sender (S, holds b) and receiver (R, choice bits ω):
//   1 S→R  B = b·G and a Schnorr proof of knowledge of b (Fiat–Shamir bound to sid)
//   2 R→S  A_i = a_i·G + ω_i·B                        R's pad ρ_i^ω = H(sid, i, a_i·B)
//   3 S→R  ξ_i = H'(ρ_i^0) ⊕ H'(ρ_i^1)               ρ_i^0 = H(sid,i,b·A_i), ρ_i^1 = H(sid,i,b·(A_i−B))
//   4 R→S  ρ'_i = H'(ρ_i^ω) ⊕ ω_i·ξ_i                S checks ρ'_i = H'(ρ_i^0)
//   5 S→R  (Ĥ(ρ_i^0), Ĥ(ρ_i^1))                      R checks Ĥ(ρ_i^ω) and ξ_i
// with H' = Ĥ∘Ĥ. The checks stop a sender from giving the receiver pads that
// are inconsistent with its own (a selective failure that would later leak
// bits of the receiver's Δ through the OT extension), and the proof of
// knowledge of b stops a sender from choosing B so that it knows both pads'
// relation.
//
// In okmpc the base-OT sender becomes the extension *receiver*
// (ReceiverSeeds = its pads) and the base-OT receiver, whose choice bits are
// Δ, the extension *sender* (SenderSeeds). Every failure is kProtocolAbort
// (or a decode error) and the caller names the peer.
#pragma once

#include "mpc/bytes.hpp"
#include "mpc/error.hpp"
#include "mpc/rng.hpp"
#include "mpc/secp256k1.hpp"
#include "mpc/secret.hpp"
#include "protocols/ecdsa/ot/kos.hpp"

namespace okmpc::ecdsa::ot {

// Sender state between messages 1 and 3, and between 3 and 5.
struct BaseOtSender {
  Secret<Secp256k1::Scalar> b;
  Secp256k1::Point B;
  Secret<ReceiverSeeds> pads;  // ρ^0, ρ^1 once message 2 arrived
};
// Receiver state between messages 2 and 4, and between 4 and 5.
struct BaseOtReceiver {
  Secret<Block> choices;                  // ω (becomes Δ)
  Secret<std::array<Seed, kKappa>> pads;  // ρ^ω
  std::array<Seed, kKappa> xi{};          // ξ from message 3 (public)
};

struct Step1 {
  BaseOtSender state;
  Bytes message;  // B ‖ proof
};
// Message 1. `sid` identifies this pair and direction uniquely.
Step1 base_ot_sender_hello(ByteView sid, Rng& rng);

struct Step2 {
  BaseOtReceiver state;
  Bytes message;  // κ points A_i
};
// Message 2 for uniformly random choice bits drawn from rng. Verifies the
// proof in message 1.
Result<Step2> base_ot_receiver_choose(ByteView sid, ByteView message1, Rng& rng);

// Message 3: the challenges ξ_i. Computes the pads from the A_i.
Result<Bytes> base_ot_sender_challenge(BaseOtSender& state, ByteView sid, ByteView message2);

// Message 4: the responses ρ'_i.
Result<Bytes> base_ot_receiver_respond(BaseOtReceiver& state, ByteView message3);

// Checks the responses, returns message 5 (the openings). On success the
// sender's pads in `state.pads` are final.
Result<Bytes> base_ot_sender_open(const BaseOtSender& state, ByteView message4);

// Checks the openings; returns the extension-sender seeds (Δ = ω, k_i^{Δ_i}).
Result<Secret<SenderSeeds>> base_ot_receiver_finish(const BaseOtReceiver& state, ByteView message5);

}  // namespace okmpc::ecdsa::ot
