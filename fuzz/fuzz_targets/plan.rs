//! Fuzz target `plan`; the logic lives in `fuzz/harness.rs`, which the
//! integration tests (`tests/it/fuzz_corpus.rs`) also use to replay
//! `fuzz/regressions/plan/`.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../harness.rs"]
mod harness;

fuzz_target!(|data: &[u8]| harness::plan(data));
